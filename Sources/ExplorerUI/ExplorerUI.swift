// Screens as state + update + render into a CellGrid.

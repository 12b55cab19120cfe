import Localization
/// What the filters and features screens draw in place of weights that are not there yet: the model's
/// `weightsNote` ("making alexnet's weights (Gaussian σ = 0.01)…", or why they could not be made) and what
/// to do meanwhile, wrapped to the screen's body.
enum WeightsNote {
    static func render(_ note: String, showing what: String, into grid: inout CellGrid, area: Rect, theme: Theme) {
        let body = Rect(x: area.x + 1, y: area.y + 1, width: max(1, area.width - 2), height: max(0, area.height - 1))
        let lines = StyledLine.wrapped(note, width: body.width, style: theme.warning) + [StyledLine()]
            + StyledLine.wrapped(Messages.weightsAppearWhenReady(what), width: body.width, style: theme.dim)
        StyledLine.render(lines, into: &grid, rect: body)
    }
}

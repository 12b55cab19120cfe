import Localization
/// What the explorer shows when the window is smaller than it can use: the current and the needed
/// size, wrapped to whatever room there is (down to a single cell).
enum TooSmallMessage {
    static func render(into grid: inout CellGrid, need: (width: Int, height: Int), theme: Theme) {
        let words = Messages.tooSmall(width: grid.width, height: grid.height, needWidth: need.width, needHeight: need.height)
        let lines = TextWrap.wrap(words, width: grid.width)
        let top = max(0, (grid.height - lines.count) / 2)
        for (i, line) in lines.prefix(grid.height).enumerated() {
            let x = max(0, (grid.width - line.displayWidth) / 2)
            grid.write(line, x: x, y: top + i, style: theme.warning)
        }
    }
}

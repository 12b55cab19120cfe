import Testing
@testable import ExplorerUI

@Suite struct LineChartTests {
    let rising = ChartSeries(name: "relu", points: (0...10).map { ChartPoint(x: Double($0), y: Double($0)) }, color: .brightGreen)
    let flat = ChartSeries(name: "tanh", points: [ChartPoint(x: 0, y: 5), ChartPoint(x: 10, y: 5)], color: .brightRed)

    @Test func axesLabelsAndLegend() {
        var grid = CellGrid(width: 40, height: 12)
        LineChart(series: [rising, flat], target: (value: 2.5, label: "25%"), xLabel: "step")
            .render(into: &grid, area: grid.bounds, theme: Theme(.standard))
        let text = grid.text
        #expect(text.contains("● relu"))
        #expect(text.contains("● tanh"))
        #expect(text.contains("╌ 25%"))
        #expect(text.contains("step"))
        // 0…10 in a 9-row plot: at most 3 intervals, so a round step of 5 (10/3 rounded up to 1, 2, 2.5 or 5
        // × 10^k) and ticks 0, 5, 10 on rows 1 + round((10 − v)/10 · 8) = 9, 5, 1 (braille: 4 dots a row, the
        // same rows); the target 2.5 labelled with its own value on its row, 1 + round(0.75 · 35) / 4 = 7.
        #expect(grid.line(1).hasPrefix(" 10│"), "\(grid.line(1))")
        #expect(grid.line(5).hasPrefix("  5│"), "\(grid.line(5))")
        #expect(grid.line(7).hasPrefix("2.5│"), "\(grid.line(7))")
        #expect(grid.line(9).hasPrefix("  0│"), "\(grid.line(9))")
        #expect(grid.find("└────") != nil)
        // The x axis starts at step 0 even when the first point is logged later.
        let late = ChartSeries(name: "relu", points: (6...20).map { ChartPoint(x: Double($0), y: 1) }, color: .brightGreen)
        var lateGrid = CellGrid(width: 40, height: 12)
        LineChart(series: [late], xLabel: "step").render(into: &lateGrid, area: lateGrid.bounds, theme: Theme(.standard))
        let xAxis = lateGrid.line(11)
        #expect(xAxis.drop { $0 == " " }.hasPrefix("0 ") && xAxis.hasSuffix("20"), "\(xAxis)")
    }

    @Test func seriesHaveTheirColoursAndTheRisingLineGoesUp() {
        var grid = CellGrid(width: 40, height: 12)
        LineChart(series: [rising], xLabel: "step").render(into: &grid, area: grid.bounds, theme: Theme(.standard))
        let green = CellStyle(fg: .brightGreen)
        var firstRowWithDots: [Int] = []
        for x in 0..<grid.width {
            if let y = (0..<grid.height).first(where: { grid[x, $0].style == green && grid[x, $0].character.value >= 0x2800 && grid[x, $0].character.value <= 0x28FF }) {
                firstRowWithDots.append(y)
            }
        }
        #expect(firstRowWithDots.count > 20)
        #expect(firstRowWithDots.first! > firstRowWithDots.last!)   // rows count down the screen
    }

    @Test func withoutColourSeriesGetDistinctMarks() {
        var grid = CellGrid(width: 40, height: 12)
        LineChart(series: [rising, flat]).render(into: &grid, area: grid.bounds, theme: Theme(.monochrome))
        #expect(grid.text.contains("* relu"))
        #expect(grid.text.contains("+ tanh"))
        #expect(grid.text.contains("+++++"))   // the flat series is a row of its marks
    }

    @Test func tinyAreasDoNotCrash() {
        var grid = CellGrid(width: 5, height: 2)
        LineChart(series: [rising]).render(into: &grid, area: grid.bounds, theme: Theme(.standard))
        #expect(grid.line(0).hasPrefix("(char"))
    }
}

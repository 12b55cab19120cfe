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
        // y range is 0…10 padded by 5%: labels −0.5 at the bottom and 10.5 at the top.
        #expect(grid.line(1).hasPrefix("10.5│"))
        #expect(grid.find("-0.5│") != nil)
        #expect(grid.find("└────") != nil)
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

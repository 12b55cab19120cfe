import Testing
@testable import ExplorerUI

@Suite struct CellGridTests {
    @Test func writeClipsAtTheEdgeAndAtMaxWidth() {
        var grid = CellGrid(width: 6, height: 2)
        let end = grid.write("abcdefgh", x: 2, y: 0)
        grid.write("xyz", x: 0, y: 1, maxWidth: 2)
        #expect(end == 6)
        #expect(grid.lines == ["  abcd", "xy    "])
    }

    @Test func writesOutsideTheGridAreIgnored() {
        var grid = CellGrid(width: 3, height: 1)
        grid.write("abc", x: -1, y: 0)
        grid.write("zzz", x: 0, y: 5)
        grid.put("q", x: 9, y: 0)
        #expect(grid.lines == ["bc "])
    }

    @Test func fillAndRestyleKeepTheRectangle() {
        var grid = CellGrid(width: 4, height: 3)
        grid.fill(Rect(x: 1, y: 1, width: 9, height: 1), with: Cell("#"))
        grid.restyle(Rect(x: 0, y: 1, width: 2, height: 1)) { $0.bold = true }
        #expect(grid.text == "\n ###\n")
        #expect(grid[1, 1].style.bold && grid[0, 1].style.bold && !grid[2, 1].style.bold)
    }

    @Test func findReturnsTheFirstOccurrence() {
        var grid = CellGrid(width: 10, height: 2)
        grid.write("55×55×96", x: 1, y: 1)
        #expect(grid.find("×96")! == (6, 1))
        #expect(grid.find("nope") == nil)
    }

    @Test(arguments: [("×", "x"), ("→", ">"), ("⌊", "["), ("─", "-"), ("▀", "#"), ("a", "a"), ("\u{2847}", "*")])
    func asciiFallbackIsOneCell(_ pair: (String, String)) {
        #expect(ASCIIFallback.character(for: pair.0.unicodeScalars.first!) == pair.1.unicodeScalars.first!)
    }
}

@Suite struct StyledLineTests {
    @Test func longLinesWrapAtSpacesKeepingStyles() {
        let bold = CellStyle(bold: true)
        let line = StyledLine([("MACs        ", bold), ("105,415,200", .plain), (" multiply-adds per image", .plain)])
        let lines = line.wrapped(width: 30)
        var grid = CellGrid(width: 30, height: 2)
        StyledLine.render(lines, into: &grid, rect: grid.bounds)
        #expect(grid.text == "MACs        105,415,200\n    multiply-adds per image")
        #expect(grid[0, 0].style == bold && grid[12, 0].style == .plain)
    }

    /// Styled text wraps by TextWrap's rule: a bracketed formula stays whole, a word's style survives the break.
    @Test func styledLinesWrapByTheOneRule() {
        let number = CellStyle(bold: true)
        let line = StyledLine([("sizes: ", .plain), ("⌊(227 − 11)/4⌋", number), (" + 1 = 55", .plain)])
        let lines = line.wrapped(width: 20)
        #expect(lines.map { $0.spans.map(\.text).joined() } == ["sizes:", "    ⌊(227 − 11)/4⌋ +", "    1 = 55"])
        #expect(lines[1].spans.map(\.style) == [.plain, number, .plain])
    }

    @Test func shortLinesStayWhole() {
        #expect(StyledLine("short", .plain).wrapped(width: 30).count == 1)
    }
}

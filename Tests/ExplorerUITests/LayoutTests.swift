import AlexNetCore
import Testing
@testable import ExplorerUI

/// Every screen at the design size (80×24) and the smallest (44×14): the tab bar is complete, the
/// screen's essentials show, panels do not overlap, and text longer than its panel is marked and
/// reachable by scrolling.
@Suite struct LayoutTests {
    static let sizes = [(80, 24), (44, 14)]

    /// A feature set shaped like the real one: an input of the network's size, conv1's maps, and
    /// probabilities whose best classes are known.
    static func features(for preset: Preset) -> FeatureSet {
        let spec = preset.spec
        let (c, h, w) = (spec.input.channels, spec.input.height, spec.input.width)
        let input = Tensor(shape: [c, h, w], data: (0..<(c * h * w)).map { Float($0 % (w + 3)) / Float(w) })
        let report = try! spec.shapeReport()
        let conv1 = report.layers[0].output
        let maps = Tensor(shape: [conv1.channels, conv1.height, conv1.width],
                          data: (0..<conv1.count).map { Float(($0 * 31) % 97) })
        let classes = report.output.count
        var p = [Float](repeating: 0.001, count: classes)
        p[classes == 1000 ? 909 : 9] = 0.47; p[classes / 2] = 0.2; p[7] = 0.1
        let names = classes == 10 ? FashionMNIST.classNames : (0..<classes).map { "class \($0)" }
        return FeatureSet(input: input, inputName: "test input", layers: [("conv1", maps)], probabilities: p, classNames: names)
    }

    static func explorer(_ preset: Preset) throws -> Explorer {
        let spec = preset.spec
        let inChannels = spec.input.channels
        let filters = preset == .alexnet ? knownFilters(count: 96, channels: inChannels, kernel: 11)
                                         : knownFilters(count: 32, channels: inChannels, kernel: 5)
        return try Explorer(network: spec, filters: filters, features: features(for: preset), capabilities: .standard)
    }

    /// What each screen must show at any size, by tab number.
    static let essentials: [Int: [String]] = [
        1: ["conv1  convolution", "→ 55×55×96"], 2: ["kernel 11", "stride 4"], 3: ["conv1 filters"],
        4: ["Prediction", "47.0% class"], 5: ["Error rate", "ready: press Space to start"],
        6: ["Training error", "25% target"],
    ]

    @Test(arguments: [(80, 24), (44, 14)], [1, 2, 3, 4, 5, 6])
    func everyAlexNetScreenShowsTabsEssentialsAndFooter(_ size: (Int, Int), _ tab: Int) throws {
        var e = try Self.explorer(.alexnet)
        press(&e, "\(tab)")
        let grid = render(e, width: size.0, height: size.1)
        let bar = grid.line(0)
        for n in 1...6 { #expect(bar.contains(" \(n) "), "tab \(n) missing at \(size): \(bar)") }
        #expect(bar.hasSuffix(" alexnet "), "network name missing at \(size): \(bar)")
        #expect(bar.contains(" \(tab) \(e.activeScreen.title) "), "active tab not named in full: \(bar)")
        let footer = grid.line(size.1 - 1)
        #expect(footer.contains("? keys") && footer.contains("q quit"))
        // At least the screen's first key is in the footer.
        #expect(footer.contains(e.activeScreen.footerKeys[0].keys), "\(footer)")
        for text in Self.essentials[tab]! where !(size.0 < 80 && tab == 5 && text.hasPrefix("ready")) {
            #expect(grid.text.contains(text), "screen \(tab) at \(size) lacks '\(text)':\n\(grid.text)")
        }
    }

    @Test(arguments: [(80, 24), (44, 14)], [1, 2, 3, 4, 5, 6])
    func everyMiniScreenHasACompleteTabBar(_ size: (Int, Int), _ tab: Int) throws {
        var e = try Self.explorer(.mini)
        press(&e, "\(tab)")
        let bar = render(e, width: size.0, height: size.1).line(0)
        for n in 1...6 { #expect(bar.contains(" \(n) ")) }
        #expect(bar.hasSuffix(" mini "))
    }

    @Test func theTabBarAtEightyColumnsKeepsEveryTabAndTheNetwork() {
        let titles = ["Layers", "What-if", "Filters", "Features", "Training", "ReLU vs tanh"]
        for active in titles.indices {
            let plan = TabBar(appName: "AlexNet Explorer", titles: titles, active: active, networkName: "alexnet").plan(width: 80)
            #expect(plan.width <= 80)
            #expect(plan.labels.count == 6)
            #expect(plan.labels[active] == " \(active + 1) \(titles[active]) ")
            #expect(plan.labels.allSatisfy { $0.count >= 3 })
        }
        #expect(TabBar.abbreviate("Features", to: 6) == "Feat.")
        #expect(TabBar.abbreviate("ReLU vs tanh", to: 6) == "ReLU")
        #expect(TabBar.abbreviate("What-if", to: 6) == "What")
        #expect(TabBar.abbreviate("Layers", to: 6) == "Layers")
        #expect(TabBar.abbreviate("Training", to: 6) == "Train.")
    }

    // MARK: - Scrolling text

    @Test func conv1PanelReachesThe224And253440ExplanationsByScrolling() throws {
        var e = try Self.explorer(.alexnet)
        e.resize(width: 80, height: 24)
        let first = render(e, width: 80, height: 24).text
        #expect(first.contains("more ↓"))
        #expect(!first.contains("more ↑"))
        var seen = first
        var pages = 0
        while render(e, width: 80, height: 24).text.contains("more ↓"), pages < 10 {
            press(&e, "J"); pages += 1
            seen += render(e, width: 80, height: 24).text
        }
        #expect(pages >= 1 && pages < 10)
        let last = render(e, width: 80, height: 24).text
        #expect(last.contains("more ↑"))
        // The paper's 224 against 227 (⌊(224 − 11)/4⌋ + 1 = 54 leaves a pixel), and its neuron count.
        #expect(seen.contains("The paper says 224×224 input"))
        #expect(seen.contains("not exact: 213/4"))
        #expect(seen.contains("253,440"))
        #expect(last.contains("fc8"))
        // K goes back to the top.
        for _ in 0..<pages { press(&e, "K") }
        #expect(render(e, width: 80, height: 24).text == first)
    }

    @Test(arguments: [(80, 24), (44, 14)])
    func everyConvLayerMarksHiddenTextAndScrollsToIt(_ size: (Int, Int)) throws {
        var marked = 0
        for conv in 0..<5 {
            var e = try Self.explorer(.alexnet)
            e.resize(width: size.0, height: size.1)
            for _ in 0..<conv { press(&e, "c") }
            let top = render(e, width: size.0, height: size.1).text
            guard top.contains("more ↓") else { continue }
            marked += 1
            for _ in 0..<20 { press(&e, [.pageDown]) }
            let end = render(e, width: size.0, height: size.1).text
            #expect(end.contains("more ↑") && !end.contains("more ↓"), "\(end)")
            // Another layer starts at the top again.
            press(&e, "l")
            #expect(!render(e, width: size.0, height: size.1).text.contains("more ↑"))
        }
        #expect(marked >= 1)
    }

    @Test func scrollViewMarksAndClamps() {
        let lines = (0..<10).map { StyledLine("line \($0)") }
        var grid = CellGrid(width: 24, height: 4)
        ScrollView(lines: lines, offset: 0).render(into: &grid, rect: grid.bounds, theme: Theme(.standard))
        #expect(grid.text == "line 0\nline 1\nline 2\n   more ↓ 7 lines · PgDn")
        // The last offset shows the last line right under the "more ↑" mark.
        #expect(ScrollView.maxOffset(lineCount: 10, height: 4) == 7)
        grid = CellGrid(width: 24, height: 4)
        ScrollView(lines: lines, offset: 99).render(into: &grid, rect: grid.bounds, theme: Theme(.standard))
        #expect(grid.text == "             more ↑ PgUp\nline 7\nline 8\nline 9")
    }

    @Test func keyHelpWrapsItsActionsAndSaysWhatATallerWindowWouldShow() throws {
        var e = try Self.explorer(.mini)
        press(&e, "2"); press(&e, "?")
        let big = render(e, width: 80, height: 24).text
        #expect(big.contains("choose a layer (conv and pool layers are editable)"))
        #expect(big.contains("scroll the text") && big.contains("quit"))
        let small = render(e, width: 44, height: 14).text
        // The long action wraps at words beside its key instead of running out of the box.
        #expect(small.contains("choose a layer (conv") && small.contains("editable)"))
        #expect(small.contains("4 more keys in a taller window"))
    }

    @Test func theWhyTextOfReLUVsTanhIsReachableAtEveryWidth() throws {
        var e = try Self.explorer(.alexnet)
        press(&e, "6")
        e.resize(width: 80, height: 24)
        #expect(!render(e, width: 80, height: 24).text.contains("saturating"))
        press(&e, "w")   // narrow: the text takes the chart's place
        let narrow = render(e, width: 80, height: 24).text
        // Before a result the text assumes no winner: it says what decides the race.
        #expect(narrow.contains("What decides it: a ReLU passes") && !narrow.contains("Training error"))
        #expect(!narrow.contains("learns faster") && !narrow.contains("learn slowly"))
        press(&e, "w")
        #expect(render(e, width: 80, height: 24).text.contains("Training error"))
        // Wide: beside the chart, marked when it runs past the panel, and J reaches its end.
        e.resize(width: 100, height: 24)
        let wide = render(e, width: 100, height: 24).text
        #expect(wide.contains("Training error") && wide.contains("What decides it"))
        #expect(wide.contains("more ↓"))
        for _ in 0..<6 { press(&e, "J") }
        let end = render(e, width: 100, height: 24).text
        #expect(end.contains("more ↑") && !end.contains("more ↓") && end.contains("‖∂W‖/‖W‖"))
    }

    // MARK: - Features screen

    @Test(arguments: [(80, 24), (44, 14), (100, 30), (120, 40)])
    func featuresPanelsNeverOverlapAndTheWholeInputShows(_ size: (Int, Int)) throws {
        for preset in [Preset.alexnet, .mini] {
            let features = Self.features(for: preset)
            let screen = FeatureMapsScreen(features: features)
            let area = Rect(x: 1, y: 2, width: size.0 - 2, height: size.1 - 3)
            let theme = Theme(.standard)
            let g = try #require(screen.geometry(area: area, theme: theme))
            for (a, b) in [(g.input, g.prediction), (g.input, g.maps), (g.prediction, g.maps)] {
                #expect(!intersects(a, b), "\(preset) at \(size): \(a) overlaps \(b)")
            }
            for r in [g.input, g.prediction, g.maps] {
                #expect(r.x >= area.x && r.y >= area.y && r.maxX <= area.maxX && r.maxY <= area.maxY)
            }
            #expect(g.prediction.height >= 2, "the prediction needs its heading and a class")
            // The whole input fits its panel (two pixels per cell with half blocks).
            let picture = FeatureMapsScreen.inputPicture(features.input)
                .fitted(maxWidth: g.input.width, maxHeight: g.input.height * 2).image
            #expect(picture.width <= g.input.width && (picture.height + 1) / 2 <= g.input.height)
            #expect(picture.width >= min(features.input.shape[2], g.input.width) - 1
                    || (picture.height + 1) / 2 >= g.input.height - 1, "the picture should fill one side of its panel")
            // A map that does not fit is shrunk by a whole factor, and the screen says so.
            let (mh, mw) = (features.layers[0].maps.shape[1], features.layers[0].maps.shape[2])
            let cellsHigh = ((mh + g.factor - 1) / g.factor + 1) / 2
            #expect(cellsHigh <= g.maps.height - 2 && (mw + g.factor - 1) / g.factor <= g.maps.width)
            if g.factor > 1 {
                var grid = CellGrid(width: size.0, height: size.1)
                screen.render(into: &grid, area: area, theme: theme)
                #expect(grid.text.contains("maps 1:\(g.factor)"), "\(grid.text)")
            }
        }
    }

    @Test func thePredictionIsDrawnInItsOwnPanelNotOverThePicture() throws {
        var e = try Self.explorer(.alexnet)
        press(&e, "4")
        for (w, h) in [(80, 24), (100, 30), (44, 14)] {
            let grid = render(e, width: w, height: h)
            let (x, y) = try #require(grid.find("Prediction"), "at \(w)×\(h)")
            // Nothing but the heading on its row inside the left column, and the classes below it whole.
            #expect(grid.region(x: x, y: y, width: 14, height: 1) == ["Prediction"])
            // "class 909" whole, or "class" with "909" on the indented line under it.
            let (first, second) = (grid.line(y + 1), grid.line(y + 2))
            #expect(first.contains("47.0% class"))
            #expect(first.contains("47.0% class 909") || second.hasPrefix(String(repeating: " ", count: x + 6) + "909"),
                    "\(first)\n\(second)")
            // No picture cells in the prediction panel's rows of the left column.
            #expect(!grid.region(x: 0, y: y, width: x + 14, height: 3).joined().contains("▀"))
        }
    }

    @Test func classNamesWrapAtWordsNeverInside() {
        let top: [(name: String, probability: Float)] = [("T-shirt/top", 0.47), ("Ankle boot", 0.3), ("class 909", 0.011)]
        for width in [12, 14, 30] {
            let lines = FeatureMapsLayout.predictionLines(top, width: width, bars: false, theme: Theme(.standard))
            let text = lines.map { $0.spans.map(\.text).joined() }
            for line in text { #expect(line.count <= width, "\(line) wider than \(width)") }
            let words = text.dropFirst().flatMap { $0.split(separator: " ").map(String.init) }.filter { !$0.hasSuffix("%") }
            for word in words { #expect(["T-shirt/", "top", "T-shirt/top", "Ankle", "boot", "class", "909"].contains(word), "\(word) at \(width)") }
        }
    }

    @Test func areaAveragingTakesTheMeanOfWhatEachPixelCovers() {
        // 4×2 grey pixels 0, 40, 80, 120 / 160, 200, 240, 255 → 2×1: means of 2×2 blocks.
        let values: [UInt8] = [0, 40, 80, 120, 160, 200, 240, 255]
        let img = HeatmapImage(width: 4, height: 2, pixels: values.map { RGB($0, $0, $0) },
                               intensities: values.map { Double($0) / 255 })
        let small = img.areaAveraged(width: 2, height: 1)
        #expect(small.width == 2 && small.height == 1)
        #expect(small.pixels == [RGB(100, 100, 100), RGB(174, 174, 174)])   // (0+40+160+200)/4, (80+120+240+255)/4 = 173.75
        // A factor that is not whole weighs the pixel split between two outputs by half.
        let third = HeatmapImage(width: 3, height: 1, pixels: [RGB(0, 0, 0), RGB(90, 90, 90), RGB(180, 180, 180)],
                                 intensities: [0, 0.5, 1]).areaAveraged(width: 2, height: 1)
        #expect(third.pixels == [RGB(30, 30, 30), RGB(150, 150, 150)])   // (0 + 0.5·90)/1.5, (0.5·90 + 180)/1.5
        #expect(third.intensities == [1.0 / 6, 5.0 / 6])
        let (fitted, factor) = HeatmapImage(width: 227, height: 227, pixels: .init(repeating: RGB(1, 2, 3), count: 227 * 227),
                                            intensities: .init(repeating: 0.5, count: 227 * 227)).fitted(maxWidth: 26, maxHeight: 24)
        #expect(fitted.width == 24 && fitted.height == 24)
        #expect(abs(factor - 227.0 / 24) < 1e-9)
        #expect(fitted.pixels.allSatisfy { $0 == RGB(1, 2, 3) })
    }

    // MARK: - Pipeline strip and charts

    @Test(arguments: [80, 44, 120])
    func pipelineStripShowsOnlyWholeNamesAndShapes(_ width: Int) throws {
        let report = try Preset.alexnet.spec.shapeReport()
        let blocks = [PipelineStrip.Block(name: "input", shape: report.input.description)]
            + report.layers.map { PipelineStrip.Block(name: $0.name, shape: $0.output.description) }
        let names = Set(blocks.map(\.name)), shapes = Set(blocks.map(\.shape))
        for selected in blocks.indices {
            var grid = CellGrid(width: width, height: 3)
            PipelineStrip(blocks: blocks, selected: selected).render(into: &grid, area: grid.bounds, theme: Theme(.standard))
            let nameRow = grid.line(0).split(separator: " ").map(String.init)
            let shapeRow = grid.line(1).split(separator: " ").map(String.init).filter { !["→", "‹", "›"].contains($0) }
            #expect(nameRow.allSatisfy(names.contains), "cut name at \(width), block \(selected): \(grid.line(0))")
            #expect(shapeRow.allSatisfy(shapes.contains), "cut shape at \(width), block \(selected): \(grid.line(1))")
            #expect(nameRow.contains(blocks[selected].name))
        }
    }

    @Test func anEmptyErrorChartRunsFromZeroToAHundredPercent() {
        let chart = LineChart(series: [ChartSeries(name: "relu", points: [], color: .brightGreen)],
                              target: (0.25, "25% target"), xLabel: "step", title: "Training error", yBounds: 0...1, percent: true)
        #expect(chart.yRange.low == 0 && chart.yRange.high == 1)
        var grid = CellGrid(width: 60, height: 12)
        chart.render(into: &grid, area: grid.bounds, theme: Theme(.standard))
        #expect(grid.text.contains("100%│") && grid.text.contains("0%│"))
        #expect(!grid.text.contains("-"))
        // A plot of two rows has one interval: 100% on top; the bottom row holds the 25% target line, labelled
        // with its own value rather than "0%".
        var short = CellGrid(width: 40, height: 6)
        chart.render(into: &short, area: short.bounds, theme: Theme(.standard))
        #expect(short.line(2).hasPrefix("100%│") && short.line(3).hasPrefix(" 25%│") && !short.text.contains("50%"), "\(short.text)")
        // With points the range follows them, padded, but never below 0 or above 100%.
        let full = LineChart(series: [ChartSeries(name: "train", points: [ChartPoint(x: 0, y: 1), ChartPoint(x: 1, y: 0)],
                                                  color: .brightGreen)], yBounds: 0...1, percent: true)
        #expect(full.yRange.low == 0 && full.yRange.high == 1)   // not −5%…105%
        let low = LineChart(series: [ChartSeries(name: "train", points: [ChartPoint(x: 0, y: 0.02), ChartPoint(x: 1, y: 0.01)],
                                                 color: .brightGreen)], yBounds: 0...1, percent: true)
        // 1%…2% over 4 intervals: a step of 0.25 points, so the axis runs exactly from 1% to 2%.
        #expect(abs(low.yRange.low - 0.01) < 1e-12 && abs(low.yRange.high - 0.02) < 1e-12, "\(low.yRange)")
    }

    // MARK: - Display width

    @Test func wideCharactersTakeTwoColumnsAndCombiningMarksNone() {
        var grid = CellGrid(width: 10, height: 2)
        #expect(grid.write("猫の写真 ok", x: 0, y: 0) == 10)
        #expect(grid.line(0) == "猫の写真 o")
        #expect(grid[1, 0].isWideContinuation && grid[8, 0].character == " ")
        // A wide character never straddles the edge: with three columns only one 猫 fits.
        #expect(grid.write("猫猫", x: 0, y: 1, maxWidth: 3) == 2)
        #expect(grid.line(1).hasPrefix("猫 "))
        #expect("e\u{301}".displayWidth == 1 && "猫".displayWidth == 2 && "→×▀".displayWidth == 3)
        for line in TextWrap.wrap("猫の写真を見る 猫 T-shirt/top", width: 6) { #expect(line.displayWidth <= 6, "\(line)") }
    }

    @Test func aWideFileNameStaysInsideTheFeaturesHeader() throws {
        var f = Self.features(for: .mini)
        f.inputName = "猫の写真と犬の写真 アルパカの写真とラマの写真と羊の写真.png"
        var grid = CellGrid(width: 80, height: 24)
        FeatureMapsScreen(features: f).render(into: &grid, area: Rect(x: 1, y: 2, width: 78, height: 21), theme: Theme(.standard))
        let header = grid.line(2)
        // 35 columns of "conv1 … input: ", 18 for the first word, 48 for the second: wrapped at the space.
        #expect(header.trimmingSuffix(" ") == " conv1 32 maps of 27×27  ·  input: 猫の写真と犬の写真", "\(header)")
        #expect(grid.line(3).trimmingSuffix(" ") == "   アルパカの写真とラマの写真と羊の写真.png")
        #expect(header.displayWidth == 80 && grid.line(3).displayWidth == 80)
        // In a short window the header keeps one line per item, cut at a word.
        grid = CellGrid(width: 80, height: 14)
        FeatureMapsScreen(features: f).render(into: &grid, area: Rect(x: 1, y: 2, width: 78, height: 11), theme: Theme(.standard))
        #expect(grid.line(2).trimmingSuffix(" ") == " conv1 32 maps of 27×27  ·  input: 猫の写真と犬の写真…")
    }

    private func intersects(_ a: Rect, _ b: Rect) -> Bool {
        !a.isEmpty && !b.isEmpty && a.x < b.maxX && b.x < a.maxX && a.y < b.maxY && b.y < a.maxY
    }
}

extension String {
    func trimmingSuffix(_ c: Character) -> String {
        var s = self
        while s.last == c { s.removeLast() }
        return s
    }
}

import Localization
import AlexNetCore

/// Screen 4: an input, the chosen layer's channels as a grid of heatmaps (optionally the most active
/// first), one channel zoomed with its numbers, and the predicted class with probabilities.
public struct FeatureMapsScreen: Screen {
    public private(set) var features: FeatureSet?
    public private(set) var layerIndex = 0
    public private(set) var selected = 0
    public private(set) var zoomed = false
    public private(set) var sortedByActivity = false
    private var columns = 1
    /// Where the weights of this forward pass came from, and whether newer weights are being pushed through.
    public private(set) var provenance: WeightProvenance?
    public private(set) var stale = false
    /// Training runs another network, or the input cannot move: one line each.
    public private(set) var trainingRuns: String?
    public private(set) var inputNote: String?
    /// Set while there are no weights yet: they are being made (or could not be), see `AppModel.weightsNote`.
    public private(set) var weightsNote: String?
    /// The neuron inspector (`i`), when on: a unit of the selected channel and its arithmetic.
    public private(set) var inspector: NeuronInspector?
    /// A layer or unit asked for (a lesson's `show:`) before there were feature maps to show it in: the
    /// weights were still being made. Applied when the maps arrive.
    private var wanted: (layer: String, unit: (channel: Int, y: Int, x: Int)?)?

    public init(features: FeatureSet?, layer: String? = nil) {
        self.features = features
        if let layer, let i = features?.layers.firstIndex(where: { $0.name == layer }) { layerIndex = i }
    }

    public var title: String { Messages.tabFeatures }

    /// Shows a layer by name (lessons' `show: features conv1`).
    public mutating func focus(layer name: String) {
        wanted = features == nil ? (name, nil) : nil
        if let i = features?.layers.firstIndex(where: { $0.name == name }) { layerIndex = i; selected = 0 }
    }

    public var keyHelp: [KeyHelp] {
        [KeyHelp("[ ]", Messages.keyPreviousNextLayer), KeyHelp("←↑↓→ hjkl", Messages.keyChooseChannel),
         KeyHelp("Enter", Messages.keyZoom), KeyHelp("t", Messages.keyMostActive),
         KeyHelp("n / p", Messages.keyNextPreviousInput)]
            // Reset is offered only where it does something: when training runs these very weights.
            + (trainingRuns == nil ? [KeyHelp("r", Messages.keyResetWeights)] : [])
            + NeuronInspector.keyHelp
    }

    /// Opens the inspector on a unit (lessons' `show: neuron conv1 5 10 20`); the channel is shown in
    /// natural order so that the channel asked for is the one selected.
    public mutating func inspect(layer name: String, channel: Int, y: Int, x: Int) {
        focus(layer: name)
        sortedByActivity = false
        if features == nil { wanted = (name, (channel, y, x)) }
        guard let maps = current?.maps, current?.name == name else { return }
        selected = min(max(0, channel), maps.shape[0] - 1)
        var inspector = NeuronInspector(y: y, x: x)
        inspector.clamp(height: maps.shape[1], width: maps.shape[2])
        self.inspector = inspector
    }

    /// The model's forward pass of the feature input, and the weights it used.
    public mutating func observe(_ model: AppModel) {
        if model.features != features { show(model.features) }
        if let wanted, features != nil {
            if let unit = wanted.unit { inspect(layer: wanted.layer, channel: unit.channel, y: unit.y, x: unit.x) }
            else { focus(layer: wanted.layer) }
        }
        provenance = model.weights?.provenance
        stale = model.featuresAreStale
        trainingRuns = model.engine.isExplored ? nil : model.engine.spec.name
        inputNote = model.featureNote
        weightsNote = model.weightsNote
    }

    var current: (name: String, maps: Tensor)? {
        guard let f = features, !f.layers.isEmpty else { return nil }
        return f.layers[min(layerIndex, f.layers.count - 1)]
    }

    /// Channel order on screen: natural, or by mean activation.
    var order: [Int] {
        guard let maps = current?.maps else { return [] }
        return sortedByActivity ? FeatureSet.mostActive(maps) : Array(0..<maps.shape[0])
    }

    public mutating func show(_ new: FeatureSet?) {
        let name = current?.name
        features = new
        if let name, let i = new?.layers.firstIndex(where: { $0.name == name }) { layerIndex = i }
        selected = min(selected, max(0, (current?.maps.shape[0] ?? 1) - 1))
    }

    public mutating func layout(area: Rect, theme: Theme) {
        guard let geometry = geometry(area: area, theme: theme) else { return }
        columns = geometry.columns
        inspector?.panelArea = geometry.maps
    }

    /// Where everything goes in `area` for the current layer and input (nil without feature maps).
    func geometry(area: Rect, theme: Theme) -> FeatureMapsLayout? {
        guard let f = features, let maps = current?.maps else { return nil }
        return FeatureMapsLayout(area: area, headerRows: headerLines(width: area.width, theme: theme, height: area.height).count,
                                 mapWidth: maps.shape[2], mapHeight: maps.shape[1], top: f.top(5),
                                 inputSize: (f.input.shape[2], f.input.shape[1]), weights: f.weights, theme: theme)
    }

    /// What is shown, then a note about the input or where the weights come from, each wrapped at
    /// words; when the area is short (under 20 rows) each keeps one line, cut at a word.
    func headerLines(width: Int, theme: Theme, height: Int = 24) -> [StyledLine] {
        guard let f = features, let (name, maps) = current else { return [] }
        let (c, h, w) = (maps.shape[0], maps.shape[1], maps.shape[2])
        let perItem = height >= 20 ? 2 : 1
        func fit(_ line: StyledLine) -> [StyledLine] {
            perItem == 1 ? [line.truncated(width: width)] : Array(line.wrapped(width: width, indent: 2).prefix(perItem))
        }
        var lines = fit(StyledLine([("\(name) ", theme.heading), (Messages.featuresMaps(count: c, height: h, width: w), theme.number),
                                    (Messages.featuresInput(name: f.inputName), theme.dim)]))
        if let note = inputNote {
            lines += StyledLine.wrapped(note, width: width, style: theme.warning).prefix(2)
        } else if let provenance {
            let aside = stale ? Messages.featuresUpdating : trainingRuns.map { Messages.featuresTrainingRuns(network: $0) } ?? ""
            lines += fit(StyledLine([(Messages.featuresWeights, theme.dim), (provenance.text, provenance.isTrained ? theme.good : theme.warning),
                                     (aside, theme.dim)]))
        }
        return lines
    }

    public var footerKeys: [KeyHelp] {
        if inspector != nil {
            return [KeyHelp("hjkl", Messages.keyUnit), KeyHelp(", .", Messages.keyChannel), KeyHelp("[ ]", Messages.keyLayer),
                    KeyHelp("J/K", Messages.keyScroll), KeyHelp("i", Messages.keyBack)]
        }
        return [KeyHelp("i", Messages.keyInspect), KeyHelp("[ ]", Messages.keyLayer), KeyHelp("hjkl", Messages.keyChannel),
                KeyHelp("Enter", Messages.keyZoomShort), KeyHelp("n/p", Messages.keyInput),
                KeyHelp("t", Messages.keySort)] + (trainingRuns == nil ? [KeyHelp("r", Messages.keyReset)] : [])
    }

    public mutating func update(_ key: Key) -> [AppRequest] {
        switch key {
        case "n": return [.featureInput(step: 1)]
        case "p": return [.featureInput(step: -1)]
        case "r": return trainingRuns == nil ? [.training(.reset)] : []   // as on the filters screen
        default: break
        }
        guard let f = features, let maps = current?.maps else { return [] }
        let last = maps.shape[0] - 1
        if var inspector {
            switch key {
            case "i", .escape: self.inspector = nil
            case ",": selected = max(0, selected - 1); inspector.panelOffset = 0; self.inspector = inspector
            case ".": selected = min(last, selected + 1); inspector.panelOffset = 0; self.inspector = inspector
            case "[", "]":
                layerIndex = key == "]" ? min(f.layers.count - 1, layerIndex + 1) : max(0, layerIndex - 1)
                selected = 0
                // The cursor keeps its place on the picture: scaled to the new map's size.
                if let m = current?.maps {
                    inspector.y = inspector.y * m.shape[1] / max(1, maps.shape[1])
                    inspector.x = inspector.x * m.shape[2] / max(1, maps.shape[2])
                    inspector.clamp(height: m.shape[1], width: m.shape[2])
                }
                inspector.panelOffset = 0
                self.inspector = inspector
            default:
                if inspector.update(key, height: maps.shape[1], width: maps.shape[2]) { self.inspector = inspector }
            }
            return []
        }
        switch key {
        case "i": inspector = NeuronInspector(y: maps.shape[1] / 2, x: maps.shape[2] / 2); zoomed = false
        case "]": layerIndex = min(f.layers.count - 1, layerIndex + 1); selected = 0
        case "[": layerIndex = max(0, layerIndex - 1); selected = 0
        case .left, "h": selected = max(0, selected - 1)
        case .right, "l": selected = min(last, selected + 1)
        case .up, "k": selected = max(0, selected - columns)
        case .down, "j": selected = min(last, selected + columns)
        case .enter: zoomed.toggle()
        case .escape: zoomed = false
        case "t": sortedByActivity.toggle(); selected = 0
        default: break
        }
        return []
    }

    public func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
        guard let f = features, let (name, maps) = current else {
            if let weightsNote { return WeightsNote.render(weightsNote, showing: Messages.theFeatureMaps, into: &grid, area: area, theme: theme) }
            grid.write(Messages.noFeatureMaps, in: area, row: 1,
                       column: 1, style: theme.dim)
            return
        }
        let caps = theme.capabilities
        let (c, h, w) = (maps.shape[0], maps.shape[1], maps.shape[2])
        let header = headerLines(width: area.width, theme: theme, height: area.height)
        StyledLine.render(header, into: &grid, rect: area)
        guard let g = geometry(area: area, theme: theme) else { return }
        if let inspector {
            // Inspecting: the left column (input over the map) and the panel where the maps were.
            let left = Rect(x: g.input.x, y: g.input.y, width: g.input.width, height: max(g.input.maxY, g.prediction.maxY) - g.input.y)
            inspector.render(into: &grid, left: left, right: g.maps, features: f, layer: name, maps: maps,
                             channel: order[selected], theme: theme)
            return
        }
        // Left: the whole input, shrunk to its panel; the prediction in its own panel under it.
        let pixelsPerRow = caps.halfBlocks ? 2 : 1
        let (picture, _) = Self.inputPicture(f.input).fitted(maxWidth: g.input.width, maxHeight: g.input.height * pixelsPerRow)
        HeatmapView(image: picture, capabilities: caps).render(into: &grid, x: g.input.x, y: g.input.y, clip: g.input)
        StyledLine.render(g.predictionLines, into: &grid, rect: g.prediction)

        let right = g.maps
        let order = self.order
        let scaleNote = g.factor > 1 ? "1:\(g.factor)" : nil
        if zoomed {
            let ch = order[selected]
            // Whole map: shrunk by a whole factor when it has more rows than the panel.
            let rowsFree = max(1, right.height - 2)
            let f = max(1, (h + rowsFree - 1) / rowsFree, (w + right.width - 3) / max(1, right.width - 2))
            let img = HeatmapImage.featureMap(maps, channel: ch).shrunk(by: f)
            let scale = max(1, min((right.width - 2) / max(img.width, 1), 4))
            StyledLine([("channel \(ch)", theme.heading), (f > 1 ? "  shown 1:\(f) (area averaged)" : "", theme.dim)])
                .render(into: &grid, rect: right, row: 0, column: 1)
            HeatmapView(image: img, capabilities: caps)
                .renderZoomed(into: &grid, x: right.x + 1, y: right.y + 1, scale: scale, clip: right)
            let plane = maps.data[(ch * h * w)..<((ch + 1) * h * w)]
            let lo = plane.min() ?? 0, hi = plane.max() ?? 0, mean = plane.reduce(0, +) / Float(plane.count)
            Self.fittedLine(["min \(NumberText.fixed(Double(lo), 3))", "mean \(NumberText.fixed(Double(mean), 3))",
                             "max \(NumberText.fixed(Double(hi), 3))"], width: right.width - 1, style: theme.number)
                .render(into: &grid, rect: right, row: min(img.height + 1, right.height - 1), column: 1)
            return
        }
        let cell = g.cell
        let pitch = (width: cell.width + 1, height: cell.height + 1)
        let cols = g.columns, visibleRows = g.rows
        let firstRow = (selected / cols / visibleRows) * visibleRows
        for slot in (firstRow * cols)..<min(c, (firstRow + visibleRows) * cols) {
            let r = slot / cols - firstRow, col = slot % cols
            let x = right.x + col * pitch.width, y = right.y + r * pitch.height
            HeatmapView(image: HeatmapImage.featureMap(maps, channel: order[slot]).shrunk(by: g.factor), capabilities: caps)
                .render(into: &grid, x: x, y: y, clip: right)
            if slot == selected {
                grid.write("\(order[slot])", x: x, y: y + cell.height, style: theme.selected, maxWidth: pitch.width - 1)
            }
        }
        let how = sortedByActivity ? Messages.featuresMostActive : Messages.featuresInOrder
        let shown = Messages.featuresShown(first: firstRow * cols + 1, last: min(c, (firstRow + visibleRows) * cols), total: c)
        let parts = [Messages.featuresChannel(channel: order[selected])] + (scaleNote.map { [Messages.featuresScale(note: $0)] } ?? [])
            + [shown + " " + how, Messages.featuresOwnScale]
        Self.fittedLine(parts, width: right.width, style: theme.dim).render(into: &grid, rect: right, row: right.height - 1)
    }

    /// Parts joined by " · " as far as whole parts fit in `width` (never a part cut in two).
    static func fittedLine(_ parts: [String], width: Int, style: CellStyle) -> StyledLine {
        var text = ""
        for part in parts {
            let next = text.isEmpty ? part : text + " · " + part
            if next.displayWidth > width { break }
            text = next
        }
        return StyledLine(text, style)
    }

    /// The input as a picture: RGB when it has three channels, else the first channel in grey.
    static func inputPicture(_ input: Tensor) -> HeatmapImage {
        let (c, h, w) = (input.shape[0], input.shape[1], input.shape[2])
        let plane = h * w
        func normalised(_ ch: Int) -> [Double] {
            let v = input.data[(ch * plane)..<((ch + 1) * plane)]
            let lo = Double(v.min() ?? 0), hi = Double(v.max() ?? 1), span = hi > lo ? hi - lo : 1
            return v.map { (Double($0) - lo) / span }
        }
        let channels = c == 3 ? [normalised(0), normalised(1), normalised(2)] : [normalised(0)]
        var pixels: [RGB] = [], intensities: [Double] = []
        for p in 0..<plane {
            let (r, g, b) = c == 3 ? (channels[0][p], channels[1][p], channels[2][p]) : (channels[0][p], channels[0][p], channels[0][p])
            pixels.append(RGB(UInt8(r * 255), UInt8(g * 255), UInt8(b * 255)))
            intensities.append((r + g + b) / 3)
        }
        return HeatmapImage(width: w, height: h, pixels: pixels, intensities: intensities)
    }
}

import AlexNetCore

/// The features screen's inspector mode (`i`): a cursor on the selected channel's map, the input with the
/// unit's receptive field drawn as a box on the left, and the `NeuronPanel` for the unit on the right.
/// Kept apart from `FeatureMapsScreen` so the screen's own layout and keys stay as they are.
public struct NeuronInspector: Sendable, Equatable {
    public var y = 0
    public var x = 0
    public var panelOffset = 0
    /// The panel's area at the last layout, for clamping the scroll.
    var panelArea: Rect?

    public init(y: Int = 0, x: Int = 0) { self.y = y; self.x = x }

    public static let keyHelp = [KeyHelp("i / Esc", "inspect a unit / back to the maps"),
                                 KeyHelp("←↑↓→ hjkl", "move the unit (inspecting)"),
                                 KeyHelp(", .", "previous / next channel (inspecting)"),
                                 KeyHelp("J K PgDn PgUp", "scroll the unit's arithmetic")]

    /// Keeps the cursor on a map of `height`×`width`.
    mutating func clamp(height: Int, width: Int) {
        y = min(max(0, y), max(0, height - 1)); x = min(max(0, x), max(0, width - 1))
    }

    /// Moves the cursor or scrolls the panel; false for keys the screen handles (layer, channel, leave).
    mutating func update(_ key: Key, height: Int, width: Int) -> Bool {
        let page = max(1, (panelArea?.height ?? 10) - 3)
        switch key {
        case .left, "h": x -= 1
        case .right, "l": x += 1
        case .up, "k": y -= 1
        case .down, "j": y += 1
        case "J": panelOffset += 1
        case "K": panelOffset = max(0, panelOffset - 1)
        case .pageDown: panelOffset += page
        case .pageUp: panelOffset = max(0, panelOffset - page)
        default: return false
        }
        clamp(height: height, width: width)
        return true
    }

    /// The unit's explanation from the forward pass the screen shows, or why there is none.
    func explanation(_ features: FeatureSet, layer: String, channel: Int) -> Result<NeuronExplanation, NeuronError> {
        guard let explainer = features.explainer else {
            return .failure(NeuronError(message: "no forward pass kept for the inspector (give the explorer a network)"))
        }
        return Result { () throws(NeuronError) in try explainer.explain(NeuronUnit(layer: layer, channel: channel, y: y, x: x)) }
    }

    // MARK: - Drawing

    /// `left`: the input with the receptive field boxed over the map with the cursor; `right`: the panel.
    func render(into grid: inout CellGrid, left: Rect, right: Rect, features: FeatureSet, layer: String, maps: Tensor,
                channel: Int, theme: Theme) {
        let caps = theme.capabilities
        let pixelsPerRow = caps.halfBlocks ? 2 : 1
        let explained = explanation(features, layer: layer, channel: channel)
        let (top, bottom) = left.splitRows(left.height / 2)

        // The input, shrunk to its half, with the receptive field's box.
        let inputRect = Rect(x: top.x, y: top.y + 1, width: top.width, height: top.height - 1)
        grid.write(top.width >= 23 ? "input · receptive field" : "receptive field", in: top, row: 0, style: theme.dim)
        let whole = FeatureMapsScreen.inputPicture(features.input)
        let (picture, _) = whole.fitted(maxWidth: inputRect.width, maxHeight: inputRect.height * pixelsPerRow)
        HeatmapView(image: picture, capabilities: caps).render(into: &grid, x: inputRect.x, y: inputRect.y, clip: inputRect)
        if case .success(let e) = explained {
            Self.box(e.receptiveField, imageWidth: whole.width, imageHeight: whole.height, shown: picture,
                     at: inputRect, into: &grid, theme: theme)
        }

        // The channel's map with the unit marked.
        let (h, w) = (maps.shape[1], maps.shape[2])
        let mapRect = Rect(x: bottom.x, y: bottom.y + 1, width: bottom.width, height: bottom.height - 1)
        let unitText = "ch \(channel) ", position = "y \(y) x \(x)"
        let named = (layer + " " + unitText + position).displayWidth <= bottom.width ? layer + " " + unitText : unitText
        StyledLine([(named, theme.heading), (position, theme.number)])
            .truncated(width: bottom.width).render(into: &grid, rect: bottom, row: 0)
        let map = HeatmapImage.featureMap(maps, channel: channel)
        let (shown, _) = map.fitted(maxWidth: mapRect.width, maxHeight: mapRect.height * pixelsPerRow)
        HeatmapView(image: shown, capabilities: caps).render(into: &grid, x: mapRect.x, y: mapRect.y, clip: mapRect)
        let cx = x * shown.width / max(1, w), cy = y * shown.height / max(1, h) / pixelsPerRow
        grid.put(caps.unicode ? "◆" : "@", x: mapRect.x + cx, y: mapRect.y + cy,
                 style: theme.capabilities.style(fg: .brightYellow, bold: true), clip: mapRect)

        switch explained {
        case .success(let e):
            var panel = NeuronPanel(explanation: e, offset: panelOffset)
            panel.classNames = features.classNames
            panel.render(into: &grid, area: right, theme: theme)
        case .failure(let error):
            for (i, line) in TextWrap.wrap(error.message, width: right.width).enumerated() {
                grid.write(line, in: right, row: i, style: theme.warning)
            }
        }
    }

    /// Draws `box` (pixels of an image `imageWidth`×`imageHeight`) as an outline over `shown`, the same
    /// image fitted into `rect`: corners and edges on the cells the box's border falls in.
    static func box(_ box: PixelBox, imageWidth: Int, imageHeight: Int, shown: HeatmapImage, at rect: Rect,
                    into grid: inout CellGrid, theme: Theme) {
        let caps = theme.capabilities
        let perRow = caps.halfBlocks ? 2 : 1
        let x0 = box.x0 * shown.width / max(1, imageWidth), x1 = box.x1 * shown.width / max(1, imageWidth)
        let y0 = box.y0 * shown.height / max(1, imageHeight) / perRow, y1 = box.y1 * shown.height / max(1, imageHeight) / perRow
        let style = caps.style(fg: .brightYellow, bold: true)
        let u = caps.unicode
        func put(_ c: Unicode.Scalar, _ cx: Int, _ cy: Int) { grid.put(c, x: rect.x + cx, y: rect.y + cy, style: style, clip: rect) }
        if x0 == x1 && y0 == y1 { put(u ? "◻" : "#", x0, y0); return }
        for cx in x0...x1 {
            put(cx == x0 ? (y0 == y1 ? "[" : u ? "┌" : "+") : cx == x1 ? (y0 == y1 ? "]" : u ? "┐" : "+") : u ? "─" : "-", cx, y0)
            if y1 > y0 { put(cx == x0 ? (u ? "└" : "+") : cx == x1 ? (u ? "┘" : "+") : u ? "─" : "-", cx, y1) }
        }
        if y1 > y0 + 1 {
            for cy in (y0 + 1)..<y1 {
                put(u ? "│" : "|", x0, cy)
                if x1 > x0 { put(u ? "│" : "|", x1, cy) }
            }
        }
    }
}

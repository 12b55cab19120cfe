import Localization
import AlexNetCore

/// Screen 3: every filter of the first conv layer as a small heatmap in a grid; Enter zooms into one
/// with its numbers and a colour legend.
public struct FiltersScreen: Screen {
    public private(set) var filters: FilterSet?
    /// Each filter's picture, made once per weights snapshot rather than once per frame.
    private var images: [HeatmapImage] = []
    public private(set) var selected = 0
    public private(set) var zoomed = false
    /// The channel the zoom's number table shows.
    public private(set) var channel = 0
    /// Filters reading 3 channels as one RGB patch each (the paper's Figure 3); `v` switches to the
    /// chosen channel's heatmap on the diverging scale.
    public private(set) var rgbPatches = true
    /// Filters per row at the last layout, for ↑/↓.
    private var columns = 1
    /// The model's weights version last shown, so pictures are remade only for new weights.
    private var weightsVersion: Int?
    /// Set when training runs another network than these filters belong to: says which and why.
    public private(set) var engineNote: String?
    /// Set while there are no weights yet: they are being made (or could not be), see `AppModel.weightsNote`.
    public private(set) var weightsNote: String?

    public init(filters: FilterSet?) {
        self.filters = filters
        images = Self.pictures(filters, rgb: true, channel: 0)
    }

    private static func pictures(_ filters: FilterSet?, rgb: Bool, channel: Int) -> [HeatmapImage] {
        guard let filters else { return [] }
        return (0..<filters.count).map { HeatmapImage.filter(filters.weights, index: $0, channel: channel, rgb: rgb) }
    }

    public var title: String { Messages.tabFilters }

    public var keyHelp: [KeyHelp] {
        [KeyHelp("←↑↓→ hjkl", Messages.keyChooseFilter), KeyHelp("Enter", Messages.keyZoom), KeyHelp("Esc", Messages.keyBackToGrid),
         KeyHelp("c", Messages.keyNextInputChannel)]
            // RGB patches exist only for filters that read three channels (not mini's or figure1's grey input).
            + (filters?.channels == 3 ? [KeyHelp("v", Messages.keyRGB)] : [])
            // Reset is offered only where it does something: when training runs these very weights.
            + (engineNote == nil ? [KeyHelp("r", Messages.keyResetWeights)] : [])
    }

    public var footerKeys: [KeyHelp] {
        [KeyHelp("hjkl", Messages.keyFilter), KeyHelp("Enter", Messages.keyZoomShort), KeyHelp("c", Messages.keyChannel)]
            + (filters?.channels == 3 ? [KeyHelp("v", Messages.keyRGBShort)] : [])
            + (engineNote == nil ? [KeyHelp("r", Messages.keyReset)] : [])
    }

    /// The explored network's current weights (live while the training screen trains it).
    public mutating func observe(_ model: AppModel) {
        engineNote = EngineNote.text(model)
        weightsNote = model.weightsNote
        guard model.weightsVersion != weightsVersion else { return }
        weightsVersion = model.weightsVersion
        show(model.weights?.filters)
    }

    /// New weights from the engine (e.g. a training snapshot); keeps the selection.
    public mutating func show(_ filters: FilterSet?) {
        self.filters = filters
        selected = min(selected, max(0, (filters?.count ?? 1) - 1))
        channel = min(channel, max(0, (filters?.channels ?? 1) - 1))
        images = Self.pictures(filters, rgb: rgbPatches, channel: channel)
    }

    /// Remembers how many filters fit in a row, so that ↑/↓ move by a row.
    public mutating func layout(area: Rect, theme: Theme) {
        columns = FilterGrid(filters: filters, capabilities: theme.capabilities).columns(for: area)
    }

    public mutating func update(_ key: Key) -> [AppRequest] {
        // Reset is about these weights; when training runs another network it would only throw that run away.
        if key == "r" { return engineNote == nil ? [.training(.reset)] : [] }
        guard let filters else { return [] }
        let last = filters.count - 1
        switch key {
        case .left, "h": selected = max(0, selected - 1)
        case .right, "l": selected = min(last, selected + 1)
        case .up, "k": selected = max(0, selected - columns)
        case .down, "j": selected = min(last, selected + columns)
        case .home: selected = 0
        case .end: selected = last
        case .enter: zoomed.toggle()
        case .escape: zoomed = false
        case "c":
            channel = (channel + 1) % filters.channels
            if !rgbPatches || filters.channels != 3 { images = Self.pictures(filters, rgb: rgbPatches, channel: channel) }
        case "v" where filters.channels == 3:
            rgbPatches.toggle()
            images = Self.pictures(filters, rgb: rgbPatches, channel: channel)
        default: break
        }
        return []
    }

    public func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
        guard let filters else {
            if let weightsNote { return WeightsNote.render(weightsNote, showing: Messages.theFilters, into: &grid, area: area, theme: theme) }
            grid.write(Messages.noFilters, in: area, row: 1, column: 1, style: theme.dim)
            return
        }
        let k = filters.kernelHeight
        let header = StyledLine([
            (Messages.filtersHeader(layer: filters.layer), theme.heading),
            ("\(filters.count) × \(k)×\(filters.kernelWidth)×\(filters.channels)", theme.number),
            ("  ·  ", theme.dim),
            (filters.provenance.text, filters.provenance.isTrained ? theme.good : theme.warning),
        ])
        // The header wraps at words; the note about the engine keeps one line, cut at a word (the
        // training screen says it in full).
        var lines = header.wrapped(width: area.width, indent: 2)
        if let engineNote { lines.append(StyledLine(engineNote, theme.dim).truncated(width: area.width)) }
        lines = Array(lines.prefix(max(1, area.height / 3)))
        StyledLine.render(lines, into: &grid, rect: area)
        let body = area.splitRows(lines.count + (engineNote == nil ? 1 : 0)).1
        if zoomed {
            FilterZoom(filters: filters, index: selected, channel: channel, rgbPatches: rgbPatches).render(into: &grid, area: body, theme: theme)
        } else {
            FilterGrid(filters: filters, capabilities: theme.capabilities, rgbPatches: rgbPatches, channel: channel)
                .render(into: &grid, area: body, selected: selected, images: images, theme: theme)
        }
    }
}

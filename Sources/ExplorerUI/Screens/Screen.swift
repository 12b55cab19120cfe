/// One screen of the explorer: state, `update(key)` and `render(into:)` (the Elm architecture).
/// Screens never touch the terminal; the backend draws the grid they render. The app's shared state
/// (`AppModel`) reaches them through `observe(_:)`; what they want changed they return from `update`.
public protocol Screen: Sendable {
    /// The name on the tab bar.
    var title: String { get }
    /// The screen's own keys, for `?` (and the status line unless `footerKeys` says otherwise).
    var keyHelp: [KeyHelp] { get }
    /// The keys that matter most on this screen, most important first, in short words for the status
    /// line (which shows as many as fit at the width).
    var footerKeys: [KeyHelp] { get }
    /// Applies one key press to the screen's own state; returns what it asks of the app.
    @discardableResult mutating func update(_ key: Key) -> [AppRequest]
    /// Takes the parts of the app model the screen shows; called at start and after every change.
    mutating func observe(_ model: AppModel)
    /// Points the screen at a layer by name (a lesson's `show: walk conv2`); screens without layers ignore it.
    mutating func focus(layer name: String)
    /// Draws the state into `area` of the grid.
    func render(into grid: inout CellGrid, area: Rect, theme: Theme)
    /// Called when the screen's area changes size, for state that depends on it (rows per page).
    mutating func layout(area: Rect, theme: Theme)
}

extension Screen {
    public mutating func layout(area: Rect, theme: Theme) {}
    public var footerKeys: [KeyHelp] { keyHelp }
    public mutating func observe(_ model: AppModel) {}
    public mutating func focus(layer name: String) {}
}

/// One line of the key help: the keys and what they do.
public struct KeyHelp: Sendable, Equatable {
    public var keys: String
    public var action: String

    public init(_ keys: String, _ action: String) {
        self.keys = keys; self.action = action
    }
}

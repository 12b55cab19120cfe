import AlexNetCore

extension Array where Element == ConfigError {
    /// Problems sorted as a reader meets them in the file: whole-file problems (no line) first, then by
    /// line; problems on the same line keep the order they were found in.
    var inLineOrder: [ConfigError] {
        enumerated().sorted { a, b in
            (a.element.line ?? 0, a.offset) < (b.element.line ?? 0, b.offset)
        }.map(\.element)
    }
}

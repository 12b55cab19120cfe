/// The explorer's colours and glyphs for one terminal's capabilities.
public struct Theme: Sendable, Equatable {
    public var capabilities: Capabilities

    public init(_ capabilities: Capabilities) { self.capabilities = capabilities }

    public var colors: ColorProfile { capabilities.colors }

    public var plain: CellStyle { .plain }
    public var bold: CellStyle { CellStyle(bold: true) }
    /// Headings and layer names.
    public var heading: CellStyle { capabilities.style(fg: .brightCyan, bold: true) }
    /// Numbers worth the eye: shapes, counts.
    public var number: CellStyle { capabilities.style(fg: .brightYellow) }
    /// Secondary text: units, hints.
    public var dim: CellStyle { capabilities.style(fg: .brightBlack) }
    public var good: CellStyle { capabilities.style(fg: .brightGreen) }
    public var warning: CellStyle { capabilities.style(fg: .yellow, bold: true) }
    public var error: CellStyle { capabilities.style(fg: .brightRed, bold: true) }
    /// Something the user changed in the what-if screen.
    public var changed: CellStyle { capabilities.style(fg: .brightMagenta, bold: true) }
    /// The current selection: a coloured bar, or reverse video without colour.
    public var selected: CellStyle {
        colors.hasColor ? capabilities.style(fg: .black, bg: .brightCyan, bold: true) : CellStyle(bold: true, reverse: true)
    }
    /// The title and status bars.
    public var bar: CellStyle {
        colors.hasColor ? capabilities.style(fg: .brightWhite, bg: .indexed(24)) : CellStyle(reverse: true)
    }
    public var barActive: CellStyle {
        colors.hasColor ? capabilities.style(fg: .black, bg: .brightYellow, bold: true) : CellStyle(bold: true)
    }
    public var frame: CellStyle { capabilities.style(fg: .indexed(67)) }
}

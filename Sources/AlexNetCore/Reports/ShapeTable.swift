/// The `alexnet shapes` outputs: a torchinfo-like text table, Markdown, and documented JSON.
public enum ShapeTable {
    public enum Format: String, CaseIterable, Sendable { case table, markdown, json }

    public static func render(_ report: ShapeReport, format: Format) -> String {
        switch format {
        case .table: text(report)
        case .markdown: markdown(report)
        case .json: json(report).text(pretty: true) + "\n"
        }
    }

    static let headers = ["Layer", "Kind", "Output", "Params", "MACs", "RF", "Formula"]

    static func row(_ l: LayerReport) -> [String] {
        [l.name, l.kind.word, l.output.description,
         l.params == 0 ? "--" : NumberText.grouped(l.params),
         l.macs == 0 ? "--" : NumberText.grouped(l.macs),
         String(l.receptiveField),
         l.formulaText + (l.isExact ? "" : "  (inexact)")]
    }

    static func text(_ r: ShapeReport) -> String {
        let rows = [headers] + r.layers.map(row)
        let widths = headers.indices.map { c in rows.map { $0[c].count }.max()! }
        let numeric: Set<Int> = [3, 4, 5]
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { c, s in
                let pad = String(repeating: " ", count: widths[c] - s.count)
                return c == cells.count - 1 ? s : (numeric.contains(c) ? pad + s : s + pad)
            }.joined(separator: "  ")
        }
        let rule = String(repeating: "─", count: widths.reduce(0, +) + 2 * (widths.count - 1))
        var out = "\(r.network.name): input \(r.input)\n\(rule)\n\(line(headers))\n\(rule)\n"
        for l in r.layers { out += line(row(l)) + "\n" }
        out += rule + "\n"
        out += totals(r).map { "\($0.0): \($0.1)" }.joined(separator: "\n") + "\n"
        let notes = self.notes(r)
        if !notes.isEmpty { out += "\nNotes:\n" + notes.map { "  • " + $0 }.joined(separator: "\n") + "\n" }
        return out
    }

    static func totals(_ r: ShapeReport) -> [(String, String)] {
        let acts = r.layers.reduce(0) { $0 + $1.activations }
        return [
            ("Total params", NumberText.grouped(r.totalParams)),
            ("Total MACs", NumberText.grouped(r.totalMACs) + " per image (forward)"),
            ("Activations", NumberText.grouped(acts) + " values, " + NumberText.bytes(acts * 4) + " fp32 per image"),
            ("Weights", NumberText.bytes(r.totalParams * 4) + " fp32"),
        ]
    }

    /// Inexact tilings and the paper's conv1 neuron count, explained.
    public static func notes(_ r: ShapeReport) -> [String] {
        var notes: [String] = []
        for l in r.layers where !l.isExact || l.formula?.seesEveryPixel == false {
            if let f = l.formula { notes.append("\(l.name): \(f.exactnessNote)") }
        }
        if let conv1 = r.layers.first(where: { $0.name == "conv1" }),
           conv1.output == FeatureShape(channels: 96, height: 55, width: 55) {
            notes.append("conv1 has 55·55·96 = \(NumberText.grouped(conv1.activations)) neurons; the paper says 253,440 "
                         + "and does not derive it. It factors as 55·48·96 or as 48·48·110, among others; "
                         + "the paper's figure is unexplained")
        }
        return notes
    }

    static func markdown(_ r: ShapeReport) -> String {
        func esc(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        var out = "**\(r.network.name)**, input \(r.input)\n\n"
        out += "| " + headers.joined(separator: " | ") + " |\n"
        out += "|" + headers.indices.map { [3, 4, 5].contains($0) ? "---:" : "---" }.joined(separator: "|") + "|\n"
        for l in r.layers { out += "| " + row(l).map(esc).joined(separator: " | ") + " |\n" }
        out += "\n" + totals(r).map { "- \($0.0): \($0.1)" }.joined(separator: "\n") + "\n"
        let notes = self.notes(r)
        if !notes.isEmpty { out += "\n" + notes.map { "> " + $0 }.joined(separator: "\n>\n") + "\n" }
        return out
    }

    /// The documented, stable JSON (README: "shapes --format json").
    public static func json(_ r: ShapeReport) -> JSONValue {
        func opt(_ v: Int?) -> JSONValue { v.map { .int($0) } ?? .null }
        let layers: [JSONValue] = r.layers.map { l in
            .object([
                ("name", .string(l.name)), ("kind", .string(l.kind.word)),
                ("input", .array(l.input.dimensions.map { .int($0) })),
                ("output", .array(l.output.dimensions.map { .int($0) })),
                ("kernel", opt(l.kernel)), ("stride", opt(l.stride)), ("padding", opt(l.padding)),
                ("groups", opt(l.groups)),
                ("params", .int(l.params)), ("macs", .int(l.macs)), ("activations", .int(l.activations)),
                ("receptive_field", .int(l.receptiveField)),
                ("formula", .string(l.formulaText)), ("exact", .bool(l.isExact)),
            ])
        }
        return .object([
            ("name", .string(r.network.name)),
            ("input", .array(r.input.dimensions.map { .int($0) })),
            ("layers", .array(layers)),
            ("total_params", .int(r.totalParams)),
            ("total_macs", .int(r.totalMACs)),
        ])
    }
}

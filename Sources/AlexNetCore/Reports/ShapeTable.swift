/// The `alexnet shapes` outputs: a torchinfo-like text table, Markdown, and documented JSON.
public enum ShapeTable {
    public enum Format: String, CaseIterable, Sendable { case table, markdown, json }

    /// `width`: the terminal's columns (80 is the design size); `ascii` spells everything in ASCII, for
    /// a terminal without UTF-8 (`floor(…)` for ⌊…⌋). JSON and Markdown are for files and keep both as they are.
    public static func render(_ report: ShapeReport, format: Format, width: Int = 80, ascii: Bool = false) -> String {
        switch format {
        case .table: ascii ? ASCIIText.of(text(report, width: width)) : text(report, width: width)
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

    /// The table within `width` columns: every column when it fits; else without the Kind column (the
    /// layer's name says it: conv1, relu1, pool1…). A row still too wide moves its "(inexact)" tag, then if
    /// need be its whole formula, onto the next line, so the terminal never cuts a formula in two. Notes wrap
    /// at words.
    static func text(_ r: ShapeReport, width: Int = 80) -> String {
        let inexactTag = "  (inexact)"
        let all = [headers] + r.layers.map(row)
        let formula = headers.count - 1, kind = 1
        func widths(_ columns: [Int]) -> [Int] {
            columns.map { c in all.map { PlainWrap.width($0[c]) }.max()! }
        }
        func total(_ columns: [Int]) -> Int { widths(columns).reduce(0, +) + 2 * (columns.count - 1) }
        var columns = Array(headers.indices)
        if total(columns) > width { columns.removeAll { $0 == kind } }
        let fixed = Array(columns.dropLast())   // every column before the formula
        let w = widths(fixed)
        let numeric: Set<Int> = [3, 4, 5]
        func lead(_ cells: [String]) -> String {
            zip(fixed, w).map { c, cw in
                let s = cells[c], pad = String(repeating: " ", count: cw - PlainWrap.width(s))
                return numeric.contains(c) ? pad + s : s + pad
            }.joined(separator: "  ") + "  "
        }
        func lines(_ cells: [String]) -> [String] {
            let head = lead(cells), text = cells[formula]
            if PlainWrap.width(head + text) <= width { return [head + text] }
            let bare = text.hasSuffix(inexactTag) ? String(text.dropLast(inexactTag.count)) : text
            let tag = bare == text ? [] : [String(repeating: " ", count: PlainWrap.width(head)) + "(inexact)"]
            if PlainWrap.width(head + bare) <= width { return [head + bare] + tag }
            let trimmed = String(head.reversed().drop { $0 == " " }.reversed())
            return [trimmed, "    " + bare] + (bare == text ? [] : ["    (inexact)"])
        }
        let body = [lines(headers)] + r.layers.map { lines(row($0)) }
        let rule = String(repeating: "─", count: min(width, body.joined().map(PlainWrap.width).max() ?? 0))
        var out = "\(r.network.name): input \(r.input)\n\(rule)\n"
        out += body[0].joined(separator: "\n") + "\n\(rule)\n"
        for row in body.dropFirst() { out += row.joined(separator: "\n") + "\n" }
        out += rule + "\n"
        out += totals(r).map { "\($0.0): \($0.1)" }.joined(separator: "\n") + "\n"
        let notes = self.notes(r)
        if !notes.isEmpty {
            out += "\nNotes:\n"
            for note in notes { out += PlainWrap.lines(note, width: width, first: "  • ", rest: "    ").joined(separator: "\n") + "\n" }
        }
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

    /// The documented, stable JSON (docs/shapes.md, "JSON output").
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
                // Input rows and columns no window ever covers (stride > kernel, or a leftover at the edge):
                // kernel 3 stride 4 on 55 is exact yet never sees 13 of them.
                ("unseen_rows", opt(l.formula?.droppedPixels)),
                ("unseen_columns", opt((l.widthFormula ?? l.formula)?.droppedPixels)),
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

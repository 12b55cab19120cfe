import CYaml

/// Bounds what YAML aliases may add before any node is built.
///
/// A 342-byte file of nine anchors, each a list of nine aliases to the one before ("billion laughs"), stands for
/// 9⁹ values: composing it into nodes (ours, or Yams hashing an alias used as a key) took gigabytes and minutes.
/// Yams 6.2.2 has no limit on alias expansion, so this walks libyaml's event stream first — linear in the text,
/// nothing kept but one count per anchor — and counts the values the document would have with every alias
/// written out. Past `extraValues` more than the text itself holds, the file is refused with the line of the
/// alias that went over.
enum AliasBudget {
    /// Values aliases may add beyond those written: generous for hand-written anchors, tiny for a bomb.
    static let extraValues = 100_000

    /// Nil when the text's aliases stay within the budget (or the text does not parse: Yams reports that),
    /// else the 1-based line of the first alias past it and the message.
    static func problem(in text: String) -> (line: Int, message: String)? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var utf8 = Array(text.utf8)
        return utf8.withUnsafeMutableBufferPointer { buffer -> (line: Int, message: String)? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            // `total`: values so far with every alias written out, in closed and open collections alike.
            var written = 0, total = 0
            var sizes: [String: Int] = [:]
            // Per open collection: its expanded value count so far and its anchor.
            var open: [(count: Int, anchor: String?)] = []
            func add(_ n: Int, moving: Bool = false) {
                if !open.isEmpty { open[open.count - 1].count = open[open.count - 1].count.addingSaturating(n) }
                if !moving { total = total.addingSaturating(n) }
            }
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT:
                    written += 1
                    if let anchor = name(event.data.scalar.anchor) { sizes[anchor] = 1 }
                    add(1)
                case YAML_SEQUENCE_START_EVENT:
                    written += 1; total = total.addingSaturating(1)
                    open.append((1, name(event.data.sequence_start.anchor)))
                case YAML_MAPPING_START_EVENT:
                    written += 1; total = total.addingSaturating(1)
                    open.append((1, name(event.data.mapping_start.anchor)))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let done = open.popLast() else { return nil }
                    if let anchor = done.anchor { sizes[anchor] = done.count }
                    add(done.count, moving: true)
                case YAML_ALIAS_EVENT:
                    written += 1
                    add(name(event.data.alias.anchor).flatMap { sizes[$0] } ?? 1)
                default:
                    break
                }
                if total > written.addingSaturating(extraValues) {
                    return (Int(event.start_mark.line) + 1,
                            "YAML aliases here expand to more than \(NumberText.grouped(extraValues)) values beyond those "
                            + "written (an alias bomb?); write the values out instead")
                }
            }
        }
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}

private extension Int {
    func addingSaturating(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }
}

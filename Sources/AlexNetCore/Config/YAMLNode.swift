/// A YAML value as configs and lessons read it: text, a list or a mapping, with the 1-based line it
/// was written on. `YAMLReader` builds it from the YAML library's nodes, so that library stays
/// inside the reader: every other module sees only this type.
public struct YAMLNode: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        /// Plain or quoted text (a number is text until a typed accessor reads it); `literalBlock` when
        /// written as a `|` block, whose lines are kept as written.
        case scalar(String, literalBlock: Bool)
        case sequence([YAMLNode])
        /// Key–value pairs in the order written.
        case mapping([Pair])
    }

    public struct Pair: Sendable, Equatable {
        public var key: YAMLNode
        public var value: YAMLNode

        public init(key: YAMLNode, value: YAMLNode) { self.key = key; self.value = value }
    }

    public var value: Value
    /// 1-based line in the text, when known.
    public var line: Int?

    public init(_ value: Value, line: Int? = nil) { self.value = value; self.line = line }

    /// The text of a scalar; nil for a list or a mapping.
    public var scalar: String? {
        if case .scalar(let s, _) = value { return s }
        return nil
    }

    /// Whether this is a scalar written as a `|` literal block.
    public var isLiteralBlock: Bool {
        if case .scalar(_, let literal) = value { return literal }
        return false
    }
}

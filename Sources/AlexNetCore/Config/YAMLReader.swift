import Foundation
import Yams

/// Reads YAML text into `YAMLNode`s, turning every failure into a `ConfigError` with a line number,
/// and offers typed field access that names what was expected. Shared by network configs and lessons.
/// The only code that sees the YAML library (Yams): its nodes and errors are translated here.
public struct YAMLReader: Sendable {
    public let file: String

    public init(file: String) { self.file = file }

    /// Reads and composes a file. Empty files, binary data and YAML syntax errors are reported, never crash.
    public func load(contentsOf url: URL) throws(ConfigError) -> YAMLNode {
        try compose(try Self.read(url.path, file: file))
    }

    /// The file's bytes, or a `ConfigError` with the system's reason (e.g. "No such file or directory").
    public static func read(_ path: String, file: String) throws(ConfigError) -> Data {
        do { return Data(try FileBytes.read(path, limit: FileBytes.Limit.yaml)) } catch {
            throw ConfigError(file: file, line: nil, message: error.fromSystem ? "cannot read the file (\(error.reason))" : error.reason)
        }
    }

    public func compose(_ data: Data) throws(ConfigError) -> YAMLNode {
        if data.contains(0) {
            throw ConfigError(file: file, line: nil, message: "this is binary data, not a YAML text file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: file, line: nil, message: "the file is not valid UTF-8 text")
        }
        return try compose(text)
    }

    public func compose(_ text: String) throws(ConfigError) -> YAMLNode {
        if text.unicodeScalars.contains("\u{0}") {
            throw ConfigError(file: file, line: nil, message: "this is binary data, not a YAML text file")
        }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t" }) {
            throw ConfigError(file: file, line: nil, message: "the file holds control characters: expected YAML text")
        }
        if let (line, message) = AliasBudget.problem(in: text) {
            throw ConfigError(file: file, line: line, message: message)
        }
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch let error as YamlError {
            throw Self.configError(error, file: file, text: text)
        } catch {
            throw ConfigError(file: file, line: nil, message: "YAML error: \(error)")
        }
        guard let node else {
            throw ConfigError(file: file, line: nil, message: "the file is empty")
        }
        return try convert(node)
    }

    /// Yams' node as ours, keeping each node's line.
    private func convert(_ node: Node) throws(ConfigError) -> YAMLNode {
        let line = node.mark?.line
        switch node {
        case .scalar(let s):
            return YAMLNode(.scalar(s.string, literalBlock: s.style == .literal), line: line)
        case .sequence(let items):
            var out: [YAMLNode] = []
            for item in items { out.append(try convert(item)) }
            return YAMLNode(.sequence(out), line: line)
        case .mapping(let pairs):
            var out: [YAMLNode.Pair] = []
            for (k, v) in pairs { out.append(YAMLNode.Pair(key: try convert(k), value: try convert(v))) }
            return YAMLNode(.mapping(out), line: line)
        case .alias:
            // Yams resolves aliases while composing (a test pins it); one left unresolved is refused.
            throw ConfigError(file: file, line: line, message: "YAML aliases (*name) are not supported: write the value out")
        }
    }

    // MARK: - Typed access

    public func error(_ node: YAMLNode?, _ message: String) -> ConfigError {
        ConfigError(file: file, line: node?.line, message: message)
    }

    /// The node as a mapping with string keys, rejecting keys outside `allowed` (when given).
    public func mapping(_ node: YAMLNode, what: String, allowed: [String]? = nil) throws(ConfigError) -> [(key: String, keyNode: YAMLNode, value: YAMLNode)] {
        guard case .mapping(let m) = node.value else {
            throw error(node, "\(what) must be a mapping (key: value), got \(Self.describe(node))")
        }
        var pairs: [(key: String, keyNode: YAMLNode, value: YAMLNode)] = []
        var seen = Set<String>()
        for pair in m {
            let k = pair.key
            guard let s = k.scalar else { throw error(k, "\(what): keys must be plain words") }
            if let allowed, !allowed.contains(s) {
                throw error(k, "unknown field '\(s)' in \(what); expected one of: \(allowed.joined(separator: ", "))")
            }
            if !seen.insert(s).inserted {
                throw error(k, "field '\(s)' appears twice in \(what)")
            }
            pairs.append((s, k, pair.value))
        }
        return pairs
    }

    public func sequence(_ node: YAMLNode, what: String) throws(ConfigError) -> [YAMLNode] {
        guard case .sequence(let s) = node.value else {
            throw error(node, "\(what) must be a list, got \(Self.describe(node))")
        }
        return s
    }

    public func int(_ node: YAMLNode, what: String) throws(ConfigError) -> Int {
        guard let s = node.scalar, let v = Int(s.replacingOccurrences(of: "_", with: "")) else {
            throw error(node, "\(what) must be a whole number, got \(Self.describe(node))")
        }
        return v
    }

    public func double(_ node: YAMLNode, what: String) throws(ConfigError) -> Double {
        guard let s = node.scalar, let v = Double(s), v.isFinite else {
            throw error(node, "\(what) must be a number, got \(Self.describe(node))")
        }
        return v
    }

    public func string(_ node: YAMLNode, what: String) throws(ConfigError) -> String {
        guard let s = node.scalar, !s.isEmpty else {
            throw error(node, "\(what) must be text, got \(Self.describe(node))")
        }
        return s
    }

    /// A short phrase for error messages: `the list [..]`, `"two"`.
    public static func describe(_ node: YAMLNode) -> String {
        switch node.value {
        case .scalar(let s, _): s.isEmpty ? "nothing" : "'\(s)'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }

    static func configError(_ error: YamlError, file: String, text: String = "") -> ConfigError {
        switch error {
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams gives the first occurrence and the whole file; say where the repeat is, in one line.
            let key = duplicates.first ?? "?"
            let first = context.mark.line
            guard let repeatLine = DuplicateKeyLocator.repeatLine(of: key, in: text, firstLine: first,
                                                                 column: context.mark.column) else {
                return ConfigError(file: file, line: first, message: "duplicate key '\(key)' in this mapping")
            }
            return ConfigError(file: file, line: repeatLine, message: "duplicate key '\(key)' (first at line \(first))")
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return ConfigError(file: file, line: mark.line, message: "YAML syntax error: \(problem)")
        case .reader(let problem, _, _, _):
            return ConfigError(file: file, line: nil, message: "cannot read YAML: \(problem)")
        default:
            return ConfigError(file: file, line: nil, message: "YAML error: \(error)")
        }
    }
}

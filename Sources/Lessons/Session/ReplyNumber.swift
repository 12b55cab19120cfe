import Foundation

/// Reads a typed number leniently: "34,944", "34 944", "34_944" and "34944" are all 34944.
enum ReplyNumber {
    static func parse(_ text: String) -> Int? {
        let cleaned = text.trimmingCharacters(in: .whitespaces).filter { !",_ ".contains($0) }
        return Int(cleaned)
    }
}

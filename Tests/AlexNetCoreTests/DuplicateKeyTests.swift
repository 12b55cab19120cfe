import Testing
@testable import AlexNetCore

/// A repeated YAML key is one line at the repeat, naming the first occurrence — not the whole file.
@Suite struct DuplicateKeyTests {
    @Test(arguments: [
        ("flow mapping", "input: [1, 28, 28]\nlayers:\n  - conv: {out: 4, kernel: 3, kernel: 5}\n",
         "net.yaml:3: duplicate key 'kernel' (first at line 3)"),
        ("block mapping", "input: [1, 28, 28]\nlayers:\n  - conv:\n      out: 4\n      kernel: 3\n      # a comment\n\n      kernel: 5\n",
         "net.yaml:8: duplicate key 'kernel' (first at line 5)"),
        ("top level", "name: a\ninput: [1, 8, 8]\nlayers: [relu]\nname: b\n",
         "net.yaml:4: duplicate key 'name' (first at line 1)"),
        ("nested key of the same name is not the repeat",
         "input: [1, 8, 8]\nlayers:\n  - conv:\n      kernel: 3\n      other: {kernel: 4}\n      kernel: 5\n",
         "net.yaml:6: duplicate key 'kernel' (first at line 4)"),
        ("flow mapping over lines", "input: [1, 28, 28]\nlayers:\n  - conv: {out: 4,\n       kernel: 3, stride: [1, 2],\n       kernel: 5}\n",
         "net.yaml:5: duplicate key 'kernel' (first at line 4)"),
        ("list item mapping", "input: [1, 8, 8]\nlayers:\n  - relu: \n    name: a\n    name: b\n",
         "net.yaml:5: duplicate key 'name' (first at line 4)"),
    ])
    func duplicateKeyIsOneLineAtTheRepeat(label: String, text: String, message: String) {
        do {
            _ = try NetworkConfig.parse(text: text, file: "net.yaml")
            Issue.record("expected a duplicate-key error for \(label)")
        } catch {
            #expect("\(error)" == message, "\(label)")
            #expect(!"\(error)".contains("\n"))
        }
    }
}

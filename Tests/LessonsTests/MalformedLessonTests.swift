import Testing
@testable import Lessons

/// Every way a lesson can be wrong gives one whole `file:line: message`, never a crash.
@Suite struct MalformedLessonTests {
    static let head = "title: T\npreset: alexnet\nsteps:\n"

    static let cases: [(String, String)] = [
        ("", "bad.yaml: the file is empty"),
        ("- a\n- b\n", "bad.yaml:1: the lesson must be a mapping (key: value), got a list"),
        ("preset: alexnet\nsteps:\n  - text: hi\n", "bad.yaml:1: the lesson has no 'title' field"),
        ("title: T\nsteps:\n  - text: hi\n", "bad.yaml:1: the lesson has no 'preset' field"),
        ("title: T\npreset: alexnet\n", "bad.yaml:1: the lesson has no 'steps' field"),
        ("title: [a, b]\npreset: alexnet\nsteps:\n  - text: hi\n", "bad.yaml:1: title must be text, got a list"),
        ("title: T\npreset: vgg\nsteps:\n  - text: hi\n",
         "bad.yaml:2: unknown preset 'vgg'; expected one of: alexnet, alexnet-1tower, torchvision, mini"),
        ("title: T\npreset: alexnet\nsteps: 3\n", "bad.yaml:3: steps must be a list, got '3'"),
        ("title: T\npreset: alexnet\nsteps: []\n", "bad.yaml:3: the lesson has no steps"),
        ("title: T\nauthor: me\n", "bad.yaml:2: unknown field 'author' in the lesson; expected one of: title, preset, steps"),
        (head + "  - say: hi\n", "bad.yaml:4: unknown field 'say' in a step; expected one of: text, show, train, set, ask"),
        (head + "  - {text: hi, train: 5}\n", "bad.yaml:4: a step must have exactly one of: text, show, train, set, ask, got 2"),
        (head + "  - show: gallery\n",
         "bad.yaml:4: unknown screen 'gallery'; expected one of: walk, filters, features, whatif, compare, shapes, training"),
        (head + "  - show: walk\n", "bad.yaml:4: show walk needs a layer, e.g. 'show: walk conv1'"),
        (head + "  - show: walk conv9\n", "bad.yaml:4: show walk: no layer 'conv9' in alexnet"),
        (head + "  - train: lots\n", "bad.yaml:4: train (steps) must be a whole number, got 'lots'"),
        (head + "  - train: 0\n", "bad.yaml:4: train needs a positive number of steps, got 0"),
        (head + "  - text: \"{conv9.params}\"\n", "bad.yaml:4: placeholder {conv9.params}: no layer 'conv9' in alexnet"),
        (head + "  - text: \"{fc6.kernel}\"\n",
         "bad.yaml:4: placeholder {fc6.kernel}: fc6 is a linear layer: it has no kernel (only conv and pool layers do)"),
        (head + "  - text: \"{conv1.colour}\"\n",
         "bad.yaml:4: placeholder {conv1.colour}: unknown property 'colour' of conv1; expected one of: output, output.height, output.width, output.channels, input, params, weights, biases, macs, activations, rf, jump, formula, kernel, stride, padding, groups"),
        (head + "  - text: \"size {conv1.output\"\n", "bad.yaml:4: placeholder '{conv1.output' has no closing }"),
        (head + "  - ask: {question: q, answer: 34848, check: conv1.params}\n",
         "bad.yaml:4: answer 34848 disagrees with the core: conv1.params is 34,944"),
        (head + "  - ask: {question: q, answer: conv1.output}\n",
         "bad.yaml:4: answer: conv1.output is '96×55×55', not a number"),
        (head + "  - ask: {question: q}\n", "bad.yaml:4: ask has no 'answer'"),
        (head + "  - ask: {answer: 3}\n", "bad.yaml:4: ask has no 'question'"),
        (head + "  - ask: {question: q, answer: e, choices: [x, y]}\n",
         "bad.yaml:4: answer 'e' is not one of the choices (a letter a–b or a choice's text)"),
        (head + "  - ask: {question: q, answer: a, choices: [x]}\n", "bad.yaml:4: choices needs at least two entries, got 1"),
        (head + "  - ask: {question: q, answer: many}\n",
         "bad.yaml:4: answer 'many' is neither a number nor a core expression like conv1.params; multiple choice needs 'choices'"),
        (head + "  - set: {layer: conv9, stride: 2}\n", "bad.yaml:4: no layer 'conv9' in alexnet"),
        (head + "  - set: {layer: fc6, stride: 2}\n", "bad.yaml:4: fc6 is a linear layer: only conv and pool layers can change"),
        (head + "  - set: {layer: conv1, kernel: 300}\n",
         "bad.yaml:4: this what-if breaks the network: layer conv1: kernel 300 is larger than the padded input 227 (227 + 2·0)"),
        (head + "  - set: {layer: conv1, colour: red}\n",
         "bad.yaml:4: unknown field 'colour' in set; expected one of: layer, kernel, stride, padding, out, groups, input"),
        (head + "  - set: {layer: conv1}\n", "bad.yaml:4: set names a layer but changes nothing"),
        ("title: T\n\u{1}\n", "bad.yaml: the file holds control characters: expected YAML text"),
    ]

    @Test(arguments: cases)
    func reportsTheWholeMessage(text: String, expected: String) {
        let problems = LessonChecker.check(text: text, file: "bad.yaml")
        #expect(problems.map(\.description) == [expected])
    }

    @Test func syntaxErrorsCarryALine() {
        let problems = LessonChecker.check(text: "title: T\npreset: alexnet\nsteps:\n  - text: \"open\n", file: "bad.yaml")
        #expect(problems.count == 1)
        #expect(problems.first?.description.hasPrefix("bad.yaml:") == true)
        #expect(problems.first?.description.contains("YAML syntax error") == true)
    }

    @Test func placeholdersAfterAWhatIfSeeTheChangedNetwork() {
        let text = Self.head + "  - set: {input: 224}\n  - ask: {question: q, answer: 55, check: conv1.output.height}\n"
        #expect(LessonChecker.check(text: text, file: "bad.yaml").map(\.description)
                == ["bad.yaml:5: answer 55 disagrees with the core: conv1.output.height is 54"])
    }

    @Test func everyProblemIsReportedNotOnlyTheFirst() {
        let text = Self.head + "  - text: \"{conv9.params}\"\n  - show: walk fc9\n"
        #expect(LessonChecker.check(text: text, file: "bad.yaml").map(\.description) == [
            "bad.yaml:4: placeholder {conv9.params}: no layer 'conv9' in alexnet",
            "bad.yaml:5: show walk: no layer 'fc9' in alexnet",
        ])
    }
}

extension MalformedLessonTests {
    static let blockCases: [(String, String)] = [
        // Disagreements point at the `check:` line (or `answer:` when there is no check).
        (head + "  - ask:\n      question: q\n      answer: 34848\n      check: conv1.params\n",
         "bad.yaml:7: answer 34848 disagrees with the core: conv1.params is 34,944"),
        (head + "  - ask:\n      question: q\n      answer: conv1.outptu\n",
         "bad.yaml:6: answer: unknown property 'outptu' of conv1; expected one of: output, output.height, output.width, output.channels, input, params, weights, biases, macs, activations, rf, jump, formula, kernel, stride, padding, groups"),
        (head + "  - ask:\n      question: q\n      answer: 9\n      check: conv9.params\n",
         "bad.yaml:7: check: no layer 'conv9' in alexnet"),
        (head + "  - ask:\n      question: q\n      choices: [\"{fc9.params}\", b]\n      answer: b\n",
         "bad.yaml:5: choice: placeholder {fc9.params}: no layer 'fc9' in alexnet"),
        (head + "  - ask:\n      question: \"{conv1.foo}\"\n      answer: 1\n",
         "bad.yaml:5: question: placeholder {conv1.foo}: unknown property 'foo' of conv1; expected one of: output, output.height, output.width, output.channels, input, params, weights, biases, macs, activations, rf, jump, formula, kernel, stride, padding, groups"),
        (head + "  - show: filters pool1\n", "bad.yaml:4: show filters: pool1 is a maxpool layer; expected a conv layer"),
        (head + "  - show: whatif relu1\n", "bad.yaml:4: show whatif: relu1 is a relu layer; expected a conv or pool layer"),
        (head + "  - set: {input: 224, layer: conv1}\n", "bad.yaml:4: set input cannot be combined with other changes"),
        (head + "  - set: {layer: pool1, groups: 2}\n", "bad.yaml:4: pool1 is a pool layer: only kernel, stride and padding can change"),
    ]

    @Test(arguments: blockCases)
    func reportsTheWholeMessageInBlockStyle(text: String, expected: String) {
        #expect(LessonChecker.check(text: text, file: "bad.yaml").map(\.description) == [expected])
    }
}

/// The commented starter lesson `alexnet lesson --new NAME` writes: one of each kind of step, every
/// number a placeholder, so it passes `--check` as written and shows the format by example.
public enum LessonTemplate {
    public static func starter(title: String) -> String {
        let quoted = title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return """
        # A lesson for alexnet-explorer. The format is described in lessons/README.md.
        # Check it with:   alexnet lesson --check THIS_FILE
        # Take it with:    alexnet lesson THIS_FILE   (or --plain for a text session)
        # Hand it out:     alexnet lesson THIS_FILE --export markdown [--answers]
        title: "\(quoted)"
        preset: alexnet            # alexnet, alexnet-1tower, torchvision or mini
        steps:
          # Text: every number comes from the program through {layer.field} placeholders.
          - text: |
              AlexNet reads a {input.shape} image and has {total.params} parameters.
          # show: points a screen at a layer (walk, filters, features, shapes, train, experiment).
          # Ask before you show: a question's number must not appear on its step or the one
          # before (--check says where it does); the pane hides it until it is answered.
          - show: walk conv1
            text: |
              conv1 has 96 filters of 11×11 at stride 4, with no padding.
            # A question whose answer the core computes; the explanation works it out.
            question: What is conv1's output side?
            answer: conv1.size
            hint: "(227 − 11)/4 + 1"
            explain: "{conv1.formula}, so its output is {conv1.output}."
          # A typed-in answer, checked against the core by --check.
          - question: How many parameters does conv1 have?
            answer: 34944
            check: conv1.params
            explain: "{conv1.weights} weights + {conv1.biases} biases."
          # Multiple choice: answer with a letter.
          - question: Which layer holds the most parameters?
            choices: ["conv1", "fc6", "fc8"]
            answer: b
            explain: "fc6 has {fc6.params} of the {total.params}."
          # A what-if: feed another input side from here on (input:, preset:, rounding: or train:).
          - input: 224
            text: |
              With a 224 input: {conv1.formula}. {conv1.exactness}.

        """
    }
}

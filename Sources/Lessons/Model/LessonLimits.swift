import AlexNetCore

/// The stated ranges of the counts a lesson or a quiz can ask for, checked where they are read
/// (the lesson loader, the quiz command) so a typo like `train: 1000000000` is refused with one line
/// instead of running for days. `lessons/README.md` states the same ranges.
public enum LessonLimits {
    /// Options of a multiple-choice question: at least two, and at most one per letter `a`–`z`.
    public static let choices = 2...26
    /// SGD steps of one `train:` step: enough to see a curve move, few enough to finish in minutes.
    public static let trainSteps = 1...5_000
    /// SGD steps per run of one `experiment:` step (two runs side by side): the explorer's 200 gives a
    /// verdict within about a minute on two cores; 5,000 is a long coffee break.
    public static let experimentSteps = 1...5_000
    /// Side of a what-if `input:` square: AlexNet reads 227, and the arithmetic stays readable.
    public static let inputSide = 1...1_024
    /// Steps in one lesson: the shipped ones have about a dozen; every step's network is built up front.
    public static let lessonSteps = 1...1_000
    /// Questions in one quiz (`alexnet quiz --count`).
    public static let quizQuestions = 1...500

    /// `2–26`, for messages.
    public static func text(_ range: ClosedRange<Int>) -> String {
        "\(NumberText.grouped(range.lowerBound))–\(NumberText.grouped(range.upperBound))"
    }
}

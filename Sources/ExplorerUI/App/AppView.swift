/// A whole-window view the terminal loop drives: the explorer, a lesson, the quiz. Like a screen it only
/// takes keys and sizes and draws into a `CellGrid`, so each is tested in the grid without a terminal.
public protocol AppView {
    var wantsQuit: Bool { get }
    mutating func update(_ key: Key)
    func render(into grid: inout CellGrid)
    /// Told the terminal's size before the first frame and after every resize.
    mutating func resize(width: Int, height: Int)
}

extension AppView {
    public mutating func resize(width: Int, height: Int) {}
}

extension Explorer: AppView {}
extension LessonScreen: AppView {}
extension QuizScreen: AppView {}

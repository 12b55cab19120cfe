// Messages of lessons in both media (plain text and the full-screen panel) and of their handouts.
// The key of each is the function's name; the text is in `English.table` and `Chinese.table`.
public extension Messages {
    // MARK: - A lesson's steps
    static func stepHeader(_ n: Int, of total: Int) -> String { text(["n": n, "total": total]) }
    static var trainingSkippedHere: String { text() }
    static var experimentSkippedHere: String { text() }
    /// Starts a question line; the full-screen panel styles lines that start with it.
    static var questionPrefix: String { text() }
    static func pleaseLetter(last: String) -> String { text(["last": last]) }
    static var pleaseWholeNumberCommas: String { text() }
    static func right(_ answer: String) -> String { text(["answer": answer]) }
    /// How feedback lines start, for the panel's colours.
    static var rightPrefix: String { text() }
    static var notQuitePrefix: String { text() }
    static func notQuiteHint(_ hint: String) -> String { text(["hint": hint]) }
    static var notQuite: String { text() }
    static var tryAgainOrSkip: String { text() }
    static func notQuiteAnswer(_ answer: String) -> String { text(["answer": answer]) }
    static func theAnswerIs(_ answer: String) -> String { text(["answer": answer]) }
    static var noQuestionWaiting: String { text() }
    static func lessonEnd(_ title: String) -> String { text(["title": title]) }
    static func lessonEndScore(_ title: String, correct: Int, asked: Int) -> String {
        text(["title": title, "correct": correct, "asked": asked, "s": s(asked)])
    }
    static func youAnsweredRight(_ typed: String) -> String { text(["typed": typed]) }
    static func youAnsweredWrong(_ typed: String, answer: String) -> String { text(["typed": typed, "answer": answer]) }
    static func youSkipped(answer: String) -> String { text(["answer": answer]) }

    // MARK: - The plain runner
    static var plainLessonKeys: String { text() }
    static var answerPrompt: String { text() }
    static func experimentResult(_ line: String) -> String { text(["result": line]) }
    static func experimentResultAgain(_ line: String) -> String { text(["result": line]) }
    static func cannotRunExperimentHere(_ why: String) -> String { text(["why": why]) }
    static func cannotTrainHere(_ why: String) -> String { text(["why": why]) }
    static func hintLine(_ hint: String) -> String { text(["hint": hint]) }
    static var noHint: String { text() }
    static var endKeys: String { text() }
    static var stepKeys: String { text() }
    static var firstStepAlready: String { text() }
    static var noQuestionOnStep: String { text() }
    static var answeredAlready: String { text() }

    // MARK: - A screen's facts in plain mode
    static func screenFocus(_ focus: String) -> String { text(["focus": focus]) }
    static func factsNetwork(_ name: String, input: String, output: String, params: String, macs: String) -> String {
        text(["name": name, "input": input, "output": output, "params": params, "macs": macs])
    }
    static var factsFiltersNotDrawn: String { text() }
    static var factsCurvesLive: String { text() }
    static func factsNoLayer(_ name: String) -> String { text(["name": name]) }
    static func factsLayer(_ name: String, kind: String, input: String, output: String) -> String {
        text(["name": name, "kind": kind, "input": input, "output": output])
    }
    static func factsParameters(weights: String, biases: String, total: String) -> String {
        text(["weights": weights, "biases": biases, "total": total])
    }
    static func factsMACs(_ macs: String) -> String { text(["macs": macs]) }
    static func factsReceptiveField(_ rf: Int) -> String { text(["rf": rf]) }
    static func factsUnit(channel: Int, y: Int, x: Int, size: Int, input: String, clipped: String) -> String {
        text(["channel": channel, "y": y, "x": x, "size": size, "input": input, "clipped": clipped])
    }
    static func factsUnitField(_ box: String) -> String { text(["box": box]) }
    static func factsUnitCommand(_ command: String) -> String { text(["command": command]) }
    static var factsFilterHeatmaps: String { text() }
    static var factsFeatureHeatmaps: String { text() }

    // MARK: - A step's action, in one clause
    static func actionReads(input: String, output: String) -> String { text(["input": input, "output": output]) }
    static func actionTrain(_ preset: String, steps: Int) -> String { text(["preset": preset, "steps": steps]) }
    static func actionExperiment(_ network: String, steps: Int) -> String { text(["network": network, "steps": steps]) }
    static func actionInput(_ side: Int, reads: String) -> String { text(["side": side, "reads": reads]) }
    static func actionPreset(_ preset: String, summary: String) -> String { text(["preset": preset, "summary": summary]) }
    static func actionRecipe(_ recipe: String, how: String) -> String { text(["recipe": recipe, "how": how]) }
    static var recipeDefaults: String { text() }
    static func actionCeil(reads: String) -> String { text(["reads": reads]) }
    static func actionFloor(reads: String) -> String { text(["reads": reads]) }

    // MARK: - Handouts
    static func handoutNetwork(_ preset: String, summary: String) -> String { text(["preset": preset, "summary": summary]) }
    static var handoutInstructorCopy: String { text() }
    static func handoutAction(_ summary: String, note: String) -> String { text(["summary": summary, "note": note]) }
    static var handoutRunToSee: String { text() }
    static func handoutOnScreen(_ focus: String) -> String { text(["focus": focus]) }
    static func handoutQuestion(_ n: Int, prompt: String) -> String { text(["n": n, "prompt": prompt]) }
    static func handoutAnswer(_ answer: String) -> String { text(["answer": answer]) }
    static func handoutHint(_ hint: String) -> String { text(["hint": hint]) }
    static var handoutBlank: String { text() }
    static func handoutStep(_ n: Int) -> String { text(["n": n]) }
    static func handoutFooter(questions: Int, command: String) -> String {
        text(["count": questions, "s": s(questions), "command": command])
    }

    // MARK: - Placeholders measured by the experiment
    static var experimentNotYet: String { text() }
    static func experimentNoRun(_ activation: String) -> String { text(["activation": activation]) }
    static func experimentMoreThan(_ steps: String) -> String { text(["steps": steps]) }
    static var experimentNotMeasured: String { text() }
}

// MARK: - The full-screen lesson and quiz
public extension Messages {
    static var lessonLeave: String { text() }
    static func trainingStopped(_ why: String) -> String { text(["why": why]) }
    static func trainedSteps(_ steps: Int, now: String, figures: String) -> String { text(["steps": steps, "now": now, "figures": figures]) }
    static func trainingFiguresLoss(_ loss: String) -> String { text(["loss": loss]) }
    static func trainingFiguresError(_ error: String) -> String { text(["error": error]) }
    static func experimentStopped(_ progress: String) -> String { text(["progress": progress]) }
    static func trainingSkippedAfter(_ done: Int, of steps: Int, figures: String) -> String { text(["done": done, "steps": steps, "figures": figures]) }
    static var moreAbove: String { text() }
    static var moreBelow: String { text() }
    static func lessonFooterTraining(_ done: Int, of steps: Int) -> String { text(["done": done, "steps": steps]) }
    static func lessonFooterExperiment(_ steps: Int) -> String { text(["steps": steps]) }
    static func lessonFooterTrainingShort(_ done: Int, of steps: Int) -> String { text(["done": done, "steps": steps]) }
    static func lessonFooterExperimentShort(_ steps: Int) -> String { text(["steps": steps]) }
    static var lessonFooterLast: String { text() }
    static var lessonFooter: String { text() }
    static func quizHeader(_ score: String) -> String { text(["score": score]) }
    static func quizDone(_ score: String) -> String { text(["score": score]) }
}

// MARK: - The lesson and quiz commands
public extension Messages {
    static func listGroup(_ code: String, count: Int, prefix: String) -> String {
        prefix.isEmpty ? text(["code": code, "count": count, "s": s(count)], key: "listGroupEnglish")
                       : text(["code": code, "count": count, "s": s(count), "prefix": prefix], key: "listGroupTranslation")
    }
    static var listDoesNotLoad: String { text() }
    static var notATerminalPlain: String { text() }
    static var giveALesson: String { text() }
    static var giveOneLesson: String { text() }
    static var lessonsFolderMissing: String { text() }
    static func lessonFailsCheck(_ first: String, more: Int, file: String) -> String {
        more == 0 ? text(["first": first], key: "lessonFailsCheckOne")
                  : text(["first": first, "more": more, "file": file], key: "lessonFailsCheckMore")
    }
    static func quizCountRange(_ range: String, got: String) -> String { text(["range": range, "got": got]) }
    static var quizExportNeedsSeed: String { text() }
    static var quizAnswersNeedExport: String { text() }
    static func checkOK(_ file: String) -> String { text(["file": file]) }
    static func checkProblems(_ file: String, count: Int) -> String { text(["file": file, "count": count, "s": s(count)]) }
    static func checkFailed(_ failed: Int, of total: Int) -> String { text(["failed": failed, "total": total, "s": s(total)]) }
}

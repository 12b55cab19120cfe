import ChildProcessModule
import Foundation

/// Decides whether a run passed. The rules (docs/fuzzing.md):
/// - a crash (a signal, or exit ≥ 128) or a run killed after the hang limit fails;
/// - a backtrace in either stream fails;
/// - a valid input must give exit 0, an invalid one a non-zero exit, any exit must be 0, 1 or 64;
/// - a failing run prints exactly one non-empty line on stderr; only an option-validation error (exit 64,
///   `Error: …`, in a case about command-line values) may add ArgumentParser's `Help: …` and `Usage: …` lines
///   and their indented continuations after it;
/// - for file inputs, the error names the file (`lesson --check`, a linter, may list several problems, each
///   starting with the file, and a closing count);
/// - a case that must be refused before allocating stays under its peak-RSS bound;
/// - inputs unchanged, no stray files.
enum Verdict {
    static let backtraceMarkers = ["Fatal error", "Stack dump", "💣", "Current stack trace", "Backtrace"]

    /// One-line reasons this run failed, empty when it passed.
    static func problems(_ fuzzCase: FuzzCase, _ run: RunOutcome, hangLimit: Double) -> [String] {
        var found: [String] = []
        let rss = "peak RSS \(run.maxRSSKiB / 1024) MiB"
        if run.timedOut {
            return ["hang: killed after \(Int(hangLimit)) s (\(rss))"]
        }
        if let signal = run.signal {
            found.append("crash: signal \(signal) (\(rss))\(firstLine(run.stderr).map { ": " + $0 } ?? "")")
        } else if let code = run.exitCode, code >= 128 {
            found.append("crash: exit \(code) (\(rss))\(firstLine(run.stderr).map { ": " + $0 } ?? "")")
        } else if let code = run.exitCode, code == 125 {
            found.append("harness: could not start the program: \(firstLine(run.stderr) ?? "")")
        }
        for marker in backtraceMarkers where run.stdout.contains(marker) || run.stderr.contains(marker) {
            found.append("backtrace in the output ('\(marker)')")
            break
        }
        if let limit = fuzzCase.maxRSSMiB, run.maxRSSKiB / 1024 > limit {
            found.append("runaway memory: peak RSS \(run.maxRSSKiB / 1024) MiB (at most \(limit) MiB expected)")
        }
        guard found.isEmpty, let code = run.exitCode else { return found }

        switch (fuzzCase.expect, code) {
        case (.success, let c) where c != 0:
            found.append("rejected a valid input (exit \(c)): \(firstLine(run.stderr) ?? "no message")")
        case (.failure, 0):
            found.append("silent failure: exit 0 on an invalid input\(lastLine(run.stdout).map { " (last output: \($0))" } ?? "")")
        default: break
        }
        if ![0, 1, 64].contains(code) { found.append("unexpected exit status \(code)") }
        if code != 0 {
            let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            if lines.isEmpty {
                found.append("failed (exit \(code)) without a message on stderr")
            } else if fuzzCase.linter {
                // Summary lines are not problems: a file's `FILE: N problems` count and the closing `N of M` line.
                let problems = lines.filter {
                    $0.range(of: #"^[0-9]+ of [0-9]+ lessons? failed the check$"#, options: .regularExpression) == nil
                        && $0.range(of: #": [0-9]+ problems?$"#, options: .regularExpression) == nil
                }
                if let stray = problems.first(where: { line in !fuzzCase.mustName.contains { line.hasPrefix($0) } }) {
                    found.append("linter line does not start with the file: \(clip(stray))")
                } else if problems.isEmpty {
                    found.append("linter failed without naming a problem")
                } else if fuzzCase.linterSingle, problems.count > 1 {
                    found.append("multi-line error for one problem (\(problems.count) lines): \(clip(problems[0])) / \(clip(problems[1]))")
                }
            } else if lines.count > 1 {
                let usageOnly = fuzzCase.usageAllowed && code == 64 && lines[0].hasPrefix("Error: ")
                    && lines.dropFirst().allSatisfy { $0.hasPrefix("Usage: ") || $0.hasPrefix("Help: ") || $0.hasPrefix(" ") || $0.hasPrefix("\t") }
                if !usageOnly {
                    found.append("multi-line error (\(lines.count) lines): \(clip(lines[0])) / \(clip(lines[1]))")
                }
            }
            if !fuzzCase.mustName.isEmpty, !fuzzCase.mustName.contains(where: { run.stderr.contains($0) }) {
                found.append("error does not name the file \(fuzzCase.mustName[0]): \(firstLine(run.stderr) ?? "")")
            }
        }
        return found
    }

    static func firstLine(_ text: String) -> String? {
        text.split(separator: "\n", omittingEmptySubsequences: true).first.map { clip(String($0)) }
    }

    static func lastLine(_ text: String) -> String? {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).last.map { clip(String($0)) }
    }

    static func clip(_ s: String, _ n: Int = 160) -> String {
        s.count <= n ? s : String(s.prefix(n)) + "…"
    }
}

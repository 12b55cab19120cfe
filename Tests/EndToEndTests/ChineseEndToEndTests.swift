#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The program in Chinese through the real binary: chosen by the locale variables (whose zh_CN.UTF-8 is
/// not generated on this machine, so the terminal must still get a UTF-8 character table) or by `--lang`.
@Suite(.timeLimit(.minutes(1)))
struct ChineseEndToEndTests {
    /// Three lower-case English words in a row: an English sentence (names like conv1, ReLU, Home are not).
    static func englishSentence(in line: String) -> Bool {
        var run = 0
        for word in line.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") }) {
            let isWord = word.count >= 2 && word.allSatisfy { $0.isASCII && $0.isLowercase || $0 == "'" }
            run = isWord ? run + 1 : 0
            if run == 3 { return true }
        }
        return false
    }

    @Test func langZhOpensTheExplorerInChineseAt80x24() throws {
        let tmux = try TmuxSession(width: 80, height: 24)
        tmux.type(try AlexNetBinary.command(environment: "LANG=zh_CN.UTF-8"))
        // Wait for the status line's 退出 too: under load a capture could come between the tab bar and the last row.
        let screen = try tmux.waitFor("卷积", "假如", "退出", seconds: 30)
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let bar = rows.first ?? ""
        #expect(bar.contains(" 1 层 ") && bar.contains(" 2 假如 "), "\(bar)")
        // The tab bar and the status line: every word Chinese or a name.
        #expect(!Self.englishSentence(in: bar), "\(bar)")
        let status = rows.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
        #expect(status.contains("退出") && !Self.englishSentence(in: status), "\(status)")
        tmux.keys("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func langFlagWinsOverTheLocaleInPlainMode() throws {
        let tmux = try TmuxSession(width: 120, height: 30)
        let path = try #require(AlexNetBinary.path)
        tmux.type("echo 1 | /usr/bin/env LANG=C.UTF-8 \(path) quiz --plain --lang zh --seed 5 --count 1; echo __EXIT=$?__")
        #expect(try tmux.waitForExit() == 0)
        let zh = tmux.capture()
        #expect(zh.contains("（输入一个整数，可以带千位逗号；q 退出）"), "\(zh)")
        tmux.type("clear; echo 1 | /usr/bin/env LANG=zh_CN.UTF-8 \(path) quiz --plain --lang en --seed 5 --count 1; echo __EXIT=$?__")
        try tmux.waitFor("Score:")
        #expect(!tmux.capture().contains("输入一个整数"))
    }
}

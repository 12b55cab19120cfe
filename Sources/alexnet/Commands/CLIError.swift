import AlexNetCore
import ArgumentParser
import Foundation

/// Library errors become one line on stderr and exit status 1, never a stack trace.
enum CLIError {
    static func wrap<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as ValidationError { throw error } catch let error as ExitCode {
            throw error
        } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
    }

    /// Writes one line to stderr. Messages carry file names and file contents, so control characters are shown
    /// as escapes (`\e[2J`, `\n`): an error can neither drive the terminal nor add lines of its own.
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((ControlEscapes.escaped(message) + "\n").utf8))
    }

    /// Several lines (the parser's error with its usage), each escaped as `printError` does.
    static func printLines(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { ControlEscapes.escaped(String($0)) }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}

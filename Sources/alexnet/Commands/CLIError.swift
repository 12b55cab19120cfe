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

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

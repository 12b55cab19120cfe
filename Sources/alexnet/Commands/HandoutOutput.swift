import AlexNetCore
import ArgumentParser

/// Where an exported handout goes: stdout, or a file written atomically (never half a handout).
enum HandoutOutput {
    static func write(_ text: String, to path: String?) throws {
        guard let path else { return print(text, terminator: "") }
        do { try AtomicFile.write(Array(text.utf8), to: path) } catch {
            CLIError.printError("error: \(path): cannot write the handout: \(error)")
            throw ExitCode.failure
        }
    }
}

import AlexNetCore
import ArgumentParser
import Foundation

/// Where an exported handout goes: stdout, or a file written atomically (never half a handout).
enum HandoutOutput {
    /// `notOver`: the file the handout is made from, which it must not replace (`lesson X --export markdown -o X`
    /// replaced the lesson with its handout). The same file under another name is caught by device and inode.
    static func write(_ text: String, to path: String?, notOver input: (path: String, shown: String)? = nil) throws {
        guard let path else { return print(text, terminator: "") }
        if let input, sameFile(path, input.path) {
            CLIError.printError("error: \(input.shown): --output is the lesson itself; the handout would replace it")
            throw ExitCode.failure
        }
        do { try AtomicFile.write(Array(text.utf8), to: path) } catch {
            CLIError.printError("error: \(path): cannot write the handout: \(error)")
            throw ExitCode.failure
        }
    }

    static func sameFile(_ a: String, _ b: String) -> Bool {
        var x = stat(), y = stat()
        guard stat(a, &x) == 0, stat(b, &y) == 0 else { return false }
        return x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }
}

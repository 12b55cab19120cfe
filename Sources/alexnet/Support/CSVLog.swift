import Foundation

/// A CSV file written row by row as training goes, flushed each row, so an interrupted run keeps its
/// log up to the last step.
struct CSVLog {
    private let handle: FileHandle
    let path: String

    init(path: String, header: String) throws {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: Data((header + "\n").utf8)),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw CSVLogError(path: path)
        }
        handle.seekToEndOfFile()
        self.handle = handle
    }

    mutating func append(_ row: String) throws {
        handle.write(Data((row + "\n").utf8))
    }
}

struct CSVLogError: Error, CustomStringConvertible {
    var path: String
    var description: String { "\(path): cannot create the log file" }
}

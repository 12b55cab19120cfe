#if canImport(Glibc)
import Glibc
#endif

/// The `alexnet` executable of this build: beside the test bundle in the build directory
/// (`swift build` builds it before `swift test` in `make test`), or $ALEXNET_BINARY.
enum AlexNetBinary {
    static var path: String? {
        if let p = getenv("ALEXNET_BINARY").map({ String(cString: $0) }), access(p, X_OK) == 0 { return p }
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        var dir = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // …/debug/AlexNetExplorerPackageTests.xctest → …/debug
        while let slash = dir.lastIndex(of: "/") {
            dir = String(dir[..<slash])
            let candidate = dir + "/alexnet"
            if access(candidate, X_OK) == 0 { return candidate }
            if dir.hasSuffix("/.build") || dir.isEmpty { break }
        }
        return nil
    }

    /// The shell command that runs the explorer in a pane and prints its exit status after it.
    static func command(_ arguments: String = "", environment: String = "") throws -> String {
        guard let path else { throw TmuxSession.Timeout(waitingFor: "the alexnet binary (run `swift build` first)", screen: "") }
        return "/usr/bin/env \(environment) TERM=xterm-256color \(path) \(arguments); echo __EXIT=$?__"
    }
}

/// Whether Debian's `dataset-fashion-mnist` is installed, for the tests that train or show test images.
enum FashionMNISTFiles {
    static var installed: Bool {
        ["train-images-idx3-ubyte.gz", "t10k-images-idx3-ubyte.gz"].allSatisfy {
            access("/usr/share/datasets/fashion-mnist/" + $0, F_OK) == 0
        }
    }
}

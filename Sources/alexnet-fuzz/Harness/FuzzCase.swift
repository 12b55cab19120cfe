import ChildProcessModule

/// What a case's input should make the program do.
enum Expectation: String, Sendable {
    /// A valid input: exit 0 is required.
    case success
    /// An invalid input: a non-zero exit with one line of error is required.
    case failure
    /// Validity cannot be known from outside (e.g. a huge but legal count): exit 0, 1 or 64, and a
    /// one-line message when it fails.
    case either
}

/// One generated run of the program: its arguments, what the generator knows about the input, and
/// what the run may leave behind.
struct FuzzCase: Sendable {
    /// Short description, e.g. `config: conv kernel larger than the input`.
    var title: String
    /// Arguments after the binary.
    var arguments: [String]
    var expect: Expectation
    /// Files the program reads: they must be byte-identical afterwards. (Files in directories given
    /// with `--data` are listed one by one.)
    var inputs: [String] = []
    /// For file inputs: an error message must contain one of these (the path as given, or its folder).
    var mustName: [String] = []
    /// Option-validation errors (exit 64) may add ArgumentParser's usage block after the one line.
    var usageAllowed = false
    /// Standard input's contents (default: empty, i.e. end of input at once).
    var stdin: String = ""
    /// Names (relative to the case folder) the run may create; a trailing `*` matches a prefix.
    var outputs: [String] = []
    /// Extra environment, e.g. XDG_DATA_HOME for the progress file.
    var environment: [String: String] = [:]
    /// Where the issue lists this failure (`issue12 crash 1`), so a report can tell known from new.
    var known: String? = nil
    /// `lesson --check` is a linter: it may print several `FILE…: problem` lines, each file's `FILE: N problems`
    /// count and a closing `N of M lessons failed the check` line; each problem line must start with the file.
    var linter = false
    /// …but one defect (e.g. a duplicate key) must give exactly one problem line.
    var linterSingle = false
    /// Peak resident memory the run may reach, for inputs that must be refused before anything big is
    /// allocated (a 17-byte image header promising 16384×16384 pixels).
    var maxRSSMiB: Int? = nil
    /// A file-size limit for the run (`ulimit -f`, 512-byte blocks): a disk that fills up.
    var fileSizeBlocks: Int? = nil
    /// Arguments of a second run of the program started at the same moment with the same environment and stdin
    /// (two quizzes finishing together on one progress file); it must not crash either.
    var companion: [String]? = nil
    /// Further verdicts on the finished run (nil = fine), e.g. "the progress file's bytes were lost".
    var check: (@Sendable (RunOutcome, CaseFolder) -> String?)? = nil
}

/// The case's own folder under the run's temporary directory.
struct CaseFolder: Sendable {
    let path: String
    func file(_ name: String) -> String { path + "/" + name }
}

/// Shared, read-only material every case may copy: the data set, the lessons, a checkpoint made once.
struct FuzzContext: Sendable {
    let binary: String
    let lessonsDirectory: String
    let dataDirectory: String
    /// A valid checkpoint of the mini network (bytes), made by the binary at the start of the run.
    let checkpoint: [UInt8]
    /// A small valid Fashion-MNIST-like data set (four IDX files, raw bytes, not gzipped).
    let tinyData: TinyDataset
}

/// A kind of input and how to build its cases.
struct Generator: Sendable {
    let kind: String
    let count: Int
    let make: @Sendable (inout FuzzRandom, CaseFolder, FuzzContext, Int) throws -> FuzzCase
}

// swift-tools-version:6.0
import PackageDescription

// MARK: - Build settings

/// x86-64-v3 (AVX2, FMA) code generation for the Swift modules. The memory-bound hot loops are C now
/// (CKernels, built for the same CPU level below); the Swift layers that remain vectorise better with it.
/// A CPU without x86-64-v3 is refused at start-up (CPUFeatures, built without these flags) rather than
/// dying on an illegal instruction. Release builds keep Swift's safety checks (no `-Ounchecked`): an
/// overflow must stop the program rather than give a silently wrong number.
let fastMath: [SwiftSetting] = [
    .unsafeFlags(["-Xcc", "-march=x86-64-v3"]),
]
/// Debug builds of the numeric core are 200–450× slower than release; optimising it even in debug keeps
/// the gradient checks and the tiny training tests at seconds, while keeping Swift's safety checks.
let optimisedEvenInDebug: [SwiftSetting] = fastMath + [
    .unsafeFlags(["-O"], .when(configuration: .debug)),
]

let propertyBased: Target.Dependency = .product(name: "PropertyBased", package: "swift-property-based")

let package = Package(
    name: "AlexNetExplorer",
    products: [
        .executable(name: "alexnet", targets: ["alexnet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        // Tests only: property checks with shrinking and replayable seeds (shape arithmetic, quiz answers).
        .package(url: "https://github.com/x-sheep/swift-property-based.git", exact: "2.0.1"),
    ],
    targets: [
        // MARK: - System libraries
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CJPEG", pkgConfig: "libjpeg", providers: [.apt(["libjpeg-dev"])]),
        /// libjpeg's errors must longjmp out of the library; the setjmp lives in C, where that is safe.
        .target(name: "CJPEGShim", dependencies: ["CJPEG"]),
        /// The engine's memory-bound inner loops (lowering, LRN, pooling, conv epilogue): optimised in every
        /// build, since debug C at -O0 would make the gradient-check tests crawl.
        .target(name: "CKernels",
                cSettings: [.unsafeFlags(["-O3", "-march=x86-64-v3", "-fno-math-errno"])]),
        /// Whether this CPU can run the rest: compiled for any x86-64, unlike CKernels and the Swift modules.
        .target(name: "CPUFeatures"),
        .target(name: "CNcurses",
                linkerSettings: [.linkedLibrary("ncursesw")]),

        // MARK: - Modules
        /// The message catalogue (English, 简体中文), the language choice and CJK line breaking: the one door
        /// every user-facing sentence goes through.
        .target(name: "Localization"),
        .target(name: "AlexNetCore",
                dependencies: ["Localization", "COpenBLAS", "CKernels", "CZlib", "CPNG", "CJPEGShim", "Yams"],
                swiftSettings: optimisedEvenInDebug),
        .target(name: "ExplorerUI",
                dependencies: ["AlexNetCore", "Lessons", "Localization"],
                swiftSettings: fastMath),
        .target(name: "Lessons",
                dependencies: ["AlexNetCore", "Localization"]),
        /// The runtime between the screens and the engine: the one loop (messages in, frames out), the explorer's
        /// and lessons' engines, the training workers, the weights and input policies the commands share.
        .target(name: "AppRuntime",
                dependencies: ["AlexNetCore", "ExplorerUI", "Lessons", "Localization"]),
        .executableTarget(name: "alexnet",
                          dependencies: ["AlexNetCore", "ExplorerUI", "Lessons", "AppRuntime", "Localization", "CNcurses", "CPUFeatures",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          swiftSettings: fastMath),
        // The fuzz harness (`make fuzz`): drives the release `alexnet` binary with generated inputs. Not hot
        // code, so none of the fast-math flags; zlib only to write gzip IDX files and PNG streams.
        .executableTarget(name: "alexnet-fuzz", dependencies: ["CZlib", "ChildProcessModule"]),
        /// posix_spawn with a clean signal state, closed descriptors, a timeout and an optional memory limit:
        /// how the fuzz harness and the end-to-end tests start the program.
        .target(name: "ChildProcessModule"),

        // MARK: - Tests
        .testTarget(name: "AlexNetCoreTests", dependencies: ["AlexNetCore", propertyBased],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "LocalizationTests", dependencies: ["Localization"]),
        .testTarget(name: "ExplorerUITests", dependencies: ["ExplorerUI", "AlexNetCore", "Lessons", "Localization"], exclude: ["Snapshots"]),
        .testTarget(name: "LessonsTests", dependencies: ["Lessons", "AlexNetCore", "Localization", propertyBased], exclude: ["Snapshots"]),
        .testTarget(name: "EndToEndTests", dependencies: ["ChildProcessModule"]),
        // The executable's own logic (key decoding, startup) by `@testable import alexnet`, and the runtime's (the loop
        // driven by scripted messages, weights choice, feature inputs, the lesson replay) by `@testable import AppRuntime`.
        .testTarget(name: "alexnetTests", dependencies: ["alexnet", "AppRuntime", "AlexNetCore", "ExplorerUI", "Lessons", "Localization", "CNcurses"]),
    ]
)

#if canImport(Glibc)
import Glibc
#endif
import CJPEG
import CKernels
import Foundation
import Testing
@testable import AlexNetCore

/// Issue 28's findings in the core: inputs that are not regular files, wrapped tensor sizes, alias bombs,
/// quadratic naming, labels made per output, non-finite weights, ReLU and NaN, control characters, the memory
/// budget and the resume rule. Each test failed (crash, hang, wrong answer or timeout) before its fix.
@Suite struct HostileFileTests {
    static func folder() -> String {
        var template = Array("/tmp/alexnet-hostile-XXXXXX".utf8CString)
        _ = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    // MARK: - 2, 3: only regular files are read, never past what they are

    @Test func aFIFOIsRefusedWithoutBlocking() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/f.jpg"
        try #require(mkfifo(fifo, 0o644) == 0)
        // Before: open() blocked forever, as nothing writes to the FIFO.
        #expect(throws: ImageError.unreadable(file: fifo, reason: "this is a FIFO (named pipe), expected a regular file")) {
            try ImageFile.load(fifo)
        }
        #expect(throws: SafetensorsError.unreadable(file: fifo, reason: "this is a FIFO (named pipe), expected a regular file")) {
            try SafetensorsFile.read(from: fifo)
        }
        let error = #expect(throws: ConfigError.self) { try NetworkConfig.load(path: fifo) }
        #expect(error?.description == "\(fifo): this is a FIFO (named pipe), expected a regular file")
        // A data folder with a FIFO named like the test images (zlib's own open blocked too).
        let data = dir + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        for name in ["t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"] { try #require(mkfifo(data + "/" + name, 0o644) == 0) }
        let dataError = #expect(throws: DatasetError.self) { try FashionMNIST.load(.test, directory: data) }
        #expect(dataError.map { "\($0)".contains("FIFO (named pipe)") } == true, "\(String(describing: dataError))")
    }

    @Test(arguments: ["/dev/zero", "/dev/urandom", "/dev/null"])
    func aDeviceIsRefusedBeforeReading(device: String) {
        // Before: /dev/zero was read until a 4 GiB allocation failed (rc 134).
        #expect(throws: ImageError.unreadable(file: device, reason: "this is a character device, expected a regular file")) {
            try ImageFile.load(device)
        }
        #expect(throws: SafetensorsError.unreadable(file: device, reason: "this is a character device, expected a regular file")) {
            try SafetensorsFile.read(from: device)
        }
    }

    @Test func aFileOverItsKindsLimitIsRefusedBeforeReading() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/big.yaml"
        // A sparse file: 5 MiB long, nothing written, so nothing is allocated either way.
        let fd = open(path, O_WRONLY | O_CREAT, 0o644)
        try #require(fd >= 0 && ftruncate(fd, 5 << 20) == 0)
        close(fd)
        let error = #expect(throws: ConfigError.self) { try NetworkConfig.load(path: path) }
        #expect(error?.message == "the file is 5,242,880 bytes, more than the 4,194,304-byte limit for this kind of file")
    }

    // MARK: - 1: a tensor whose byte count wraps

    @Test(arguments: [[2, (1 << 61) + 400], [1 << 62, 4], [3_074_457_345_618_258_603, 3]])
    func aShapeWhoseBytesOverflowIsRefused(shape: [Int]) throws {
        // [2, 2^61+400] F32: 2^62+800 elements, 2^64+3,200 bytes, which wrapped to the 3,200 data bytes given.
        let bytes = (shape == [2, (1 << 61) + 400]) ? 3_200 : 0
        var header = Array("{\"w\":{\"dtype\":\"F32\",\"shape\":[\(shape.map(String.init).joined(separator: ","))],\"data_offsets\":[0,\(bytes)]}}".utf8)
        header += [UInt8](repeating: 0x20, count: (8 - header.count % 8) % 8)
        let file = (0..<8).map { UInt8(truncatingIfNeeded: header.count >> (8 * $0)) } + header + [UInt8](repeating: 0, count: bytes)
        let error = #expect(throws: SafetensorsError.self) { try SafetensorsFile.decode(file, file: "wrap.safetensors") }
        #expect(error.map { "\($0)".contains("needs more than 2^63 bytes, data_offsets give \(bytes)") } == true, "\(String(describing: error))")
    }

    // MARK: - 5: alias bombs

    static let laughs = (1..<9).reduce("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n") { yaml, k in
        let (name, previous) = (String(UnicodeScalar(UInt8(97 + k))), String(UnicodeScalar(UInt8(96 + k))))
        return yaml + "\(name): &\(name) [" + Array(repeating: "*" + previous, count: 9).joined(separator: ", ") + "]\n"
    }

    @Test func aBillionLaughsIsRefusedBeforeAnyNodeIsBuilt() {
        // 342 bytes standing for 9^9 values: before, gigabytes and then an allocation failure.
        let error = #expect(throws: ConfigError.self) { try YAMLReader(file: "laughs.yaml").compose(Self.laughs) }
        #expect(error?.line == 6)
        #expect(error?.message.hasPrefix("YAML aliases here expand to more than 100,000 values beyond those written") == true)
        // As keys too (Yams hashed such keys while composing).
        #expect(throws: ConfigError.self) {
            try YAMLReader(file: "k.yaml").compose(Self.laughs + "j:\n  ? *i\n  : 1\n  ? *h\n  : 2\n")
        }
    }

    @Test func ordinaryAliasesStillWork() throws {
        let node = try YAMLReader(file: "a.yaml").compose("base: &b {out: 8, kernel: 3}\nx: [*b, *b, *b]\n")
        guard case .mapping(let pairs) = node.value, case .sequence(let items) = pairs[1].value.value else {
            Issue.record("expected a mapping with a list"); return
        }
        #expect(items.count == 3)
        // Just under the budget is fine; the count is exact, so one more value goes over.
        let list = "[" + Array(repeating: "0", count: 1000).joined(separator: ", ") + "]"
        _ = try YAMLReader(file: "ok.yaml").compose("a: &a \(list)\nb: [" + Array(repeating: "*a", count: 99).joined(separator: ", ") + "]\n")
        #expect(throws: ConfigError.self) {
            try YAMLReader(file: "over.yaml").compose("a: &a \(list)\nb: [" + Array(repeating: "*a", count: 101).joined(separator: ", ") + "]\n")
        }
    }

    // MARK: - 6: linear time on big configs

    @Test func tenThousandRepeatedLayersAreNamedInLinearTime() throws {
        // Before: each repeat searched every suffix from "b" again — 5 s for 4,000 layers, past 20 s for 10,000.
        let kinds = Array(repeating: LayerKind.activation(.relu), count: 20_000) + [.dropout(p: 0.5)]
        let clock = ContinuousClock()
        var names: [String] = []
        let took = clock.measure { names = LayerNaming.autoNames(for: kinds) }
        #expect(Set(names).count == names.count)
        #expect(names.prefix(4) == ["relu0", "relu0b", "relu0c", "relu0d"])
        #expect(names[27] == "relu0ab")
        // Quadratic took minutes here even in release; linear takes milliseconds. Far above both noise and load.
        #expect(took < .seconds(20), "\(took)")
    }

    @Test func aMappingWithManyKeysIsCheckedInLinearTime() throws {
        let text = (0..<50_000).map { "k\($0): 1\n" }.joined()
        let reader = YAMLReader(file: "keys.yaml")
        let node = try reader.compose(text)
        let clock = ContinuousClock()
        var count = 0
        let took = clock.measure { count = (try? reader.mapping(node, what: "a lesson").count) ?? -1 }
        #expect(count == 50_000)
        #expect(took < .seconds(20), "\(took)")
        #expect(throws: ConfigError(file: "d.yaml", line: 3, message: "field 'a' appears twice in t")) {
            let r = YAMLReader(file: "d.yaml")
            _ = try r.mapping(YAMLNode(.mapping([.init(key: YAMLNode(.scalar("a", literalBlock: false), line: 1), value: YAMLNode(.scalar("1", literalBlock: false), line: 1)),
                                                  .init(key: YAMLNode(.scalar("b", literalBlock: false), line: 2), value: YAMLNode(.scalar("1", literalBlock: false), line: 2)),
                                                  .init(key: YAMLNode(.scalar("a", literalBlock: false), line: 3), value: YAMLNode(.scalar("1", literalBlock: false), line: 3))]),
                                       line: 1), what: "t")
        }
    }

    // MARK: - 7: labels on demand

    @Test func indexNamesAreMadeWhenAskedFor() {
        let names = ClassNames.forOutputs(4_000_000, imageNet: nil)
        #expect(names.count == 4_000_000)
        #expect(names.names.isEmpty)
        #expect(names[3_999_999] == "class 3999999")
        #expect(ClassNames.fashionMNIST.count == 10 && ClassNames.fashionMNIST[0] == "T-shirt/top")
    }

    // MARK: - 8: NaN weights and ReLU

    @Test func nonFiniteWeightsAreRefusedNamingTheTensor() throws {
        let net = try Network(spec: Preset.mini.spec, initialization: .he, seed: 1)
        var tensors = Dictionary(uniqueKeysWithValues: net.state.map { ($0.name, $0.tensor) })
        let name = net.parameters[0].name
        tensors[name]!.data[3] = .nan
        #expect(throws: WeightsError(source: "w.safetensors", message: "tensor '\(name)' holds 1 non-finite value (element 3 is nan); expected finite numbers")) {
            try net.load(tensors, source: "w.safetensors")
        }
        tensors[name]!.data[3] = 0
        let last = net.parameters.last!.name
        tensors[last]!.data = tensors[last]!.data.map { _ in .infinity }
        #expect(throws: WeightsError.self) { try net.load(tensors, source: "w.safetensors") }
    }

    @Test func reluKeepsNaNAsPyTorchDoesInEveryRoute() throws {
        // PyTorch: relu(nan) = nan, and threshold_backward passes the gradient where the output is nan.
        let x = Tensor(shape: [1, 1, 2, 3], data: [.nan, -1, 0, 2, -.infinity, .infinity])
        let relu = ElementwiseActivation(.relu)
        let y = relu.forward(x, mode: .train)
        #expect(y.data[0].isNaN)
        #expect(Array(y.data[1...]) == [0, 0, 2, 0, .infinity])
        let dx = relu.backward(Tensor(shape: x.shape, data: [1, 1, 1, 1, 1, 1]))
        #expect(dx.data == [1, 0, 0, 1, 0, 1])
        // The fused C kernels: the conv epilogue and the backward mask agree with the Swift path.
        var out = [Float](repeating: 7, count: 6)
        x.data.withUnsafeBufferPointer { s in
            out.withUnsafeMutableBufferPointer { d in ck_rows_bias_relu(s.baseAddress, 6, d.baseAddress, 6, nil, 1, 6, 1) }
        }
        #expect(out[0].isNaN && Array(out[1...]) == Array(y.data[1...]))
        var masked = [Float](repeating: 7, count: 6)
        let ones = [Float](repeating: 1, count: 6)
        ck_relu_mask(y.data, ones, &masked, 6)
        #expect(masked == dx.data)
    }

    @Test func aNaNConv1MakesTheOutputNaNNotAConfidentClass() throws {
        // Before: all-NaN conv1 weights answered "Bag 67.36%" because the fused ReLU turned NaN into 0.
        let net = try Network(spec: Preset.mini.spec, initialization: .he, seed: 1)
        let conv1 = net.parameters[0]
        conv1.value.data = conv1.value.data.map { _ in .nan }
        let out = net.forward(Tensor(shape: [1, 1, 27, 27], data: [Float](repeating: 0.5, count: 729)), mode: .eval)
        #expect(out.data.allSatisfy { $0.isNaN })
    }

    // MARK: - 12: control characters

    @Test(arguments: [
        ("\u{1B}[2J\u{1B}[31m3", "\\e[2J\\e[31m3"), ("\u{1B}]0;title\u{07}", "\\e]0;title\\u{7}"),
        ("\r\n\r\nfake line", "\\r\\n\\r\\nfake line"), ("a\u{9B}2Jb\u{7F}", "a\\u{9B}2Jb\\u{7F}"), ("卷积 ok\tz", "卷积 ok\\tz"),
    ])
    func controlCharactersAreShownAsEscapes(raw: String, shown: String) {
        #expect(ControlEscapes.escaped(raw) == shown)
    }

    // MARK: - 13: the memory budget

    @Test func theAddressSpaceLimitIsPartOfTheBudget() {
        // Only the arithmetic here: setting RLIMIT_AS in the test process would limit every other test.
        #expect(MemoryLimit.addressSpaceLeft() == nil || MemoryLimit.machine.bytes <= MemoryLimit.addressSpaceLeft()!)
        #expect(MemoryLimit.bytes(parsing: "9223372036854775807B") == Int.max)
    }

    // MARK: - 9, 10: resume

    @Test func resumeKeepsWhatIsNotGivenAndTakesWhatIs() {
        var saved = CheckpointMetadata(network: "mini", epoch: 1, step: 10, learningRate: 0.05, seed: 1, activation: .tanh,
                                       batchSize: 32, trainImages: 64)
        saved.schedule = .constant
        saved.extra[ResumeRule.augmentKey] = "on"
        let defaults = TrainingOptions(epochs: 3, batchSize: 64, learningRate: 0.02)
        // Nothing given: every recorded value is the checkpoint's (before: ReLU, and the default batch and rate).
        let kept = ResumeRule(given: .init(), checkpoint: saved, epochs: 3, defaults: defaults)
        #expect(kept.activation == .tanh && kept.learningRate == 0.05 && kept.schedule == .constant && kept.seed == 1)
        #expect(kept.batchSize == 32 && kept.limit == 64 && kept.augment && kept.notes.isEmpty)
        // Everything given: each wins, and each change is noted.
        let given = ResumeRule.Given(activation: .relu, learningRate: 0.001, schedule: .plateau, seed: 7, batchSize: 16, limit: 32,
                                     augment: false, initialization: .paper)
        let changed = ResumeRule(given: given, checkpoint: saved, epochs: 3, defaults: defaults)
        #expect(changed.activation == .relu && changed.learningRate == 0.001 && changed.schedule == .plateau && changed.seed == 7)
        #expect(changed.batchSize == 16 && changed.limit == 32 && !changed.augment)
        #expect(changed.notes == [
            "--activation relu replaces the checkpoint's tanh from here on",
            "--schedule plateau replaces the checkpoint's constant from here on",
            "--seed 7 replaces the checkpoint's 1 from here on",
            "augmentation off replaces the checkpoint's on from here on",
            "--lr 0.001 replaces the checkpoint's learning rate 0.05 from here on",
            "--init has no effect on a resumed run: the weights come from the checkpoint",
        ])
        // Under the step schedule the checkpoint's rate after the ÷10 point stands for ten times that base.
        saved.schedule = .step
        saved.epoch = 2
        saved.learningRate = 0.002
        #expect(ResumeRule(given: .init(), checkpoint: saved, epochs: 3, defaults: defaults).learningRate == 0.02)
    }
}

/// The scan limit of progressive JPEGs, on files written here by libjpeg with a scan script of our own.
@Suite struct JPEGScanLimitTests {
    /// A 16×16 grey progressive JPEG: DC in two scans, then each AC coefficient in a first and a refining scan
    /// (`acScans` of them each) — 2 + 2·acScans scans, all valid.
    static func progressive(acScans: Int) -> [UInt8] {
        var cinfo = jpeg_compress_struct()
        var jerr = jpeg_error_mgr()
        cinfo.err = jpeg_std_error(&jerr)
        jpeg_CreateCompress(&cinfo, JPEG_LIB_VERSION, MemoryLayout<jpeg_compress_struct>.size)
        var buffer: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        jpeg_mem_dest(&cinfo, &buffer, &size)
        cinfo.image_width = 16; cinfo.image_height = 16; cinfo.input_components = 1; cinfo.in_color_space = JCS_GRAYSCALE
        jpeg_set_defaults(&cinfo)
        func scan(_ ss: Int32, _ se: Int32, _ ah: Int32, _ al: Int32) -> jpeg_scan_info {
            var s = jpeg_scan_info()
            s.comps_in_scan = 1; s.component_index.0 = 0; s.Ss = ss; s.Se = se; s.Ah = ah; s.Al = al
            return s
        }
        var scans = [scan(0, 0, 0, 1), scan(0, 0, 1, 0)]
        for k in 1...Int32(acScans) { scans.append(scan(k, k, 0, 1)) }
        for k in 1...Int32(acScans) { scans.append(scan(k, k, 1, 0)) }
        if acScans < 63 { scans.insert(scan(Int32(acScans) + 1, 63, 0, 0), at: 2 + acScans) }
        let bytes: [UInt8] = scans.withUnsafeBufferPointer { list in
            cinfo.scan_info = list.baseAddress
            cinfo.num_scans = Int32(list.count)
            jpeg_start_compress(&cinfo, 1)
            var row = (0..<16).map { UInt8($0 * 15) }
            while cinfo.next_scanline < cinfo.image_height {
                row.withUnsafeMutableBufferPointer { r in
                    var line: JSAMPROW? = r.baseAddress
                    _ = jpeg_write_scanlines(&cinfo, &line, 1)
                }
            }
            jpeg_finish_compress(&cinfo)
            return Array(UnsafeBufferPointer(start: buffer, count: Int(size)))
        }
        jpeg_destroy_compress(&cinfo)
        free(buffer)
        return bytes
    }

    @Test func aFewScansDecodeAndTooManyAreRefused() throws {
        // 2 + 2·40 + 1 = 83 scans: decoded. 2 + 2·63 = 128: refused (2,090 scans of 8192² took 30 s).
        let fine = try ImageFile.decode(Self.progressive(acScans: 40), file: "ok.jpg")
        #expect(fine.shape == [1, 16, 16])
        let error = #expect(throws: ImageError.self) { try ImageFile.decode(Self.progressive(acScans: 63), file: "scans.jpg") }
        #expect(error.map { "\($0)".contains("more than 100 scans") } == true, "\(String(describing: error))")
    }
}

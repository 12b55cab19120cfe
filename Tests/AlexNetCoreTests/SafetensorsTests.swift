import Foundation
import Testing
@testable import AlexNetCore

@Suite struct SafetensorsTests {
    /// A file assembled by hand: length, header text (unpadded) and data bytes.
    static func raw(_ header: String, _ data: [UInt8]) -> [UInt8] {
        let h = Array(header.utf8)
        return withUnsafeBytes(of: UInt64(h.count).littleEndian) { Array($0) } + h + data
    }

    static func littleEndian(_ values: [Float]) -> [UInt8] {
        values.flatMap { v in withUnsafeBytes(of: v.bitPattern.littleEndian) { Array($0) } }
    }

    @Test func roundTripKeepsOrderValuesAndMetadata() throws {
        let dir = TemporaryDirectory()
        let special: [Float] = [-0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, -.infinity, 1e-38, 3.1415927]
        let file = SafetensorsFile(tensors: [
            NamedTensor(name: "z.first", tensor: Tensor(shape: [2, 3], data: special)),
            NamedTensor(name: "a.second", tensor: Tensor(shape: [], data: [42])),
            NamedTensor(name: "empty", tensor: Tensor(shape: [0, 4], data: [])),
            NamedTensor(name: "m", tensor: Tensor(shape: [1, 1, 2, 1], data: [.nan, 7])),
        ], metadata: ["preset": "mini", "note": "ünïcode \"quoted\"\n"])
        let path = dir.file("t.safetensors")
        try file.write(to: path)
        let back = try SafetensorsFile.read(from: path)
        #expect(back.tensors.map(\.name) == ["z.first", "a.second", "empty", "m"])
        #expect(back.tensors.map(\.tensor.shape) == [[2, 3], [], [0, 4], [1, 1, 2, 1]])
        #expect(back["z.first"]!.data.map(\.bitPattern) == special.map(\.bitPattern))
        #expect(back["m"]!.data[0].isNaN && back["m"]!.data[1] == 7)
        #expect(back.metadata == file.metadata)
    }

    @Test func layoutFollowsTheSpecification() throws {
        let file = SafetensorsFile(tensors: [
            NamedTensor(name: "w", tensor: Tensor(shape: [3], data: [1, 2, 3])),
            NamedTensor(name: "b", tensor: Tensor(shape: [1], data: [-1])),
        ], metadata: ["k": "v"])
        let bytes = try file.encoded()
        let n = Int(bytes[0..<8].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
        #expect((8 + n) % 8 == 0, "data must start 8-byte aligned")
        let header = try #require(try JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + n)])) as? [String: Any])
        let w = try #require(header["w"] as? [String: Any])
        #expect(w["dtype"] as? String == "F32")
        #expect(w["shape"] as? [Int] == [3])
        #expect(w["data_offsets"] as? [Int] == [0, 12])
        #expect((header["b"] as? [String: Any])?["data_offsets"] as? [Int] == [12, 16])
        #expect(header["__metadata__"] as? [String: String] == ["k": "v"])
        #expect(Array(bytes[(8 + n)...]) == Self.littleEndian([1, 2, 3, -1]))
        #expect(bytes[8 + n - 1] == 0x20 || bytes[8 + n - 1] == UInt8(ascii: "}"))
    }

    @Test func readsHalfBFloatAndDouble() throws {
        // F16: 1, -2, 1/3 rounded (0x3555 = 0.333251953125), smallest subnormal 2^-24, +inf.
        let f16: [UInt8] = [0x00, 0x3C, 0x00, 0xC0, 0x55, 0x35, 0x01, 0x00, 0x00, 0x7C]
        // BF16: 1.0 = 0x3F80, -5.0 = 0xC0A0.
        let bf16: [UInt8] = [0x80, 0x3F, 0xA0, 0xC0]
        let f64 = withUnsafeBytes(of: (1.5 as Double).bitPattern.littleEndian) { Array($0) }
        let header = """
        {"h":{"dtype":"F16","shape":[5],"data_offsets":[0,10]},\
        "b":{"dtype":"BF16","shape":[2],"data_offsets":[10,14]},\
        "d":{"dtype":"F64","shape":[1],"data_offsets":[14,22]}}
        """
        let file = try SafetensorsFile.decode(Self.raw(header, f16 + bf16 + f64), file: "mixed.safetensors")
        #expect(file.tensors.map(\.name) == ["h", "b", "d"], "file order follows the data offsets")
        #expect(file["h"]!.data == [1, -2, 0.333251953125, 0x1p-24, .infinity])
        #expect(file["b"]!.data == [1, -5])
        #expect(file["d"]!.data == [1.5])
    }

    static let malformed: [(String, [UInt8], String)] = [
        ("too short", [1, 0, 0, 0, 0], "expected an 8-byte header length, the file has 5 bytes"),
        ("header beyond file", raw("{}", []).enumerated().map { $0.offset == 1 ? 0x10 : $0.element },
         "header length 4098 goes beyond the end of the file (2 bytes after the length)"),
        ("bad JSON", raw("{\"a\": [1, 2", []), "the 11-byte header is not valid JSON"),
        ("not an object", raw("[1, 2]", []), "the header must be a JSON object"),
        ("unknown dtype", raw(#"{"a":{"dtype":"I8","shape":[1],"data_offsets":[0,1]}}"#, [0]),
         "tensor a: dtype I8 is not supported (expected F32, F16, BF16 or F64)"),
        ("negative shape", raw(#"{"a":{"dtype":"F32","shape":[2,-1],"data_offsets":[0,4]}}"#, [0, 0, 0, 0]),
         "tensor a: \"shape\" must be a list of non-negative integers"),
        ("one offset", raw(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0]}}"#, [0, 0, 0, 0]),
         "tensor a: \"data_offsets\" must be [begin, end]"),
        ("begin after end", raw(#"{"a":{"dtype":"F32","shape":[0],"data_offsets":[4,0]}}"#, [0, 0, 0, 0]),
         "tensor a: data_offsets [4, 0] must have 0 ≤ begin ≤ end"),
        ("offsets out of range", raw(#"{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,12]}}"#, [0, 0, 0, 0, 0, 0, 0, 0]),
         "tensor a: data_offsets end 12 is beyond the 8 data bytes (truncated file?)"),
        ("dtype/shape mismatch", raw(#"{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#, [0, 0, 0, 0, 0, 0, 0, 0]),
         "tensor a: shape [3] of F32 needs 12 bytes, data_offsets give 8"),
        ("overlap", raw(#"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}"#,
                        [UInt8](repeating: 0, count: 12)),
         "tensor b: data_offsets [4, 12] overlap the previous tensor (which ends at 8)"),
        ("gap", raw(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}"#,
                    [UInt8](repeating: 0, count: 12)),
         "tensor b: data_offsets begin 8 leaves a gap after byte 4"),
        ("not covering", raw(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, [UInt8](repeating: 0, count: 8)),
         "the tensors cover 4 of the 8 data bytes"),
        ("metadata not string", raw(#"{"__metadata__":{"epoch":3}}"#, []), "__metadata__.epoch must be a string"),
        ("truncated data", Array(try! SafetensorsFile(tensors: [NamedTensor(name: "w", tensor: Tensor(zeros: [4]))]).encoded().dropLast(3)),
         "tensor w: data_offsets end 16 is beyond the 13 data bytes (truncated file?)"),
    ]

    @Test(arguments: malformed)
    func malformedFilesGiveOneLineErrors(name: String, bytes: [UInt8], message: String) {
        let error = #expect(throws: SafetensorsError.self, "\(name)") {
            try SafetensorsFile.decode(bytes, file: "bad.safetensors")
        }
        #expect(error?.description == "bad.safetensors: not a valid safetensors file: \(message)")
        #expect(error?.description.contains("\n") == false)
    }

    @Test func missingFileNamesIt() {
        let error = #expect(throws: SafetensorsError.self) {
            try SafetensorsFile.read(from: "/nonexistent/w.safetensors")
        }
        #expect(error?.description == "/nonexistent/w.safetensors: cannot read: No such file or directory")
    }

    @Test func duplicateNamesAreRefused() {
        let t = Tensor(zeros: [1])
        let error = #expect(throws: SafetensorsError.self) {
            try SafetensorsFile(tensors: [NamedTensor(name: "a", tensor: t), NamedTensor(name: "a", tensor: t)]).encoded(file: "x")
        }
        #expect(error?.description == "x: tensor name a is used twice")
    }

    @Test func failedWriteKeepsTheExistingFile() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("w.safetensors")
        let good = SafetensorsFile(tensors: [NamedTensor(name: "w", tensor: Tensor(shape: [2], data: [1, 2]))])
        try good.write(to: path)
        let t = Tensor(zeros: [1])
        #expect(throws: SafetensorsError.self) {
            try SafetensorsFile(tensors: [NamedTensor(name: "a", tensor: t), NamedTensor(name: "a", tensor: t)]).write(to: path)
        }
        #expect(try SafetensorsFile.read(from: path) == good)
        #expect(dir.contents == ["w.safetensors"])
    }
}

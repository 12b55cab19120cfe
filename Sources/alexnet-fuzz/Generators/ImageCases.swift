import Foundation

/// Images (PNG; PGM/PPM in ASCII P2/P3 and binary P5/P6) for `features --image`, and image outputs (`--out`).
enum ImageCases {
    static let generator = Generator(kind: "image", count: 160) { random, folder, context, index in
        try make(variant: index % 20, random: &random, folder: folder, context: context)
    }

    static func netpbm(kind: Int, width: Int, height: Int, maxval: Int, random r: inout FuzzRandom, comment: Bool = false) -> [UInt8] {
        let channels = kind == 3 || kind == 6 ? 3 : 1
        let count = width * height * channels
        var head = "P\(kind)\n" + (comment ? "# made by alexnet-fuzz\n" : "") + "\(width) \(height)\n\(maxval)\n"
        if kind == 2 || kind == 3 {
            head += (0..<count).map { _ in String(r.int(0...maxval)) }.joined(separator: r.pick([" ", "\n", "  \t"])) + "\n"
            return Array(head.utf8)
        }
        var bytes = Array(head.utf8)
        for _ in 0..<count {
            let v = r.int(0...maxval)
            if maxval > 255 { bytes += [UInt8(v >> 8), UInt8(v & 0xFF)] } else { bytes.append(UInt8(v)) }
        }
        return bytes
    }

    static func make(variant: Int, random r: inout FuzzRandom, folder: CaseFolder, context: FuzzContext) throws -> FuzzCase {
        func features(_ name: String, _ bytes: [UInt8], _ title: String, _ expect: Expectation, known: String? = nil) -> FuzzCase {
            let path = folder.write(name, bytes)
            return FuzzCase(title: "image: " + title, arguments: ["features", "--preset", "mini", "--image", path],
                            expect: expect, inputs: [path], mustName: [path], known: known)
        }
        let (w, h) = (r.int(1...64), r.int(1...64))
        switch variant {
        case 0, 1:
            let kind = r.pick([2, 5]), maxval = r.pick([1, 15, 255, 256, 65535])
            return features("in.pgm", netpbm(kind: kind, width: w, height: h, maxval: maxval, random: &r, comment: r.chance(0.3)),
                            "valid P\(kind) \(w)×\(h) maxval \(maxval)", .success)
        case 2, 3:
            let kind = r.pick([3, 6]), maxval = r.pick([1, 255, 1000, 65535])
            return features("in.ppm", netpbm(kind: kind, width: w, height: h, maxval: maxval, random: &r, comment: r.chance(0.3)),
                            "valid P\(kind) \(w)×\(h) maxval \(maxval)", .success)
        case 4, 5:
            let (colorType, depth): (UInt8, UInt8) = r.pick([(0, 8), (0, 16), (2, 8), (2, 16), (6, 8), (4, 8), (3, 8), (0, 1), (0, 4), (3, 4), (3, 2)])
            return features("in.png", PNGWriter.image(width: w, height: h, depth: depth, colorType: colorType, random: &r),
                            "valid PNG colour type \(colorType), depth \(depth), \(w)×\(h)", .success)
        case 6...9:
            var c = headerCase(variant: variant, random: &r, folder: folder)
            c.maxRSSMiB = 1024
            return c
        case 10:
            let kind = r.pick([2, 3, 5, 6])
            let full = netpbm(kind: kind, width: w, height: h, maxval: 255, random: &r)
            let header = "P\(kind)\n\(w) \(h)\n255\n".utf8.count
            let cut = r.int(header...(full.count - 1))
            return features("cut.pgm", Array(full[0..<cut]), "P\(kind) \(w)×\(h) truncated at \(cut) of \(full.count) bytes", .failure)
        case 11:
            let (what, bytes): (String, [UInt8]) = r.pick([
                ("maxval 0", Array("P5 2 2 0\n".utf8) + [0, 0, 0, 0]),
                ("maxval 65536", Array("P5 2 2 65536\n".utf8) + [UInt8](repeating: 0, count: 8)),
                ("maxval -1", Array("P2 2 2 -1\n0 0 0 0\n".utf8)),
                ("maxval text", Array("P2 2 2 max\n0 0 0 0\n".utf8)),
                ("a P2 sample over maxval", Array("P2 2 2 10\n0 11 0 0\n".utf8)),
                ("a P5 sample over maxval", Array("P5 2 2 10\n".utf8) + [0, 200, 0, 0]),
                ("a negative P2 sample", Array("P2 2 2 255\n0 -3 0 0\n".utf8)),
                ("a P2 sample as text", Array("P2 2 2 255\n0 x 0 0\n".utf8)),
                ("a header comment without end", Array("P5 # comment".utf8)),
            ])
            return features("bad.pgm", bytes, what, .failure)
        case 12:
            let (what, bytes): (String, [UInt8]) = r.pick([
                ("P1 bitmap", Array("P1\n2 2\n0 1 1 0\n".utf8)), ("P4 bitmap", Array("P4\n8 1\n".utf8) + [0xAA]),
                ("P7 PAM", Array("P7\nWIDTH 1\nHEIGHT 1\nDEPTH 1\nMAXVAL 255\nTUPLTYPE GRAYSCALE\nENDHDR\n".utf8) + [0]),
                ("an empty file", []), ("JPEG magic", [0xFF, 0xD8, 0xFF, 0xE0] + r.bytes(100)), ("GIF magic", Array("GIF89a".utf8) + r.bytes(40)),
                ("random bytes", r.bytes(r.int(1...5000))), ("the PNG signature alone", PNGWriter.signature),
                ("text", Array("hello\n".utf8)),
            ])
            return features(r.pick(["x.png", "x.pgm", "x.ppm", "x.jpg", "x"]), bytes, what, .failure)
        case 13:
            var bytes = PNGWriter.signature + PNGWriter.header(width: UInt32(w), height: UInt32(h), depth: 8, colorType: 0)
            let raster = PNGWriter.raster(width: w, height: h, depth: 8, colorType: 0, random: &r)
            let (what, rest): (String, [UInt8]) = r.pick([
                ("a bad IDAT CRC", PNGWriter.chunk("IDAT", Zlib.deflate(raster, gzip: false), badCRC: true) + PNGWriter.chunk("IEND", [])),
                ("no IDAT", PNGWriter.chunk("IEND", [])),
                ("IDAT that is not zlib", PNGWriter.chunk("IDAT", r.bytes(64)) + PNGWriter.chunk("IEND", [])),
                ("too little pixel data", PNGWriter.chunk("IDAT", Zlib.deflate(Array(raster.prefix(raster.count / 2)), gzip: false)) + PNGWriter.chunk("IEND", [])),
                ("an unknown critical chunk", PNGWriter.chunk("ABCD", [1, 2, 3]) + PNGWriter.chunk("IDAT", Zlib.deflate(raster, gzip: false)) + PNGWriter.chunk("IEND", [])),
                ("a bad filter type", PNGWriter.chunk("IDAT", Zlib.deflate(raster.enumerated().map { $0.offset == 0 ? 9 : $0.element }, gzip: false)) + PNGWriter.chunk("IEND", [])),
                ("a chunk length of 2^31", PNGWriter.be32(0x7FFF_FFFF) + Array("IDAT".utf8) + r.bytes(16)),
            ])
            bytes += rest
            return features("bad.png", bytes, "PNG with " + what, .failure)
        case 14:
            let full = PNGWriter.image(width: w, height: h, depth: 8, colorType: r.pick([0, 2, 6]), random: &r)
            let cut = r.int(8...(full.count - 13))
            return features("cut.png", Array(full[0..<cut]), "PNG truncated at \(cut) of \(full.count) bytes", .failure)
        case 15:
            // A zlib bomb: a small declared image whose IDAT inflates to 32 MB.
            let (bw, bh) = r.pick([(64, 64), (1000, 1000)])
            var bytes = PNGWriter.signature + PNGWriter.header(width: UInt32(bw), height: UInt32(bh), depth: 8, colorType: 0)
            bytes += PNGWriter.chunk("IDAT", Zlib.deflate([UInt8](repeating: 0, count: 32 << 20), gzip: false, level: 9))
            bytes += PNGWriter.chunk("IEND", [])
            return features("bomb.png", bytes, "PNG \(bw)×\(bh) whose IDAT inflates to 32 MB", .either)
        case 16:
            var bytes = PNGWriter.image(width: w, height: h, depth: 8, colorType: 0, random: &r)
            let what: String
            switch r.int(0...3) {
            case 0: what = "no IEND"; bytes.removeLast(12)
            case 1: what = "junk after IEND"; bytes += r.bytes(100)
            case 2: what = "an ancillary chunk with a bad CRC"
                bytes.insert(contentsOf: PNGWriter.chunk("tEXt", Array("a\u{0}b".utf8), badCRC: true), at: 33)
            default: what = "a 1 MB text chunk"
                bytes.insert(contentsOf: PNGWriter.chunk("tEXt", Array("k\u{0}".utf8) + [UInt8](repeating: 65, count: 1 << 20)), at: 33)
            }
            return features("odd.png", bytes, "PNG with " + what, .either)
        case 17:
            // An image whose extension lies about its content: the content decides, or a clear error.
            let png = PNGWriter.image(width: w, height: h, depth: 8, colorType: 2, random: &r)
            return features(r.pick(["lie.pgm", "lie.ppm", "lie.jpg"]), png, "a PNG under another extension", .either)
        case 18:
            let path = folder.file("out." + r.pick(["png", "ppm", "pgm"]))
            var c = FuzzCase(title: "image: write the feature maps to \((path as NSString).lastPathComponent)",
                             arguments: ["features", "--preset", "mini", "--out", path], expect: .success,
                             outputs: [(path as NSString).lastPathComponent])
            c.check = { run, _ in
                guard run.exitCode == 0 else { return nil }
                guard let data = FileManager.default.contents(atPath: path), data.count > 16 else { return "no image written to \(path)" }
                let magic = [UInt8](data.prefix(2))
                return magic == [0x89, 0x50] || magic == [0x50, 0x35] || magic == [0x50, 0x36] ? nil : "the written image has no PNG/PNM magic"
            }
            if r.chance(0.5) { c.arguments[0] = "filters"; c.arguments += ["--layer", "conv1"] }
            return c
        default:
            let (what, out, expect): (String, String, Expectation) = r.pick([
                ("an unknown extension", folder.file("maps.jpg"), .failure),
                ("no extension", folder.file("maps"), .failure),
                ("a missing folder", folder.file("no/such/dir/maps.png"), .failure),
                ("an existing folder", folder.path, .failure),
                ("/proc", "/proc/version.png", .failure),
            ])
            let command = r.pick(["features", "filters"])
            return FuzzCase(title: "image: \(command) --out to \(what)", arguments: [command, "--preset", "mini", "--out", out],
                            expect: expect, mustName: [out])
        }
    }

    /// Headers that promise far more pixels than the file holds (variants 6–9).
    static func headerCase(variant: Int, random r: inout FuzzRandom, folder: CaseFolder) -> FuzzCase {
        func features(_ name: String, _ bytes: [UInt8], _ title: String, _ expect: Expectation, known: String? = nil) -> FuzzCase {
            let path = folder.write(name, bytes)
            return FuzzCase(title: "image: " + title, arguments: ["features", "--preset", "mini", "--image", path],
                            expect: expect, inputs: [path], mustName: [path], known: known)
        }
        switch variant {
        case 6:
            let (kind, side) = (r.pick([2, 3, 5, 6]), r.pick([16384, 30000, 65535, 100000]))
            return features("big.ppm", Array("P\(kind) \(side) \(side) 255\n".utf8), "P\(kind) header \(side)×\(side) in \(side.description.count + 12) bytes",
                            .failure, known: side == 16384 ? "issue12 memory: P3 16384² header takes 6 GiB (any Netpbm kind)" : nil)
        case 7:
            let side = r.pick([16384, 20000, 65535])
            var bytes = PNGWriter.signature + PNGWriter.header(width: UInt32(side), height: UInt32(side), depth: 8, colorType: 0)
            bytes += PNGWriter.chunk("IDAT", Zlib.deflate([0, 0, 0, 0], gzip: false)) + PNGWriter.chunk("IEND", [])
            return features("big.png", bytes, "PNG header \(side)×\(side) with 4 bytes of pixels", .failure,
                            known: side == 16384 ? "issue12 memory: 16384² PNG header takes 5 GiB" : nil)
        case 8:
            let (pw, ph): (UInt32, UInt32) = r.pick([(0, 10), (10, 0), (0x7FFF_FFFF, 0x7FFF_FFFF), (0xFFFF_FFFF, 1), (1, 0x8000_0000)])
            var bytes = PNGWriter.signature + PNGWriter.header(width: pw, height: ph, depth: 8, colorType: 0)
            bytes += PNGWriter.chunk("IDAT", Zlib.deflate([0, 0], gzip: false)) + PNGWriter.chunk("IEND", [])
            return features("odd.png", bytes, "PNG header \(pw)×\(ph)", .failure)
        default:
            let (a, b) = r.pick([("4294967296", "4294967296"), ("9223372036854775807", "2"), ("3037000500", "3037000500"),
                                 ("99999999999999999999", "1"), ("-1", "5"), ("0", "5"), ("65536", "65536")])
            let kind = r.pick([2, 5, 6])
            return features("ovf.pgm", Array("P\(kind)\n\(a) \(b)\n255\n".utf8) + [0, 0, 0, 0], "P\(kind) header \(a)×\(b)", .failure)
        }
    }
}

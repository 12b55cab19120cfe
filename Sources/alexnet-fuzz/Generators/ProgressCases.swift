import Foundation

/// The quiz progress file (`$XDG_DATA_HOME/alexnet-explorer/progress.json`) read and rewritten by `quiz`.
/// Whatever the file holds, its bytes must survive: kept in place, set aside as `progress.json.corrupt-*`,
/// or replaced by a valid file that adds this quiz.
enum ProgressCases {
    static let generator = Generator(kind: "progress", count: 84) { random, folder, context, index in
        try make(variant: index % 12, random: &random, folder: folder, context: context)
    }

    /// A topic record; with `big`, every counter is that text (to probe limits), otherwise a consistent one
    /// (right answers never exceed questions, as the program requires of a readable file).
    static func record(_ r: inout FuzzRandom, big: String? = nil) -> String {
        if let big {
            return "{\"sessions\": \(big), \"correct\": \(big), \"asked\": \(big), \"bestCorrect\": \(big), "
                + "\"bestOutOf\": \(big), \"lastCorrect\": \(big), \"lastOutOf\": \(big)}"
        }
        let asked = r.int(0...50), bestOutOf = r.int(0...50), lastOutOf = r.int(0...50)
        return "{\"sessions\": \(r.int(0...50)), \"correct\": \(r.int(0...asked)), \"asked\": \(asked), "
            + "\"bestCorrect\": \(r.int(0...bestOutOf)), \"bestOutOf\": \(bestOutOf), "
            + "\"lastCorrect\": \(r.int(0...lastOutOf)), \"lastOutOf\": \(lastOutOf)}"
    }

    static func make(variant: Int, random r: inout FuzzRandom, folder: CaseFolder, context: FuzzContext) throws -> FuzzCase {
        let xdg = folder.file("xdg")
        let path = xdg + "/alexnet-explorer/progress.json"
        let topic = r.pick(["shapes", "params", "receptive", "all"])
        func quiz(_ title: String, _ bytes: [UInt8]?, _ expect: Expectation, known: String? = nil,
                  valid: Bool, extra: [String] = []) -> FuzzCase {
            if let bytes { folder.write("xdg/alexnet-explorer/progress.json", bytes) }
            let original = bytes
            var c = FuzzCase(title: "progress: " + title,
                             arguments: ["quiz", "--plain", "--count", "2", "--seed", String(r.int(0...1000)), "--topic", topic] + extra,
                             expect: expect, stdin: "1\n2\n3\n4\n",
                             outputs: ["xdg", "xdg/alexnet-explorer", "xdg/alexnet-explorer/progress.json", "xdg/alexnet-explorer/progress.json.lock",
                                       "xdg/alexnet-explorer/progress.json.corrupt-*"],
                             environment: ["XDG_DATA_HOME": xdg], known: known)
            c.check = { run, _ in
                let now = FileManager.default.contents(atPath: path).map { [UInt8]($0) }
                if let original, !valid {
                    // The corrupt bytes must still exist somewhere, and the warning must name the file.
                    let kept = (try? FileManager.default.contentsOfDirectory(atPath: xdg + "/alexnet-explorer"))?.contains { name in
                        FileManager.default.contents(atPath: xdg + "/alexnet-explorer/" + name).map { [UInt8]($0) == original } ?? false
                    } ?? false
                    if !kept { return "data lost: the unreadable progress file's bytes exist nowhere afterwards" }
                    if !run.stderr.contains(path) { return "no warning naming \(path)" }
                }
                if valid, run.exitCode == 0, run.stdout.contains("Best for") {
                    // The quiz counted: the file now holds one more session for this topic.
                    guard let now, let json = try? JSONSerialization.jsonObject(with: Data(now)) as? [String: Any],
                          let topics = json["topics"] as? [String: Any], let entry = topics[topic] as? [String: Any],
                          let sessions = entry["sessions"] as? Int else {
                        return "the quiz's result was not saved to \(path)"
                    }
                    let before = original.flatMap { try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] }
                        .flatMap { ($0["topics"] as? [String: Any])?[topic] as? [String: Any] }?["sessions"] as? Int ?? 0
                    // Counters outside the program's stated range (0…10^9) make the file corrupt: it is set aside and
                    // the quiz starts afresh, so the new file holds one session.
                    let expected = (0...1_000_000_000).contains(before) ? before + 1 : 1
                    if sessions != expected { return "sessions went from \(before) to \(sessions)" }
                }
                return nil
            }
            return c
        }
        let topics = ["shapes", "params", "receptive", "all"]
        switch variant {
        case 0:
            return quiz("no progress file yet", nil, .success, valid: true)
        case 1, 2:
            let entries = topics.filter { _ in r.chance(0.6) }.map { "\"\($0)\": \(record(&r))" }
            return quiz("a valid file with \(entries.count) topics", Array("{\"version\": 1, \"topics\": {\(entries.joined(separator: ", "))}}\n".utf8), .success, valid: true)
        case 3:
            let (what, text) = r.pick([
                ("truncated JSON", "{\"version\": 1, \"topics\": {\"all\": {\"sessions\": 3"),
                ("not JSON", "progress: lots\n"),
                ("a JSON array", "[1, 2, 3]"),
                ("a topic as a number", "{\"version\": 1, \"topics\": {\"all\": 5}}"),
                ("a count as text", "{\"version\": 1, \"topics\": {\"all\": {\"sessions\": \"three\", \"correct\": 1, \"asked\": 1, \"bestCorrect\": 1, \"bestOutOf\": 1, \"lastCorrect\": 1, \"lastOutOf\": 1}}}"),
                ("a missing count", "{\"version\": 1, \"topics\": {\"all\": {\"sessions\": 3}}}"),
                ("an empty file", ""),
                ("a count of 1e30", "{\"version\": 1, \"topics\": {\"all\": \(record(&r, big: "1e30"))}}"),
                ("a fractional count", "{\"version\": 1, \"topics\": {\"all\": \(record(&r, big: "2.5"))}}"),
            ])
            return quiz("corrupt file: \(what)", Array(text.utf8), .success, valid: false)
        case 4:
            let (what, bytes): (String, [UInt8]) = r.pick([
                ("random bytes", r.bytes(r.int(1...2000))),
                ("invalid UTF-8", [0x7B, 0xFF, 0xFE, 0x7D]),
                ("100000-deep JSON", Array((String(repeating: "[", count: 100000) + String(repeating: "]", count: 100000)).utf8)),
                ("a NUL byte", Array("{\"version\": 1,\u{0} \"topics\": {}}".utf8)),
            ])
            return quiz("corrupt file: \(what)", bytes, .success, valid: false)
        case 5:
            let big = r.pick(["9223372036854775807", "9223372036854775806", "4611686018427387904"])
            var c = quiz("counters at \(big)", Array("{\"version\": 1, \"topics\": {\"\(topic)\": \(record(&r, big: big))}}".utf8), .either,
                         known: "issue12 crash 6: progress counter overflow (QuizProgress.swift:25)", valid: true)
            let inner = c.check
            c.check = { run, f in
                if let problem = inner?(run, f) { return problem }
                // Whatever the program decides, the file must still be a progress file afterwards.
                guard let now = FileManager.default.contents(atPath: path),
                      (try? JSONSerialization.jsonObject(with: now)) != nil else { return "progress file gone or unreadable afterwards" }
                return nil
            }
            return c
        case 6:
            let v = r.pick(["-1", "-9223372036854775808"])
            return quiz("negative counters \(v)", Array("{\"version\": 1, \"topics\": {\"\(topic)\": \(record(&r, big: v))}}".utf8), .either, valid: true)
        case 7:
            // The name the corrupt file would be set aside under is taken (for every second around now).
            let bytes = Array("{broken".utf8)
            folder.write("xdg/alexnet-explorer/progress.json", bytes)
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX"); f.timeZone = TimeZone(identifier: "UTC"); f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
            var decoys: [String] = []
            let start = Date()
            for s in -2...60 {
                decoys.append(folder.write("xdg/alexnet-explorer/progress.json.corrupt-" + f.string(from: start.addingTimeInterval(Double(s))),
                                           Array("decoy \(s)".utf8)))
            }
            var c = quiz("corrupt file whose set-aside name is taken", nil, .success, known: "issue12 data lost: set-aside name taken", valid: false)
            c.inputs = decoys
            return c.withOriginal(bytes, path: path, xdg: xdg)
        case 8:
            try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            return quiz("progress.json is a folder", nil, .either, valid: true)
        case 9:
            folder.write("xdg/alexnet-explorer", Array("a file, not a folder".utf8))
            var c = quiz("alexnet-explorer is a file", nil, .either, valid: true)
            c.inputs = [xdg + "/alexnet-explorer"]
            c.check = nil
            return c
        case 10:
            let v = r.pick(["2", "0", "-1", "\"one\"", "99999999999999999999"])
            return quiz("version \(v)", Array("{\"version\": \(v), \"topics\": {}}".utf8), .either, valid: v == "2" || v == "0" || v == "-1")
        default:
            let entries = (0..<r.pick([100, 5000])).map { "\"topic\($0)\": \(record(&r))" }
            return quiz("a valid file with \(entries.count) unknown topics", Array("{\"version\": 1, \"topics\": {\(entries.joined(separator: ", "))}}".utf8),
                        .success, valid: true)
        }
    }
}

extension FuzzCase {
    /// A progress case whose file was written beforehand (the decoy case): the data-loss check must know its bytes.
    func withOriginal(_ bytes: [UInt8], path: String, xdg: String) -> FuzzCase {
        var c = self
        c.check = { run, _ in
            let dir = xdg + "/alexnet-explorer"
            let kept = (try? FileManager.default.contentsOfDirectory(atPath: dir))?.contains { name in
                FileManager.default.contents(atPath: dir + "/" + name).map { [UInt8]($0) == bytes } ?? false
            } ?? false
            if !kept { return "data lost: the unreadable progress file's bytes exist nowhere afterwards" }
            if !run.stderr.contains(path) { return "no warning naming \(path)" }
            return nil
        }
        return c
    }
}

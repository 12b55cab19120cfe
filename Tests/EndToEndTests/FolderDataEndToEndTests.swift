import Foundation
import Testing

/// `--data DIR` with a folder of images through the real binary: exporting one, training on it, a bad file
/// named in one line or skipped, the checkpoint's classes in predict, and the folder left unwritten.
@Suite(.enabled(if: FashionMNISTFiles.installed)) struct FolderDataEndToEndTests {
    func run(_ arguments: String, in dir: String) throws -> Spawn.Output {
        guard let binary = AlexNetBinary.path else {
            throw TmuxSession.Timeout(waitingFor: "the alexnet binary (run `swift build` first)", screen: "")
        }
        return Spawn.run(["/bin/sh", "-c", "cd '\(dir)' && '\(binary)' \(arguments) </dev/null"],
                         environment: ["PATH": "/usr/bin:/bin", "HOME": dir, "TERM": "xterm-256color", "NO_COLOR": "1"])
    }

    /// Every file below `root` with its size and modification time.
    static func listing(_ root: String) -> [String] {
        (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).sorted().map { file in
            let attributes = try? FileManager.default.attributesOfItem(atPath: root + "/" + file)
            return "\(file) \(attributes?[.size] ?? 0) \(String(describing: attributes?[.modificationDate]))"
        }
    }

    @Test func exportTrainPredictAndBadFiles() throws {
        let dir = EndToEnd.makeDirectory("alexnet-folder-e2e")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let export = try run("data --export-fashion-mnist shirts --per-class 6 --from test", in: dir)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("wrote 60 PNGs"))
        let again = try run("data --export-fashion-mnist shirts --per-class 6", in: dir)
        #expect(again.status == 1 && again.stderr == "error: shirts: exists and is not empty; expected a new or empty folder (nothing is overwritten)\n")

        let before = Self.listing(dir + "/shirts")
        let train = try run("train --data shirts --epochs 1 --batch 16 --save-weights w.safetensors", in: dir)
        #expect(train.status == 0, "\(train.stderr)")
        #expect(train.stdout.contains("shirts: 10 classes (Ankle boot, Bag, Coat,"), "\(train.stdout)")
        #expect(train.stdout.contains("50 training and 10 validation images"))
        #expect(train.stdout.contains("validation accuracy"))
        let predict = try run("predict --weights w.safetensors --image shirts/Bag/test-00030.png --top 1", in: dir)
        #expect(predict.status == 0, "\(predict.stderr)")
        #expect(predict.stdout.contains("mini knows only folder shirts's 10 classes: Ankle boot, Bag,"), "\(predict.stdout)")
        #expect(Self.listing(dir + "/shirts") == before, "training and predicting write nothing in the folder")

        // A truncated file: one line naming it, nothing trained; --skip-bad leaves it out and counts it.
        let path = dir + "/shirts/Bag/test-00030.png"
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        let refused = try run("train --data shirts --epochs 1", in: dir)
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("error: shirts/Bag/test-00030.png: "), "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1 && refused.stderr.contains("--skip-bad"))
        let skipped = try run("train --data shirts --epochs 1 --skip-bad", in: dir)
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(skipped.stdout.contains("skipped 1 bad file (--skip-bad), first: shirts/Bag/test-00030.png"), "\(skipped.stdout)")
    }

    @Test func untrainedPredictionsSaySo() throws {
        let dir = EndToEnd.makeDirectory("alexnet-folder-e2e")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try run("data --export-fashion-mnist f --per-class 1", in: dir)
        let out = try run("predict --untrained --image f/Bag/train-00023.png --top 2", in: dir)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("untrained weights: the ranking below means nothing"))
        #expect(out.stdout.contains("f/Bag/train-00023.png  (untrained: a meaningless ranking)"))
    }
}

import Foundation
import Testing
@testable import AlexNetCore

@Suite struct ShapeTableTests {
    @Test func jsonHasTheDocumentedFieldsAndValues() throws {
        let text = ShapeTable.render(try Preset.alexnet.spec.shapeReport(), format: .json)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(root.keys) == ["name", "input", "layers", "total_params", "total_macs"])
        #expect(root["total_params"] as? Int == 60_965_224)
        #expect(root["input"] as? [Int] == [3, 227, 227])
        let layers = try #require(root["layers"] as? [[String: Any]])
        #expect(Set(layers[0].keys) == ["name", "kind", "input", "output", "kernel", "stride", "padding", "groups",
                                        "params", "macs", "activations", "receptive_field", "formula", "exact",
                                        "unseen_rows", "unseen_columns"])
        let conv2 = try #require(layers.first { $0["name"] as? String == "conv2" })
        #expect(conv2["groups"] as? Int == 2)
        #expect(conv2["output"] as? [Int] == [256, 27, 27])
        #expect(conv2["formula"] as? String == "⌊(27 − 5 + 2·2)/1⌋ + 1 = 27")
        #expect(layers.first { $0["name"] as? String == "relu1" }?["kernel"] is NSNull)
        // Keys come in the documented order, so diffs of saved outputs stay readable.
        #expect(text.range(of: "\"name\"")!.lowerBound < text.range(of: "\"input\"")!.lowerBound)
    }

    /// Kernel 3, stride 4 on 55: windows start at 0, 4, …, 52 and cover 3 pixels each, so pixels 3, 7, …, 51
    /// (13 of them) are never seen, though (55 − 3)/4 = 13 is exact. The JSON says both.
    @Test func jsonCountsUnseenPixels() throws {
        let spec = NetworkSpec(name: "gaps", input: InputShape(channels: 1, height: 55, width: 55),
                               layers: [LayerSpec(name: "pool1", kind: .maxpool(PoolSpec(kernel: 3, stride: 4)))])
        let text = ShapeTable.render(try spec.shapeReport(), format: .json)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let pool = try #require((root["layers"] as? [[String: Any]])?.first)
        let unseen = Set(stride(from: 0, to: 55, by: 1)).subtracting(stride(from: 0, through: 52, by: 4).flatMap { [$0, $0 + 1, $0 + 2] })
        #expect(unseen.count == 13)
        #expect(pool["exact"] as? Bool == true)
        #expect(pool["unseen_rows"] as? Int == unseen.count && pool["unseen_columns"] as? Int == unseen.count)
    }

    /// At the design width every line fits 80 columns, Kind goes, and no formula is split across lines.
    @Test(arguments: Preset.allCases)
    func tableFitsEightyColumns(_ preset: Preset) throws {
        let report = try preset.spec.shapeReport()
        let text = ShapeTable.render(report, format: .table, width: 80)
        for line in text.split(separator: "\n") { #expect(PlainWrap.width(String(line)) <= 80, "\(preset): \(line)") }
        for layer in report.layers where layer.formula != nil {
            #expect(text.contains(layer.formulaText), "\(preset) \(layer.name): \(layer.formulaText) is cut")
        }
        let wide = ShapeTable.render(report, format: .table, width: 200)
        #expect(wide.contains("Kind") && wide.split(separator: "\n").allSatisfy { PlainWrap.width(String($0)) <= 200 })
    }

    @Test func tableShowsTotalsAndTheConv1Note() throws {
        let text = ShapeTable.render(try Preset.alexnet1tower.spec.shapeReport(), format: .table, width: 400)
        #expect(text.contains("Total params: 62,378,344"))
        #expect(text.contains("Total MACs: 1,135,256,096"))
        let conv1 = try #require(text.split(separator: "\n").first { $0.hasPrefix("conv1") })
        #expect(conv1.contains("55×55×96") && conv1.contains("34,944") && conv1.contains("⌊(227 − 11 + 2·0)/4⌋ + 1 = 55"))
        // The paper's 253,440 is presented as unexplained, with more than one factorisation.
        #expect(text.contains("the paper says 253,440 and does not derive it"))
        #expect(text.contains("55·48·96") && text.contains("48·48·110"))
        #expect(55 * 48 * 96 == 253_440 && 48 * 48 * 110 == 253_440)
    }

    @Test func markdownIsATable() throws {
        let text = ShapeTable.render(try Preset.mini.spec.shapeReport(), format: .markdown)
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("|") }
        #expect(rows.count == 2 + Preset.mini.spec.layers.count)
        #expect(rows.allSatisfy { $0.filter { $0 == "|" }.count == 8 })
    }

    @Test(arguments: [(0, "0"), (999, "999"), (1000, "1,000"), (62_378_344, "62,378,344"), (-1234, "-1,234")])
    func groupedNumbers(n: Int, text: String) {
        #expect(NumberText.grouped(n) == text)
    }

    @Test func fixedPoint() {
        #expect(NumberText.fixed(37.7528, 1) == "37.8")
        #expect(NumberText.fixed(-0.04, 1) == "0.0")
        #expect(NumberText.fixed(2.05, 2) == "2.05")
        #expect(NumberText.short(37_752_832) == "37.8M")
    }
}

import Testing
import AlexNetCore
@testable import ExplorerUI

/// Which network the training screen trains when `--data` is a folder: a folder sets the class count but fits
/// its images to any input.
@Suite struct EngineDataTests {
    let folder = EngineData(name: "folder pets", classes: 3, fixedInput: nil)

    @Test func aNetworkWithTheFoldersClassesTrainsAsExplored() throws {
        let mini3 = try #require(Preset.mini.spec.withClasses(3))
        let engine = EngineNetwork.for(mini3, data: folder)
        #expect(engine.isExplored && engine.label == "mini on folder pets")
        // A colour 227×227 network reads a folder too: its images are fitted to the input.
        let alexnet3 = try #require(Preset.alexnet.spec.withClasses(3))
        #expect(EngineNetwork.for(alexnet3, data: folder).isExplored)
    }

    @Test func otherwiseMiniWithTheFoldersClassesAndTheReason() throws {
        let engine = EngineNetwork.for(Preset.mini.spec, data: folder)
        #expect(!engine.isExplored)
        #expect(try engine.spec.shapeReport().output.count == 3)
        #expect(engine.reason == "mini ends in 10 classes; folder pets has 3")
        // Fashion-MNIST keeps its rule: one channel of at most 28×28, ten classes.
        #expect(EngineNetwork.for(Preset.alexnet.spec).reason == "alexnet reads 227×227×3 images; Fashion-MNIST has 28×28×1")
    }
}

import Testing
@testable import AlexNetCore

/// The learning-rate schedules as a run applies them, step by step, and the training screen's frequent
/// test error.
@Suite struct LearningRateScheduleTests {
    @Test func stepScheduleDividesForTheLastThirdOfTheEpochs() {
        // (epochs, first epoch (0-based) at ε/10; == epochs: none)
        let expected = [(1, 1), (2, 1), (3, 2), (4, 3), (5, 3), (6, 4), (9, 6), (10, 7)]
        for (epochs, first) in expected { #expect(LearningRateSchedule.stepEpoch(epochs: epochs) == first, "\(epochs) epochs") }
        #expect(LearningRateSchedule.stepRate(base: 0.02, epoch: 1, epochs: 3) == 0.02)
        #expect(LearningRateSchedule.stepRate(base: 0.02, epoch: 2, epochs: 3) == 0.02 * 0.1)
    }

    /// 3 epochs of 4 steps (16 images in batches of 4): the rate of every step, and where the drop is reported.
    static func rates(_ schedule: LearningRateSchedule, testEvery: Int? = nil) throws -> [(rate: Double, dropped: Bool, tested: Bool)] {
        let net = try Network(spec: Preset.mini.spec, initialization: .he, seed: 1)
        let run = try TrainingRun(network: net, train: EmptyDatasetTests.data(16), test: EmptyDatasetTests.data(4, split: .test),
                                  options: TrainingOptions(epochs: 3, batchSize: 4, learningRate: 0.02, augment: false,
                                                           schedule: schedule, testEvery: testEvery))
        var out: [(Double, Bool, Bool)] = []
        while !run.isFinished {
            let rate = run.trainer.optimizer.learningRate
            let p = try run.step()
            #expect(p.learningRate == rate)
            out.append((rate, p.learningRateDropped, p.testError != nil))
        }
        return out
    }

    @Test func stepTrainsTheLastEpochAtATenth() throws {
        let r = try Self.rates(.step)
        #expect(r.map(\.rate) == Array(repeating: 0.02, count: 8) + Array(repeating: 0.02 * 0.1, count: 4))
        #expect(r.indices.filter { r[$0].dropped } == [7], "announced on the last step of epoch 2")
        #expect(r.indices.filter { r[$0].tested } == [3, 7, 11], "test error at epoch ends only")
    }

    /// A 1-epoch step run keeps ε and announces no drop at its end (its checkpoint then resumes at ε).
    @Test func aOneEpochStepRunNeverDivides() throws {
        let net = try Network(spec: Preset.mini.spec, initialization: .he, seed: 1)
        let run = try TrainingRun(network: net, train: EmptyDatasetTests.data(8), test: EmptyDatasetTests.data(4, split: .test),
                                  options: TrainingOptions(epochs: 1, batchSize: 4, learningRate: 0.02, augment: false))
        while !run.isFinished { #expect(try !run.step().learningRateDropped) }
        #expect(run.trainer.optimizer.learningRate == 0.02)
    }

    @Test func constantNeverDivides() throws {
        let r = try Self.rates(.constant)
        #expect(r.allSatisfy { $0.rate == 0.02 && !$0.dropped })
    }

    @Test func testEveryAddsTestErrorsBetweenEpochEnds() throws {
        let r = try Self.rates(.constant, testEvery: 3)
        // Steps 3, 6, 9, 12 (1-based) and the epoch ends 4, 8, 12.
        #expect(r.indices.filter { r[$0].tested } == [2, 3, 5, 7, 8, 11])
    }
}

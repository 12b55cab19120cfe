import AlexNetCore
@testable import Lessons
import PropertyBased
import Testing

/// Properties of the quiz generator over random seeds: each answer agrees with a formula written here
/// from the givens, and the worked answer's filled-in formula ends on it.
@Suite struct QuizPropertyTests {
    static let seed = Gen.int(in: 0...Int.max)

    /// Numbers in a worked line, thousands separators dropped.
    static func numbers(_ line: String) -> [Int] {
        line.replacingOccurrences(of: ",", with: "").split { !$0.isNumber }.compactMap { Int($0) }
    }

    @Test func windowAnswersCountTheWindowsThatFit() async throws {
        await propertyCheck(count: 200, input: Self.seed) { seed in
            var generator = try QuizGenerator(seed: UInt64(seed))
            for kind in [QuizKind.convOutput, .poolOutput] {
                let q = generator.question(kind)
                let (w, f, s, p) = (q.givens["W"]!, q.givens["F"]!, q.givens["S"]!, q.givens["P"]!)
                #expect(f <= w + 2 * p && q.answer >= 1, "\(q.prompt)")
                #expect(q.answer == (w - f + 2 * p) / s + 1, "\(q.prompt)")
                // The filled-in formula (before the exactness note) ends on the answer.
                let formulaEnd = q.worked.last { $0.contains(" + 1 = ") }
                #expect(formulaEnd.map { Self.numbers($0).last } == q.answer, "\(q.worked)")
            }
            let ceil = generator.question(.poolCeil)
            let (w, f, s, p) = (ceil.givens["W"]!, ceil.givens["F"]!, ceil.givens["S"]!, ceil.givens["P"]!)
            var out = (w + 2 * p - f + s - 1) / s + 1
            if (out - 1) * s >= w + p { out -= 1 }
            #expect(ceil.answer == out, "\(ceil.prompt)")
        }
    }

    @Test func parameterAnswersAreWeightsPlusBiases() async throws {
        await propertyCheck(count: 200, input: Self.seed) { seed in
            var generator = try QuizGenerator(seed: UInt64(seed))
            let conv = generator.question(.convParams)
            let (cin, cout, f, g) = (conv.givens["Cin"]!, conv.givens["Cout"]!, conv.givens["F"]!, conv.givens["groups"]!)
            #expect(cin % g == 0)
            #expect(conv.answer == cout * (cin / g) * f * f + cout, "\(conv.prompt)")
            #expect(conv.worked.last.map { Self.numbers($0).last } == conv.answer, "\(conv.worked)")
            let fc = generator.question(.fcParams)
            #expect(fc.answer == fc.givens["in"]! * fc.givens["out"]! + fc.givens["out"]!, "\(fc.prompt)")
            #expect(fc.worked.last.map { Self.numbers($0).last } == fc.answer, "\(fc.worked)")
        }
    }
}

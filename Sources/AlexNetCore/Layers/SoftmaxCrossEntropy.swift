#if canImport(Glibc)
import Glibc
#endif

/// Softmax followed by the mean cross-entropy over the batch, computed stably with log-sum-exp.
///   logits (N, NC), labels (N) → loss = −(1/N) Σ_n log softmax(logits[n])[label[n]]
///   dLogits[n, j] = (softmax(logits[n])[j] − [j = label[n]]) / N
enum SoftmaxCrossEntropy {
    struct Result {
        var loss: Double
        var dLogits: Tensor
        /// How many rows had their largest logit at the label (ties go to the lowest index).
        var correct: Int
    }

    static func probabilities(_ logits: Tensor) -> Tensor {
        let (N, K) = (logits.shape[0], logits.shape[1])
        var p = logits
        for n in 0..<N {
            let row = n * K
            var m = -Float.infinity
            for j in 0..<K { m = max(m, p.data[row + j]) }
            var sum: Float = 0
            for j in 0..<K { let e = expf(p.data[row + j] - m); p.data[row + j] = e; sum += e }
            for j in 0..<K { p.data[row + j] /= sum }
        }
        return p
    }

    static func evaluate(logits: Tensor, labels: [Int]) -> Result {
        let (N, K) = (logits.shape[0], logits.shape[1])
        precondition(labels.count == N, "\(labels.count) labels for a batch of \(N)")
        var d = Tensor(zeros: logits.shape)
        var loss = 0.0
        var correct = 0
        for n in 0..<N {
            let row = n * K
            var m = -Float.infinity, arg = 0
            for j in 0..<K where logits.data[row + j] > m { m = logits.data[row + j]; arg = j }
            if arg == labels[n] { correct += 1 }
            var sum = 0.0
            for j in 0..<K { sum += exp(Double(logits.data[row + j] - m)) }
            let logSum = log(sum) + Double(m)
            loss += logSum - Double(logits.data[row + labels[n]])
            for j in 0..<K {
                let p = exp(Double(logits.data[row + j]) - logSum)
                d.data[row + j] = Float((p - (j == labels[n] ? 1 : 0)) / Double(N))
            }
        }
        return Result(loss: loss / Double(N), dLogits: d, correct: correct)
    }
}

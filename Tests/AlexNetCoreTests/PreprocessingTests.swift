import Foundation
import Testing
@testable import AlexNetCore

/// Resize + centre crop + normalisation, checked against numbers worked out by hand.
@Suite struct PreprocessingTests {
    /// A 2×4 grey image (rows 0 1 2 3 / 4 5 6 7, in 1/10s) halved to 1×2: antialiased bilinear
    /// with a triangle of half-width 2 source pixels centred at x = 1 (output 0) and x = 3 (output 1).
    /// Output 0 takes columns 0, 1, 2 at weights 0.75, 0.75, 0.25 (÷ 1.75); both rows equally:
    /// row 0 → (0·0.75 + 0.1·0.75 + 0.2·0.25) / 1.75 = 0.125/1.75, row 1 → (0.4·0.75 + 0.5·0.75 + 0.6·0.25)/1.75
    /// = 0.825/1.75; the vertical pass averages them: 0.475/1.75 = 0.27143.
    /// Output 1 takes columns 1, 2, 3 at 0.25, 0.75, 0.75: (0.025 + 0.15 + 0.225)/1.75 and
    /// (0.125 + 0.45 + 0.525)/1.75, averaged: 0.75/1.75 = 0.42857.
    @Test func halvingAveragesWithPILsTriangle() {
        let image = Tensor(shape: [1, 2, 4], data: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
        let out = ImageTransform.resized(image, height: 1, width: 2)
        #expect(out.shape == [1, 1, 2])
        #expect(abs(out.data[0] - 0.475 / 1.75) < 1e-6)
        #expect(abs(out.data[1] - 0.75 / 1.75) < 1e-6)
    }

    /// 4 high × 8 wide, shorter side to 2 (→ 2×4, the longer int(2·8/4) = 4), centre crop 2×2 keeps columns
    /// 1 and 2 of the 4. Pixel (y, x) = (x + 10·y) / 100, pixel i's centre at i + 0.5. Halving, output
    /// column j is centred at 2j + 1 with a triangle of half-width 2: column 1 (centre 3) weighs x = 1, 2, 3, 4
    /// by 0.25, 0.75, 0.75, 0.25, symmetric, so its x part is 3 − 0.5 = 2.5; column 2 gives 4.5. Rows are
    /// clipped at the border: row 0 (centre 1) weighs y = 0, 1, 2 by 0.75, 0.75, 0.25 → 10·(0.75 + 0.5)/1.75
    /// = 7.142…; row 1 (centre 3) weighs y = 1, 2, 3 by 0.25, 0.75, 0.75 (y = 4 is outside) → 10·4/1.75 = 22.857…
    @Test func resizeThenCentreCropByHand() {
        var data = [Float](repeating: 0, count: 32)
        for y in 0..<4 { for x in 0..<8 { data[y * 8 + x] = Float(x + 10 * y) / 100 } }
        let p = Preprocessing(input: InputShape(channels: 1, height: 2, width: 2), resizeSide: 2,
                              normalization: ChannelNormalization(mean: [0], std: [1]))
        let out = p.apply(Tensor(shape: [1, 4, 8], data: data))
        #expect(out.shape == [1, 2, 2])
        let row0 = Float(1.25 / 1.75) * 10, row1 = Float(4.0 / 1.75) * 10
        let expected: [Float] = [2.5 + row0, 4.5 + row0, 2.5 + row1, 4.5 + row1].map { $0 / 100 }
        for (a, b) in zip(out.data, expected) { #expect(abs(a - b) < 1e-5, "\(out.data) vs \(expected)") }
    }

    @Test func inputSizedImageIsUsedUnchanged() {
        let data = (0..<(3 * 5 * 5)).map { Float($0 % 7) / 7 }
        let image = Tensor(shape: [3, 5, 5], data: data)
        let p = Preprocessing(input: InputShape(channels: 3, height: 5, width: 5), resizeSide: 8, normalization: .imageNet)
        #expect(p.fitted(image) == image)
        let out = p.apply(image)
        #expect(abs(out.data[0] - (data[0] - 0.485) / 0.229) < 1e-6)
        #expect(abs(out.data[25] - (data[25] - 0.456) / 0.224) < 1e-6)
        #expect(abs(out.data[50] - (data[50] - 0.406) / 0.225) < 1e-6)
    }

    /// torchvision: `int(round((H − h) / 2))`, Python's round halves to even: 29 / 2 = 14.5 → 14, 3/2 → 2.
    @Test func centreCropRoundsHalfToEven() {
        let image = Tensor(shape: [1, 1, 259], data: (0..<259).map(Float.init))
        #expect(Preprocessing.centreCrop(image, height: 1, width: 230).data.first == 14)
        let small = Tensor(shape: [1, 1, 7], data: (0..<7).map(Float.init))
        #expect(Preprocessing.centreCrop(small, height: 1, width: 4).data.first == 2)
    }

    @Test func conventionsPerNetwork() {
        let tv = Preprocessing(network: InputShape(channels: 3, height: 224, width: 224))
        #expect(tv.resizeSide == 256 && tv.normalization == .imageNet)
        #expect(Preprocessing(network: InputShape(channels: 3, height: 227, width: 227)).resizeSide == 256)
        let mini = Preprocessing(network: InputShape(channels: 1, height: 27, width: 27))
        #expect(mini.resizeSide == 28 && mini.normalization == .fashionMNIST)
        // A 640×480 photo for torchvision: 480 → 256, 640 → int(256·640/480) = 341, crop 224.
        let photo = Tensor(repeating: 0.5, shape: [3, 480, 640])
        #expect(tv.fitted(photo).shape == [3, 224, 224])
        // Colour → grey for grey networks (BT.601 luma), grey → colour by repetition.
        let red = Tensor(shape: [3, 28, 28], data: [Float](repeating: 1, count: 784) + [Float](repeating: 0, count: 1568))
        #expect(abs(mini.fitted(red).data[0] - 0.299) < 1e-6)
        #expect(tv.fitted(Tensor(repeating: 0.25, shape: [1, 300, 300])).shape == [3, 224, 224])
    }

    @Test func metadataNormalisation() throws {
        let per = try ChannelNormalization(metadata: ["normalization_mean": "0.485,0.456,0.406", "normalization_std": "0.229,0.224,0.225"],
                                           channels: 3, file: "w")
        #expect(per == .imageNet)
        let scalar = try ChannelNormalization(metadata: ["normalization_mean": "0.286", "normalization_std": "0.353"], channels: 1, file: "w")
        #expect(scalar == ChannelNormalization(mean: [0.286], std: [0.353]))
        #expect(try ChannelNormalization(metadata: [:], channels: 3, file: "w") == nil)
        let error = #expect(throws: SafetensorsError.self) {
            try ChannelNormalization(metadata: ["normalization_mean": "0.5,0.5", "normalization_std": "1"], channels: 3, file: "w.safetensors")
        }
        #expect(error?.description.contains("w.safetensors") == true && error?.description.contains("1 or 3 numbers") == true)
    }
}

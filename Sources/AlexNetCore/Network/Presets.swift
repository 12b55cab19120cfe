import Localization
/// The networks that ship with the program, built from the same layer vocabulary as user configs.
public enum Preset: String, Sendable, CaseIterable {
    /// The paper's two-GPU network (grouped conv2, conv4, conv5).
    case alexnet
    /// The same network as a single tower: groups 1 everywhere (not CaffeNet, which keeps groups 2 in
    /// conv2/4/5 and pools before LRN).
    case alexnet1tower = "alexnet-1tower"
    /// torchvision's `alexnet`: 224 input, 64/192/384/256/256 channels, no LRN.
    case torchvision
    /// A small AlexNet for Fashion-MNIST (27×27 crops) that trains in minutes on two cores.
    case mini
    /// The paper's Figure 1 network (three conv layers and one fully connected), for Fashion-MNIST or CIFAR-10.
    case figure1
    /// LeNet-5 (LeCun et al. 1998), the CNN AlexNet grew from, on Fashion-MNIST's 28×28 images.
    case lenet5
    /// ZFNet (Zeiler and Fergus 2013), the 2013 ILSVRC winner: AlexNet with a 7×7 stride-2 conv1.
    case zfnet
    /// VGG-16 (Simonyan and Zisserman 2014): thirteen 3×3 convolutions.
    case vgg16

    /// The AlexNet family (the paper's rules, like its biases of 1, apply to them); the others are the
    /// networks before and after AlexNet that the lessons compare it with.
    public var isAlexNetFamily: Bool { ![.lenet5, .zfnet, .vgg16].contains(self) }

    public var spec: NetworkSpec {
        switch self {
        case .alexnet: Self.paper(groups: [1, 2, 1, 2, 2], name: rawValue)
        case .alexnet1tower: Self.paper(groups: [1, 1, 1, 1, 1], name: rawValue)
        case .torchvision: Self.torchvisionSpec
        case .mini: Self.miniSpec
        case .figure1: Self.figure1Spec
        case .lenet5: Self.lenet5Spec
        case .zfnet: Self.zfnetSpec
        case .vgg16: Self.vgg16Spec
        }
    }

    /// One line for `--help` and the UI.
    public var summary: String {
        switch self {
        case .alexnet: Messages.presetAlexNet
        case .alexnet1tower: Messages.presetAlexNet1Tower
        case .torchvision: Messages.presetTorchvision
        case .mini: Messages.presetMini
        case .figure1: Messages.presetFigure1
        case .lenet5: Messages.presetLeNet5
        case .zfnet: Messages.presetZFNet
        case .vgg16: Messages.presetVGG16
        }
    }

    /// Conv stack + classifier in the paper's order: dropout on the *outputs* of fc6 and fc7 (§4.2,
    /// "the first two fully-connected layers"; Caffe's fc6 → relu6 → drop6 → fc7 → relu7 → drop7 → fc8).
    /// The `features.N` names still match torchvision's; the classifier's are `classifier.0/3/6`.
    private static func paper(groups g: [Int], name: String) -> NetworkSpec {
        let kinds: [LayerKind] = [
            .conv(ConvSpec(outChannels: 96, kernel: 11, stride: 4, padding: 0, groups: g[0])),
            .activation(.relu), .lrn(.paper), .maxpool(PoolSpec(kernel: 3, stride: 2)),
            .conv(ConvSpec(outChannels: 256, kernel: 5, stride: 1, padding: 2, groups: g[1])),
            .activation(.relu), .lrn(.paper), .maxpool(PoolSpec(kernel: 3, stride: 2)),
            .conv(ConvSpec(outChannels: 384, kernel: 3, stride: 1, padding: 1, groups: g[2])),
            .activation(.relu),
            .conv(ConvSpec(outChannels: 384, kernel: 3, stride: 1, padding: 1, groups: g[3])),
            .activation(.relu),
            .conv(ConvSpec(outChannels: 256, kernel: 3, stride: 1, padding: 1, groups: g[4])),
            .activation(.relu), .maxpool(PoolSpec(kernel: 3, stride: 2)),
        ] + paperClassifier(hidden: 4096, classes: 1000, dropout: 0.5)
        return NetworkSpec(name: name, input: InputShape(channels: 3, height: 227, width: 227),
                           layers: named(kinds, biasOne: paperBiasOne))
    }

    private static var torchvisionSpec: NetworkSpec {
        let kinds: [LayerKind] = [
            .conv(ConvSpec(outChannels: 64, kernel: 11, stride: 4, padding: 2)),
            .activation(.relu), .maxpool(PoolSpec(kernel: 3, stride: 2)),
            .conv(ConvSpec(outChannels: 192, kernel: 5, stride: 1, padding: 2)),
            .activation(.relu), .maxpool(PoolSpec(kernel: 3, stride: 2)),
            .conv(ConvSpec(outChannels: 384, kernel: 3, stride: 1, padding: 1)),
            .activation(.relu),
            .conv(ConvSpec(outChannels: 256, kernel: 3, stride: 1, padding: 1)),
            .activation(.relu),
            .conv(ConvSpec(outChannels: 256, kernel: 3, stride: 1, padding: 1)),
            .activation(.relu), .maxpool(PoolSpec(kernel: 3, stride: 2)),
        ] + classifier(hidden: 4096, classes: 1000, dropout: 0.5)
        return NetworkSpec(name: "torchvision", input: InputShape(channels: 3, height: 224, width: 224),
                           layers: named(kinds, biasOne: paperBiasOne))
    }

    /// 1×27×27 (random 27×27 crops of the 28×28 images, as the paper cropped 224 from 256) →
    /// conv1 32@27 → pool 13 → conv2 64@13 (2 groups) → pool 6 → conv3 64@6 → conv4 64@6 (2 groups) →
    /// conv5 64@6 (2 groups) → pool 2 → fc6 256 → fc7 256 → fc8 10.
    /// The same eight learned layers, ReLU, LRN, overlapping 3/2 pooling, grouped convs and dropout as
    /// the paper, at about 4.9 M multiply-adds per image instead of 724 M, so an epoch of 60,000 images
    /// takes about a minute on two cores. (At 24 conv1 maps it reached only 84.7% after 3 epochs.) 27 tiles exactly down to 6; pool5 then drops one row and
    /// column of the 6×6 maps, which `shapes` points out. Dropout is 0.2, not the paper's 0.5: on 256-wide
    /// layers 0.5 cost 12 points of test accuracy after a quarter epoch (64% vs 76%).
    private static var miniSpec: NetworkSpec {
        let kinds: [LayerKind] = [
            .conv(ConvSpec(outChannels: 32, kernel: 5, stride: 1, padding: 2)),
            .activation(.relu), .lrn(.paper), .maxpool(PoolSpec(kernel: 3, stride: 2)),
            .conv(ConvSpec(outChannels: 64, kernel: 3, stride: 1, padding: 1, groups: 2)),
            .activation(.relu), .lrn(.paper), .maxpool(PoolSpec(kernel: 3, stride: 2)),
            .conv(ConvSpec(outChannels: 64, kernel: 3, stride: 1, padding: 1)),
            .activation(.relu),
            .conv(ConvSpec(outChannels: 64, kernel: 3, stride: 1, padding: 1, groups: 2)),
            .activation(.relu),
            .conv(ConvSpec(outChannels: 64, kernel: 3, stride: 1, padding: 1, groups: 2)),
            .activation(.relu), .maxpool(PoolSpec(kernel: 3, stride: 2)),
        ] + classifier(hidden: 256, classes: 10, dropout: 0.2)
        return NetworkSpec(name: "mini", input: InputShape(channels: 1, height: 27, width: 27),
                           layers: named(kinds, biasOne: paperBiasOne))
    }

    /// The four-layer CNN of the paper's Figure 1 (ReLU vs tanh): cuda-convnet's `layers-80sec.cfg`, three
    /// 5×5 conv layers (pad 2) of 32, 32 and 64 maps, each followed by 3/2 pooling, and one fully connected
    /// layer. On CIFAR-10 (`figure1Spec(for: .cifar10)`) it takes 32×32×3 and pools with cuda-convnet's
    /// rounding (its `outputsX` is ceil((size − 3) / 2) + 1), so the maps are 32 → 16 → 8 → 4 and fc4
    /// reads 1,024 numbers, as in the original. On Fashion-MNIST it takes one grey 28×28 channel and pools
    /// 28 → 13 → 6 → 2 (floor rounding). Departures that remain on either: every pooling is max pooling
    /// (the original averaged in pool2 and pool3); no `rnorm` layers (the original normalised within each
    /// map over 3×3 neighbourhoods after pool1 and pool2; this engine has only the paper's across-map LRN);
    /// He initialisation by default instead of cuda-convnet's σ = 0.0001 (conv1) and 0.01; no dropout and
    /// no weight decay, as the paper's experiment used no regularisation of any kind. The activation after
    /// each conv layer is what the comparison swaps.
    static var figure1Spec: NetworkSpec { figure1Spec(for: .fashionMNIST(directory: "")) }

    public static func figure1Spec(for data: DataSource) -> NetworkSpec {
        let rounding: PoolRounding = data.isCIFAR10 ? .ceil : .floor
        let pool = LayerKind.maxpool(PoolSpec(kernel: 3, stride: 2, rounding: rounding))
        let kinds: [LayerKind] = [
            .conv(ConvSpec(outChannels: 32, kernel: 5, stride: 1, padding: 2)), .activation(.relu), pool,
            .conv(ConvSpec(outChannels: 32, kernel: 5, stride: 1, padding: 2)), .activation(.relu), pool,
            .conv(ConvSpec(outChannels: 64, kernel: 5, stride: 1, padding: 2)), .activation(.relu), pool,
            .flatten, .linear(out: data.classNames.count), .softmax,
        ]
        // The paper's rule reaches only conv2 here (no conv4/conv5; fc4 is the output layer).
        return NetworkSpec(name: "figure1", input: data.input, layers: named(kinds, biasOne: ["conv2"]))
    }

    /// LeNet-5 as usually rebuilt: 28×28 padded by 2 (the original read 32×32, the same arithmetic), 6 and
    /// 16 maps of 5×5 with tanh, 2×2 stride-2 max pooling standing in for its trainable average
    /// sub-sampling, every C3 map reading all 6 S2 maps (the original's connection table used 60 of
    /// the 96 pairs), then 120, 84 and 10 units. No LRN, no dropout, no overlap: what AlexNet added.
    private static var lenet5Spec: NetworkSpec {
        let kinds: [LayerKind] = [
            .conv(ConvSpec(outChannels: 6, kernel: 5, stride: 1, padding: 2)),
            .activation(.tanh), .maxpool(PoolSpec(kernel: 2, stride: 2)),
            .conv(ConvSpec(outChannels: 16, kernel: 5, stride: 1, padding: 0)),
            .activation(.tanh), .maxpool(PoolSpec(kernel: 2, stride: 2)),
            .flatten,
            .linear(out: 120), .activation(.tanh),
            .linear(out: 84), .activation(.tanh),
            .linear(out: 10), .softmax,
        ]
        return NetworkSpec(name: "lenet5", input: InputShape(channels: 1, height: 28, width: 28),
                           layers: named(kinds, biasOne: []))
    }

    /// ZFNet (Zeiler and Fergus, "Visualizing and Understanding Convolutional Networks", 2013, their
    /// Figure 3): conv1 96@7×7 stride 2 (padding 1) → 110, 3×3 stride-2 pools rounded up as in Caffe
    /// (110 → 55, 26 → 13, 13 → 6), conv2 256@5×5 stride 2 → 26, then AlexNet's conv3–conv5 without
    /// groups and its classifier. The smaller, denser first layer came from looking at AlexNet's filters.
    private static var zfnetSpec: NetworkSpec {
        let pool = PoolSpec(kernel: 3, stride: 2, rounding: .ceil)
        let kinds: [LayerKind] = [
            .conv(ConvSpec(outChannels: 96, kernel: 7, stride: 2, padding: 1)),
            .activation(.relu), .maxpool(pool), .lrn(.paper),
            .conv(ConvSpec(outChannels: 256, kernel: 5, stride: 2, padding: 0)),
            .activation(.relu), .maxpool(pool), .lrn(.paper),
            .conv(ConvSpec(outChannels: 384, kernel: 3, stride: 1, padding: 1)),
            .activation(.relu),
            .conv(ConvSpec(outChannels: 384, kernel: 3, stride: 1, padding: 1)),
            .activation(.relu),
            .conv(ConvSpec(outChannels: 256, kernel: 3, stride: 1, padding: 1)),
            .activation(.relu), .maxpool(pool),
        ] + paperClassifier(hidden: 4096, classes: 1000, dropout: 0.5)
        return NetworkSpec(name: "zfnet", input: InputShape(channels: 3, height: 224, width: 224),
                           layers: named(kinds, biasOne: []))
    }

    /// VGG-16 (configuration D of Simonyan and Zisserman, 2014): five blocks of 3×3 convolutions with
    /// padding 1 (64, 128, 256, 512, 512 maps; 2, 2, 3, 3, 3 layers), each closed by a 2×2 stride-2 max
    /// pool, 224 → 7, then fc 4096, 4096, 1000 with dropout after the first two, no LRN.
    private static var vgg16Spec: NetworkSpec {
        var kinds: [LayerKind] = []
        for (width, count) in [(64, 2), (128, 2), (256, 3), (512, 3), (512, 3)] {
            for _ in 0..<count {
                kinds += [.conv(ConvSpec(outChannels: width, kernel: 3, stride: 1, padding: 1)), .activation(.relu)]
            }
            kinds.append(.maxpool(PoolSpec(kernel: 2, stride: 2)))
        }
        kinds += paperClassifier(hidden: 4096, classes: 1000, dropout: 0.5)
        return NetworkSpec(name: "vgg16", input: InputShape(channels: 3, height: 224, width: 224),
                           layers: named(kinds, biasOne: []))
    }

    /// The paper's classifier: each of the first two fully connected layers' outputs is dropped.
    private static func paperClassifier(hidden: Int, classes: Int, dropout: Double) -> [LayerKind] {
        [.flatten,
         .linear(out: hidden), .activation(.relu), .dropout(p: dropout),
         .linear(out: hidden), .activation(.relu), .dropout(p: dropout),
         .linear(out: classes), .softmax]
    }

    /// torchvision's classifier (and `mini`'s): dropout on the *inputs* of fc6 and fc7, so that the
    /// sequential indices match torchvision's `classifier.1/4/6` tensor names.
    private static func classifier(hidden: Int, classes: Int, dropout: Double) -> [LayerKind] {
        [.flatten,
         .dropout(p: dropout), .linear(out: hidden), .activation(.relu),
         .dropout(p: dropout), .linear(out: hidden), .activation(.relu),
         .linear(out: classes), .softmax]
    }

    /// The paper's "biases 1 in conv2, conv4, conv5 and the hidden fully connected layers" (§5), as
    /// the layers' `initialBias`: the paper's initialisation starts these at 1, every other bias at 0.
    /// torchvision and `mini` keep the paper's rule so that `--init paper` means the same everywhere.
    private static let paperBiasOne: Set<String> = ["conv2", "conv4", "conv5", "fc6", "fc7"]

    private static func named(_ kinds: [LayerKind], biasOne: Set<String>) -> [LayerSpec] {
        zip(LayerNaming.autoNames(for: kinds), kinds).map {
            LayerSpec(name: $0, kind: $1, initialBias: biasOne.contains($0) ? 1 : 0)
        }
    }
}

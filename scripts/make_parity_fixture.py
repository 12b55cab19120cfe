#!/usr/bin/env python3
"""Builds the `mini` preset in PyTorch and saves weights, inputs and logits as a parity fixture.

The Swift engine loads the same weights, runs the same inputs and must reproduce the logits
(the PyTorch "peer" check, as llm.c does with its PyTorch dump).

The network mirrors Sources/AlexNetCore/Network/Presets.swift (miniSpec): input 1x27x27,
conv1 32 k5 p2, relu, LRN, pool 3/2, conv2 64 k3 p1 g2, relu, LRN, pool 3/2, conv3 64 k3 p1,
relu, conv4 64 k3 p1 g2, relu, conv5 64 k3 p1 g2, relu, pool 3/2, flatten, dropout, fc6 256,
relu, dropout, fc7 256, relu, fc8 10 (softmax left out: `logits` are fc8's outputs).

LRN: the paper's b = a / (k + alpha * sum a^2)^beta with alpha = 1e-4 over n = 5 channels;
PyTorch divides alpha by size, so nn.LocalResponseNorm gets alpha = 1e-4 * 5.

Weights are He-initialised (fan-in, ReLU gain) with torch.manual_seed(0), biases small uniform
(non-zero so that bias handling is tested), then rounded to float16 and used as such: the fixture
stores them as F16 (half the size; the values are exact), while input and logits are F32.

Run: /tmp/peer/bin/python scripts/make_parity_fixture.py [OUT]
"""
import sys

import torch
import torch.nn as nn
from safetensors.torch import save_file

OUT = sys.argv[1] if len(sys.argv) > 1 else "Tests/AlexNetCoreTests/Fixtures/mini_parity.safetensors"
LRN = dict(size=5, alpha=1e-4 * 5, beta=0.75, k=2.0)  # paper alpha times size, see above


def mini() -> nn.Module:
    features = nn.Sequential(
        nn.Conv2d(1, 32, 5, stride=1, padding=2),             # 0 conv1
        nn.ReLU(), nn.LocalResponseNorm(**LRN),               # 1, 2
        nn.MaxPool2d(3, 2),                                   # 3
        nn.Conv2d(32, 64, 3, stride=1, padding=1, groups=2),  # 4 conv2
        nn.ReLU(), nn.LocalResponseNorm(**LRN),               # 5, 6
        nn.MaxPool2d(3, 2),                                   # 7
        nn.Conv2d(64, 64, 3, stride=1, padding=1),            # 8 conv3
        nn.ReLU(),                                            # 9
        nn.Conv2d(64, 64, 3, stride=1, padding=1, groups=2),  # 10 conv4
        nn.ReLU(),                                            # 11
        nn.Conv2d(64, 64, 3, stride=1, padding=1, groups=2),  # 12 conv5
        nn.ReLU(),                                            # 13
        nn.MaxPool2d(3, 2),                                   # 14
    )
    classifier = nn.Sequential(
        nn.Dropout(0.2),                                      # 0
        nn.Linear(64 * 2 * 2, 256),                           # 1 fc6
        nn.ReLU(),                                            # 2
        nn.Dropout(0.2),                                      # 3
        nn.Linear(256, 256),                                  # 4 fc7
        nn.ReLU(),                                            # 5
        nn.Linear(256, 10),                                   # 6 fc8
    )
    model = nn.Sequential()
    model.add_module("features", features)
    model.add_module("flatten", nn.Flatten())
    model.add_module("classifier", classifier)
    return model


def inputs() -> torch.Tensor:
    """Four deterministic 1x27x27 images from closed-form patterns, not from a random generator."""
    h = torch.arange(27, dtype=torch.float64).view(27, 1)
    w = torch.arange(27, dtype=torch.float64).view(1, 27)
    images = [
        torch.sin(0.3 * h) * torch.cos(0.2 * w),
        ((h + w) % 7) / 3.0 - 1.0,
        torch.exp(-((h - 13) ** 2 + (w - 9) ** 2) / 40.0) * 2.0 - 0.5,
        torch.where((h // 4 + w // 4) % 2 == 0, 1.5, -0.8) + 0.01 * h,
    ]
    return torch.stack(images).unsqueeze(1).to(torch.float32)


def main() -> None:
    torch.manual_seed(0)
    model = mini()
    named = {}
    for prefix, part in (("features", model.features), ("classifier", model.classifier)):
        for index, layer in enumerate(part):
            if isinstance(layer, (nn.Conv2d, nn.Linear)):
                nn.init.kaiming_normal_(layer.weight, mode="fan_in", nonlinearity="relu")
                nn.init.uniform_(layer.bias, -0.05, 0.05)
                with torch.no_grad():
                    # Round to half so the stored F16 weights are exactly the ones that ran.
                    layer.weight.copy_(layer.weight.half().float())
                    layer.bias.copy_(layer.bias.half().float())
                named[f"{prefix}.{index}.weight"] = layer.weight.detach().half().contiguous()
                named[f"{prefix}.{index}.bias"] = layer.bias.detach().half().contiguous()
    model.eval()  # dropout off
    x = inputs()
    with torch.no_grad():
        logits = model(x)
    named["input"] = x.contiguous()
    named["logits"] = logits.contiguous()
    # Sums computed by PyTorch, so a reader can check its decoding (F16 included) independently.
    sums = {f"sum.{name}": repr(float(t.double().sum())) for name, t in named.items()}
    save_file(named, OUT, metadata={**sums,
        "network": "mini",
        "torch": torch.__version__,
        "lrn": "paper alpha 1e-4, n 5, beta 0.75, k 2 (torch alpha = 5e-4)",
        "weights": "He normal fan_in (seed 0), biases U(-0.05, 0.05), rounded to float16",
    })
    print(f"{OUT}: {len(named)} tensors, logits[0] = {[round(v, 5) for v in logits[0].tolist()]}")


if __name__ == "__main__":
    main()

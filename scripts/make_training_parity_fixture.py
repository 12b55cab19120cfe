#!/usr/bin/env python3
"""Three SGD steps in PyTorch, saved as a fixture the Swift engine must reproduce step for step.

For `figure1` with tanh and for `mini` with ReLU (the networks of Sources/AlexNetCore/Network/Presets.swift)
it saves, under torchvision-style names:

  init.<param>         the initial weights and biases (PyTorch's default init, torch.manual_seed(0))
  batch<k>.images      3 fixed batches of 16 real Fashion-MNIST training images (k = 1, 2, 3), normalised
  batch<k>.labels      their labels, as F32
  step<k>.<param>      every weight and bias after step k
  momentum<k>.<param>  PyTorch's momentum buffer after step k

torch.optim.SGD(lr 0.01, momentum 0.9, weight_decay 5e-4) keeps buf <- 0.9 buf + (g + 5e-4 w) and does
w <- w - lr buf; the paper's (and our) form keeps v <- 0.9 v - 5e-4 lr w - lr g and does w <- w + v, so with
a constant rate v = -lr * buf: the Swift test compares against that. Decay applies to the biases too, in both.
Dropout (mini's 0.2) is set to 0 here and in the Swift test, since the two sides draw different masks; LRN
uses the paper's alpha (PyTorch's alpha is alpha * size). Losses after each step are in the metadata.

The safetensors file is written by hand (header + little-endian F32) so only torch is needed.

Run: /tmp/i10-peer/bin/python scripts/make_training_parity_fixture.py [DATA_DIR]
"""
import gzip
import json
import os
import struct
import sys

import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_parity_fixture import mini  # noqa: E402  (the same mini network as the logits fixture)

DATA = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
OUT_DIR = "Tests/AlexNetCoreTests/Fixtures"
LR, MOMENTUM, DECAY, BATCH, STEPS = 0.01, 0.9, 5e-4, 16, 3
MEAN, STD = 0.2860, 0.3530  # Fashion-MNIST's pixel mean and std over the training set, for inputs of unit scale


def figure1() -> nn.Module:
    """Presets.swift figure1Spec with tanh: 1x28x28, three 5x5 convs (pad 2) of 32, 32, 64 maps, each followed by
    the activation and 3/2 max pooling (28 -> 13 -> 6 -> 2), then one fully connected layer to 10."""
    features = nn.Sequential(
        nn.Conv2d(1, 32, 5, padding=2), nn.Tanh(), nn.MaxPool2d(3, 2),    # 0 conv1, 1, 2
        nn.Conv2d(32, 32, 5, padding=2), nn.Tanh(), nn.MaxPool2d(3, 2),   # 3 conv2, 4, 5
        nn.Conv2d(32, 64, 5, padding=2), nn.Tanh(), nn.MaxPool2d(3, 2),   # 6 conv3, 7, 8
    )
    classifier = nn.Sequential(nn.Linear(64 * 2 * 2, 10))                 # 0 fc4
    model = nn.Sequential()
    model.add_module("features", features)
    model.add_module("flatten", nn.Flatten())
    model.add_module("classifier", classifier)
    return model


def fashion(count: int, side: int):
    with gzip.open(os.path.join(DATA, "train-images-idx3-ubyte.gz")) as f:
        f.read(16)
        pixels = f.read(count * 784)
    with gzip.open(os.path.join(DATA, "train-labels-idx1-ubyte.gz")) as f:
        f.read(8)
        labels = list(f.read(count))
    x = torch.tensor(list(pixels), dtype=torch.float32).view(count, 1, 28, 28) / 255.0
    x = ((x - MEAN) / STD)[:, :, :side, :side].contiguous()
    return x, torch.tensor(labels, dtype=torch.int64)


def save(path: str, tensors: dict, metadata: dict) -> None:
    header, blobs, offset = {}, [], 0
    for name, t in tensors.items():
        values = t.detach().to(torch.float32).contiguous().view(-1).tolist()
        blob = struct.pack(f"<{len(values)}f", *values)
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(blob)]}
        blobs.append(blob)
        offset += len(blob)
    header["__metadata__"] = metadata
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(path + ".tmp", "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))
    os.replace(path + ".tmp", path)


def run(name: str, model: nn.Module, side: int) -> None:
    for m in model.modules():
        if isinstance(m, nn.Dropout):
            m.p = 0.0
    params = [(n, p) for n, p in model.named_parameters()]
    out = {f"init.{n}": p.detach().clone() for n, p in params}
    x, y = fashion(BATCH * STEPS, side)
    opt = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM, weight_decay=DECAY)
    model.train()
    losses = []
    for k in range(1, STEPS + 1):
        xb, yb = x[(k - 1) * BATCH:k * BATCH], y[(k - 1) * BATCH:k * BATCH]
        out[f"batch{k}.images"] = xb
        out[f"batch{k}.labels"] = yb.to(torch.float32)
        opt.zero_grad()
        loss = nn.functional.cross_entropy(model(xb), yb)
        loss.backward()
        opt.step()
        losses.append(float(loss.detach()))
        for n, p in params:
            out[f"step{k}.{n}"] = p.detach().clone()
            out[f"momentum{k}.{n}"] = opt.state[p]["momentum_buffer"].detach().clone()
    path = os.path.join(OUT_DIR, f"{name}_steps.safetensors")
    save(path, out, {
        "network": name.split("_")[0], "activation": name.split("_")[1], "torch": torch.__version__,
        "lr": repr(LR), "momentum": repr(MOMENTUM), "weight_decay": repr(DECAY), "batch": str(BATCH),
        "steps": str(STEPS), "losses": json.dumps(losses),
        "momentum_convention": "torch buffer: ours = -lr * buffer",
    })
    print(f"{path}: {len(out)} tensors, losses {[round(v, 6) for v in losses]}")


def main() -> None:
    torch.set_num_threads(1)
    torch.manual_seed(0)
    run("figure1_tanh", figure1(), 28)
    torch.manual_seed(0)
    run("mini_relu", mini(), 27)


if __name__ == "__main__":
    main()

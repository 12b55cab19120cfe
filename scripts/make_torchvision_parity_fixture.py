#!/usr/bin/env python3
"""The torchvision parity fixture: `alexnet predict --logits` must give PyTorch's logits (1e-4 relative).

Writes, into Tests/AlexNetCoreTests/Fixtures/:
  torchvision_small.yaml           torchvision's alexnet layout at reduced width (8/16/16/16/16 convs,
                                   16-wide fc6/fc7, 1,000 classes) so the fixture stays small
  torchvision_small.safetensors    its weights, written by export_torchvision_alexnet.py --random --seed 0
  parity_224.png                   a seeded 224×224 RGB picture (smooth colour blobs plus noise)
  torchvision_small_logits.json    PyTorch's logits for that PNG: ToTensor → Normalize(ImageNet) → model

An image already of the input size is used unchanged by the program, so PyTorch's side does no resize.

Run: /tmp/i11-peer/bin/python scripts/make_torchvision_parity_fixture.py
"""
import json
import pathlib
import subprocess
import sys

import numpy as np
import torch
from PIL import Image
from safetensors.torch import load_file

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE.parent / "Tests" / "AlexNetCoreTests" / "Fixtures"
CHANNELS, HIDDEN = "8,16,16,16,16", 16

YAML = f"""# torchvision's alexnet at reduced width, for the parity fixture (scripts/make_torchvision_parity_fixture.py).
# Same layers and order as torchvision.models.alexnet, so tensor names match (features.0 … classifier.6).
name: torchvision-small
input: [3, 224, 224]
layers:
  - conv: {{out: 8, kernel: 11, stride: 4, padding: 2}}
  - relu
  - maxpool: {{kernel: 3, stride: 2}}
  - conv: {{out: 16, kernel: 5, padding: 2}}
  - relu
  - maxpool: {{kernel: 3, stride: 2}}
  - conv: {{out: 16, kernel: 3, padding: 1}}
  - relu
  - conv: {{out: 16, kernel: 3, padding: 1}}
  - relu
  - conv: {{out: 16, kernel: 3, padding: 1}}
  - relu
  - maxpool: {{kernel: 3, stride: 2}}
  - flatten
  - dropout: 0.5
  - linear: {HIDDEN}
  - relu
  - dropout: 0.5
  - linear: {HIDDEN}
  - relu
  - linear: 1000
  - softmax
"""


def picture(seed=0, size=224):
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:size, 0:size] / size
    img = np.zeros((size, size, 3))
    for c in range(3):
        for _ in range(4):
            cy, cx, r = rng.uniform(0, 1, 3)
            img[..., c] += np.exp(-((y - cy) ** 2 + (x - cx) ** 2) / (0.02 + 0.1 * r))
    img = img / img.max() * 200 + rng.uniform(0, 55, img.shape)
    return Image.fromarray(np.clip(img, 0, 255).astype(np.uint8), "RGB")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "torchvision_small.yaml").write_text(YAML)
    weights = OUT / "torchvision_small.safetensors"
    subprocess.run([sys.executable, str(HERE / "export_torchvision_alexnet.py"), "--random", "--seed", "0",
                    "--channels", CHANNELS, "--hidden", str(HIDDEN), str(weights)], check=True)
    png = OUT / "parity_224.png"
    picture().save(png)

    sys.path.insert(0, str(HERE))
    from export_torchvision_alexnet import AlexNet, IMAGENET_MEAN, IMAGENET_STD
    model = AlexNet(channels=tuple(int(c) for c in CHANNELS.split(",")), hidden=HIDDEN)
    model.load_state_dict(load_file(weights))
    model.eval()
    pixels = torch.from_numpy(np.asarray(Image.open(png).convert("RGB"), dtype=np.float32) / 255).permute(2, 0, 1)
    x = (pixels - torch.tensor(IMAGENET_MEAN).view(3, 1, 1)) / torch.tensor(IMAGENET_STD).view(3, 1, 1)
    with torch.no_grad():
        logits = model(x.unsqueeze(0))[0]
    top = torch.topk(logits, 5).indices.tolist()
    (OUT / "torchvision_small_logits.json").write_text(json.dumps({
        "image": png.name, "weights": weights.name, "torch": torch.__version__,
        "top5": top, "logits": [float(v) for v in logits]}) + "\n")
    print(f"wrote the fixture into {OUT}: top-5 {top}")


if __name__ == "__main__":
    main()

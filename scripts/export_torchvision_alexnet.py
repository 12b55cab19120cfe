#!/usr/bin/env python3
"""Writes torchvision's `alexnet` weights as safetensors for `alexnet --preset torchvision --weights FILE`.

Three sources, one of:
  (default)        torchvision's pretrained ImageNet weights (AlexNet_Weights.IMAGENET1K_V1), downloaded
                   from download.pytorch.org as torchvision does (torch.hub cache); needs network access and
                   `pip install torch safetensors` (torchvision itself is not needed).
  --pth FILE       a state_dict saved with torch.save(model.state_dict(), FILE).
  --random         a seeded untrained model (torch.manual_seed(--seed), torchvision's default init).

The tensors keep torchvision's names (features.0.weight … classifier.6.bias), which are the names the
program gives the same layers. The metadata records what the program needs to treat an image as
torchvision does: the normalisation (ImageNet's mean and std, per channel, comma-separated), the label
set (ImageNet's 1,000 classes in torchvision's order, shipped as data/imagenet_classes.txt), the input
size and where the weights came from.

--channels and --hidden build the same layout at a reduced width (e.g. for the committed parity
fixture; load it with a --config that has those widths, see scripts/make_torchvision_parity_fixture.py).

Examples:
  python scripts/export_torchvision_alexnet.py alexnet-imagenet.safetensors
  python scripts/export_torchvision_alexnet.py --pth alexnet-owt.pth alexnet.safetensors
  python scripts/export_torchvision_alexnet.py --random --seed 0 random.safetensors
"""
import argparse
import sys

import torch
import torch.nn as nn
from safetensors.torch import save_file

# What torchvision.models.AlexNet_Weights.IMAGENET1K_V1 downloads.
PRETRAINED_URL = "https://download.pytorch.org/models/alexnet-owt-7be5be79.pth"
IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)


class AlexNet(nn.Module):
    """torchvision.models.AlexNet, line for line (same module indices, so the same tensor names), with
    the widths as parameters. Defaults are torchvision's."""

    def __init__(self, channels=(64, 192, 384, 256, 256), hidden=4096, classes=1000, dropout=0.5):
        super().__init__()
        c1, c2, c3, c4, c5 = channels
        self.features = nn.Sequential(
            nn.Conv2d(3, c1, kernel_size=11, stride=4, padding=2), nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=3, stride=2),
            nn.Conv2d(c1, c2, kernel_size=5, padding=2), nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=3, stride=2),
            nn.Conv2d(c2, c3, kernel_size=3, padding=1), nn.ReLU(inplace=True),
            nn.Conv2d(c3, c4, kernel_size=3, padding=1), nn.ReLU(inplace=True),
            nn.Conv2d(c4, c5, kernel_size=3, padding=1), nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=3, stride=2),
        )
        self.avgpool = nn.AdaptiveAvgPool2d((6, 6))
        self.classifier = nn.Sequential(
            nn.Dropout(p=dropout), nn.Linear(c5 * 6 * 6, hidden), nn.ReLU(inplace=True),
            nn.Dropout(p=dropout), nn.Linear(hidden, hidden), nn.ReLU(inplace=True),
            nn.Linear(hidden, classes),
        )

    def forward(self, x):
        x = self.avgpool(self.features(x))
        return self.classifier(torch.flatten(x, 1))


def build(args) -> tuple[nn.Module, str]:
    channels = tuple(int(c) for c in args.channels.split(","))
    if len(channels) != 5:
        sys.exit("--channels needs five numbers, e.g. 64,192,384,256,256")
    model = AlexNet(channels=channels, hidden=args.hidden)
    if args.random:
        torch.manual_seed(args.seed)
        model = AlexNet(channels=channels, hidden=args.hidden)  # built after seeding: the init is reproducible
        return model, f"random: torchvision's default initialisation, torch.manual_seed({args.seed})"
    if args.pth:
        state = torch.load(args.pth, map_location="cpu", weights_only=True)
        if isinstance(state, dict) and "state_dict" in state:
            state = state["state_dict"]
        model.load_state_dict(state)
        return model, f"state_dict {args.pth}"
    if channels != (64, 192, 384, 256, 256) or args.hidden != 4096:
        sys.exit("the pretrained weights have torchvision's widths: leave --channels and --hidden alone")
    try:
        state = torch.hub.load_state_dict_from_url(PRETRAINED_URL, map_location="cpu", progress=True)
    except Exception as error:  # no network, or the download was refused
        sys.exit(f"cannot download torchvision's pretrained weights from {PRETRAINED_URL} ({error}); "
                 "give --pth FILE or --random")
    model.load_state_dict(state)
    return model, "torchvision AlexNet_Weights.IMAGENET1K_V1 (pretrained on ImageNet)"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", help="the .safetensors file to write")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--pth", help="a saved state_dict to convert")
    source.add_argument("--random", action="store_true", help="a seeded untrained model")
    parser.add_argument("--seed", type=int, default=0, help="seed for --random (default 0)")
    parser.add_argument("--channels", default="64,192,384,256,256", help="conv widths (default torchvision's)")
    parser.add_argument("--hidden", type=int, default=4096, help="fc6/fc7 width (default 4096)")
    args = parser.parse_args()

    model, origin = build(args)
    model.eval()
    tensors = {name: t.detach().to(torch.float32).contiguous() for name, t in model.state_dict().items()}
    metadata = {
        "network": "torchvision",
        "source": origin,
        "exported_by": "scripts/export_torchvision_alexnet.py",
        "input": "3,224,224",
        "normalization_mean": ",".join(str(v) for v in IMAGENET_MEAN),
        "normalization_std": ",".join(str(v) for v in IMAGENET_STD),
        "labels": "ImageNet ILSVRC-2012, torchvision order (data/imagenet_classes.txt)",
    }
    save_file(tensors, args.out, metadata=metadata)
    count = sum(t.numel() for t in tensors.values())
    print(f"wrote {args.out}: {len(tensors)} tensors, {count:,} parameters; {origin}")


if __name__ == "__main__":
    main()

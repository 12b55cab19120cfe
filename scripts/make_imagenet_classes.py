#!/usr/bin/env python3
"""Writes data/imagenet_classes.txt: the 1,000 ILSVRC-2012 class names in torchvision's index order
(output i of torchvision's ImageNet models is line i + 1), one a line.

The names come from torchvision's own metadata, `torchvision/models/_meta.py` (`_IMAGENET_CATEGORIES`),
read as text so that the module (and torch) need not import: `pip install --no-deps torchvision` is enough.

Run: python scripts/make_imagenet_classes.py [OUT]
"""
import ast
import importlib.util
import pathlib
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else "data/imagenet_classes.txt"

spec = importlib.util.find_spec("torchvision")
if spec is None or not spec.submodule_search_locations:
    sys.exit("torchvision is not installed (pip install --no-deps torchvision)")
meta = pathlib.Path(list(spec.submodule_search_locations)[0]) / "models" / "_meta.py"
tree = ast.parse(meta.read_text())
names = None
for node in tree.body:
    if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "_IMAGENET_CATEGORIES" for t in node.targets):
        names = ast.literal_eval(node.value)
if names is None or len(names) != 1000:
    sys.exit(f"{meta}: no list of 1,000 _IMAGENET_CATEGORIES found")
assert all(n and "\n" not in n for n in names)
pathlib.Path(OUT).write_text("".join(n + "\n" for n in names))
print(f"wrote {OUT}: {len(names)} names from {meta}")

#!/usr/bin/env python3
"""The JPEG test fixtures (Tests/AlexNetCoreTests/Fixtures/jpeg_*.jpg), made with PIL (libjpeg-turbo inside).

Flat 8×8 blocks at quality 95 without chroma subsampling, so every block decodes to its colour within 2/255:
  jpeg_baseline_rgb.jpg, jpeg_progressive_rgb.jpg  16×16, quadrants (200,30,30) (30,200,30) / (30,30,200) (220,220,40)
  jpeg_grey.jpg                                    16×16 grey, quadrants 0 85 / 170 255
  jpeg_exif_orientation6.jpg                       16 wide × 8 high, left 16 right 240, EXIF orientation 6

Run: python scripts/make_jpeg_fixtures.py   (pip install pillow numpy)
"""
import pathlib

import numpy as np
from PIL import Image

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests" / "AlexNetCoreTests" / "Fixtures"

q = [(200, 30, 30), (30, 200, 30), (30, 30, 200), (220, 220, 40)]
a = np.zeros((16, 16, 3), np.uint8)
a[:8, :8] = q[0]; a[:8, 8:] = q[1]; a[8:, :8] = q[2]; a[8:, 8:] = q[3]
img = Image.fromarray(a, "RGB")
img.save(OUT / "jpeg_baseline_rgb.jpg", quality=95, subsampling=0)
img.save(OUT / "jpeg_progressive_rgb.jpg", quality=95, subsampling=0, progressive=True)
g = np.zeros((16, 16), np.uint8)
g[:8, 8:] = 85; g[8:, :8] = 170; g[8:, 8:] = 255
Image.fromarray(g, "L").save(OUT / "jpeg_grey.jpg", quality=95)
w = np.zeros((8, 16), np.uint8)
w[:, :8] = 16; w[:, 8:] = 240
exif = Image.Exif()
exif[0x0112] = 6  # orientation: rotate 90° clockwise to display
Image.fromarray(w, "L").save(OUT / "jpeg_exif_orientation6.jpg", quality=95, exif=exif.tobytes())
print(f"wrote the JPEG fixtures into {OUT}")

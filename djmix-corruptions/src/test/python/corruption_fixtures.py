"""Writes the expected outputs of the deterministic corruptions, computed the way the reference
(hendrycks/robustness, make_cifar_c.py and make_imagenet_c.py) computes them, with the libraries it
uses: scikit-image 0.19, SciPy 1.10, OpenCV 4.6, Pillow 9.4 (Debian 12's python3-* packages).

Run from the repository root:  python3 djmix-corruptions/src/test/python/corruption_fixtures.py
Output: djmix-corruptions/src/test/resources/org/djmix/corruptions/fixtures.json
(uint8 outputs as base64 of the planar C×H×W bytes; JPEG quantisation tables as PIL writes them).
"""
import base64
import io
import json

import cv2
import numpy as np
import skimage.color
import skimage.filters
from PIL import Image
from scipy.ndimage import zoom as scizoom

SIZE = 32


def test_image(h=SIZE, w=SIZE):
    """The same formula as LibrarySemanticsTest.testImage (djmix-core tests)."""
    y, x, c = np.meshgrid(np.arange(h), np.arange(w), np.arange(3), indexing="ij")
    return ((x * 37 + y * 91 + c * 53 + x * y * 7) % 256).astype(np.uint8)


def disk(radius, alias_blur=0.1, dtype=np.float32):
    if radius <= 8:
        L = np.arange(-8, 8 + 1)
        ksize = (3, 3)
    else:
        L = np.arange(-radius, radius + 1)
        ksize = (5, 5)
    X, Y = np.meshgrid(L, L)
    aliased_disk = np.array((X ** 2 + Y ** 2) <= radius ** 2, dtype=dtype)
    aliased_disk /= np.sum(aliased_disk)
    return cv2.GaussianBlur(aliased_disk, ksize=ksize, sigmaX=alias_blur)


def clipped_zoom(img, zoom_factor):
    h = img.shape[0]
    ch = int(np.ceil(h / zoom_factor))
    top = (h - ch) // 2
    img = scizoom(img[top:top + ch, top:top + ch], (zoom_factor, zoom_factor, 1), order=1)
    trim_top = (img.shape[0] - h) // 2
    return img[trim_top:trim_top + h, trim_top:trim_top + h]


CIFAR = {
    "defocus_blur": [(0.3, 0.4), (0.4, 0.5), (0.5, 0.6), (1, 0.2), (1.5, 0.1)],
    "zoom_blur": [np.arange(1, 1.06, 0.01), np.arange(1, 1.11, 0.01), np.arange(1, 1.16, 0.01),
                  np.arange(1, 1.21, 0.01), np.arange(1, 1.26, 0.01)],
    "brightness": [.05, .1, .15, .2, .3],
    "contrast": [.75, .5, .4, .3, 0.15],
    "pixelate": [0.95, 0.9, 0.85, 0.75, 0.65],
    "jpeg_compression": [80, 65, 58, 50, 40],
    "gaussian_blur": [.4, .6, 0.7, .8, 1],
    "saturate": [(0.3, 0), (0.1, 0), (1.5, 0), (2, 0.1), (2.5, 0.2)],
}
IMAGENET = {
    "defocus_blur": [(3, 0.1), (4, 0.5), (6, 0.5), (8, 0.5), (10, 0.5)],
    "zoom_blur": [np.arange(1, 1.11, 0.01), np.arange(1, 1.16, 0.01), np.arange(1, 1.21, 0.02),
                  np.arange(1, 1.26, 0.02), np.arange(1, 1.31, 0.03)],
    "brightness": [.1, .2, .3, .4, .5],
    "contrast": [0.4, .3, .2, .1, .05],
    "pixelate": [0.6, 0.5, 0.4, 0.3, 0.25],
    "jpeg_compression": [25, 18, 15, 10, 7],
    "gaussian_blur": [1, 2, 3, 4, 6],
    "saturate": [(0.3, 0), (0.1, 0), (2, 0), (5, 0.1), (20, 0.2)],
}


def corrupt(name, c, pil):
    x = np.array(pil) / 255.
    if name == "defocus_blur":
        kernel = disk(radius=c[0], alias_blur=c[1])
        channels = [cv2.filter2D(x[:, :, d], -1, kernel) for d in range(3)]
        return np.clip(np.array(channels).transpose((1, 2, 0)), 0, 1) * 255
    if name == "zoom_blur":
        x = x.astype(np.float32)
        out = np.zeros_like(x)
        for zoom_factor in c:
            out += clipped_zoom(x, zoom_factor)
        return np.clip((x + out) / (len(c) + 1), 0, 1) * 255
    if name == "brightness":
        x = skimage.color.rgb2hsv(x)
        x[:, :, 2] = np.clip(x[:, :, 2] + c, 0, 1)
        return np.clip(skimage.color.hsv2rgb(x), 0, 1) * 255
    if name == "saturate":
        x = skimage.color.rgb2hsv(x)
        x[:, :, 1] = np.clip(x[:, :, 1] * c[0] + c[1], 0, 1)
        return np.clip(skimage.color.hsv2rgb(x), 0, 1) * 255
    if name == "contrast":
        means = np.mean(x, axis=(0, 1), keepdims=True)
        return np.clip((x - means) * c + means, 0, 1) * 255
    if name == "pixelate":
        side = int(SIZE * c)
        return np.array(pil.resize((side, side), Image.BOX).resize((SIZE, SIZE), Image.BOX))
    if name == "jpeg_compression":
        output = io.BytesIO()
        pil.save(output, "JPEG", quality=c)
        return np.array(Image.open(output))
    if name == "gaussian_blur":
        x = skimage.filters.gaussian(x, sigma=c, channel_axis=-1)
        return np.clip(x, 0, 1) * 255
    raise ValueError(name)


def encoded(a):
    return base64.b64encode(np.uint8(a).transpose(2, 0, 1).tobytes()).decode()


def dqt_tables(jpeg):
    """The raw DQT payloads (zig-zag order) of a JPEG file."""
    tables = {}
    i = 2
    while i < len(jpeg):
        marker, length = jpeg[i + 1], int.from_bytes(jpeg[i + 2:i + 4], "big")
        if marker == 0xDB:
            j = i + 4
            while j < i + 2 + length:
                tables[jpeg[j] & 15] = list(jpeg[j + 1:j + 65])
                j += 65
        if marker == 0xDA:
            break
        i += 2 + length
    return tables


pil = Image.fromarray(test_image())
out = {"size": SIZE, "image": encoded(test_image()), "cifar": {}, "imagenet": {}, "dqt": {}}
for profile, table in (("cifar", CIFAR), ("imagenet", IMAGENET)):
    for name, params in table.items():
        out[profile][name] = [encoded(corrupt(name, c, pil)) for c in params]
for quality in sorted(set(CIFAR["jpeg_compression"] + IMAGENET["jpeg_compression"] + [85])):
    buffer = io.BytesIO()
    pil.save(buffer, "JPEG", quality=quality)
    out["dqt"][str(quality)] = dqt_tables(buffer.getvalue())
with open("djmix-corruptions/src/test/resources/org/djmix/corruptions/fixtures.json", "w") as f:
    json.dump(out, f)
print("wrote fixtures")

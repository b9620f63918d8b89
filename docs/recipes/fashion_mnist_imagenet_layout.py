"""Writes Fashion-MNIST as an ImageNet-style image folder, for the recorded `imagenet:` run in
docs/results.md: DIR/train/<class>/<n>.JPEG and DIR/val/<class>/<n>.JPEG, grey JPEGs (quality 90)
of varying sizes (each 28x28 image scaled to a random width and height in 40..72 with PIL's bilinear
filter), so that the loader meets what ImageNet gives it: JPEG decoding, grey images, sizes that
differ and aspect ratios that are not square.

  /usr/bin/python3 docs/recipes/fashion_mnist_imagenet_layout.py OUT [TRAIN_PER_CLASS VAL_PER_CLASS]

Reads Debian's dataset-fashion-mnist (/usr/share/datasets/fashion-mnist). Seeded: the same files
every time. Files are written to a temporary name and renamed.
"""
import gzip
import os
import sys

import numpy as np
from PIL import Image

SOURCE = "/usr/share/datasets/fashion-mnist"
CLASSES = ["t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag",
           "ankle-boot"]


def idx(name):
    path = os.path.join(SOURCE, name)
    opener = gzip.open if os.path.exists(path) else open
    if not os.path.exists(path):
        path = path[:-3]
    with opener(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def write(out, split, images, labels, per_class, rng):
    counts = [0] * len(CLASSES)
    for image, label in zip(images, labels):
        if counts[label] >= per_class:
            continue
        folder = os.path.join(out, split, CLASSES[label])
        os.makedirs(folder, exist_ok=True)
        w, h = rng.integers(40, 73, size=2)
        picture = Image.fromarray(image, mode="L").resize((int(w), int(h)), Image.BILINEAR)
        target = os.path.join(folder, "%05d.JPEG" % counts[label])
        picture.save(target + ".tmp", format="JPEG", quality=90)
        os.replace(target + ".tmp", target)
        counts[label] += 1
        if min(counts) >= per_class:
            break


def main(out, train_per_class=1000, val_per_class=200):
    rng = np.random.default_rng(0)
    write(out, "train", idx("train-images-idx3-ubyte.gz"), idx("train-labels-idx1-ubyte.gz"),
          train_per_class, rng)
    write(out, "val", idx("t10k-images-idx3-ubyte.gz"), idx("t10k-labels-idx1-ubyte.gz"),
          val_per_class, rng)


if __name__ == "__main__":
    main(sys.argv[1], *[int(a) for a in sys.argv[2:]])

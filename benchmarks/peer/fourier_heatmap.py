"""PyTorch peer of `djmix fourier`: Yin et al.'s Fourier heat map of a WideResNet, timed.

For every frequency (i, j) of the centred grid (every s-th with --stride), one of each conjugate
pair, each test image is perturbed by r * eps * U(i, j) (U the unit-norm real basis image
cos(2 pi (i u / H + j v / W)), r a random sign per image and channel), clipped to [0, 1],
normalised and classified in batches; the error is counted. The weights and images are random
(the work does not depend on them); the network is wrn_step.py's WideResNet in eval mode.

Run with Debian's python3-torch:
    python3 benchmarks/peer/fourier_heatmap.py --threads 2 --images 500 --stride 2 --channels 1
Prints one JSON line: {"threads": ..., "torch": ..., "frequencies": ..., "seconds": ...}.
"""
import argparse
import json
import math
import time

import torch

from wrn_step import wide_resnet


def basis_image(i, j, size):
    u = torch.arange(size, dtype=torch.float64).view(-1, 1)
    v = torch.arange(size, dtype=torch.float64).view(1, -1)
    image = torch.cos(2 * math.pi * (i * u / size + j * v / size))
    return (image / image.norm()).float()


def representatives(size, stride):
    """The centred frequencies measured: one of each conjugate pair, every stride-th."""
    low = -(size // 2)
    seen = set()
    for i in range(low, low + size, stride):
        for j in range(low, low + size, stride):
            conjugate = ((-i - low) % size + low, (-j - low) % size + low)
            if conjugate in seen:
                continue
            seen.add((i, j))
            yield i, j


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--images", type=int, default=500)
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--stride", type=int, default=1)
    parser.add_argument("--channels", type=int, default=3)
    parser.add_argument("--size", type=int, default=32)
    parser.add_argument("--depth", type=int, default=16)
    parser.add_argument("--epsilon", type=float, default=4.0)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    model = wide_resnet(depth=args.depth, channels=args.channels).eval()
    images = torch.rand(args.images, args.channels, args.size, args.size)
    labels = torch.randint(0, 10, (args.images,))
    frequencies = 0
    start = time.perf_counter()
    with torch.inference_mode():
        for i, j in representatives(args.size, args.stride):
            u = basis_image(i, j, args.size)
            wrong = 0
            for first in range(0, args.images, args.batch):
                x = images[first:first + args.batch]
                signs = torch.randint(0, 2, (x.shape[0], args.channels, 1, 1)) * 2 - 1
                perturbed = (x + signs * args.epsilon * u).clamp(0, 1)
                predicted = model((perturbed - 0.5) / 0.25).argmax(1)
                wrong += int((predicted != labels[first:first + args.batch]).sum())
            frequencies += 1
    seconds = time.perf_counter() - start
    print(json.dumps({"threads": torch.get_num_threads(), "torch": torch.__version__,
                      "frequencies": frequencies, "images": args.images, "seconds": seconds}))


if __name__ == "__main__":
    main()

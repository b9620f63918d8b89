"""What every peer script shares: its command line and the timing of its step."""
import argparse
import json
import time

import torch


def arguments(description, **extra):
    """Parses --threads, --batch, --warmup, --steps and the script's own options (name: kwargs)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--steps", type=int, default=15)
    for name, options in extra.items():
        parser.add_argument("--" + name, **options)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    return args


def report(name, step, args):
    """Runs `step` args.warmup times untimed, then args.steps times, and prints one JSON line:
    {"step": name, "threads": ..., "torch": ..., "ms": [per-step times]}."""
    for _ in range(args.warmup):
        step()
    times = []
    for _ in range(args.steps):
        start = time.perf_counter()
        step()
        times.append((time.perf_counter() - start) * 1000)
    print(json.dumps({"step": name, "threads": torch.get_num_threads(),
                      "torch": torch.__version__, "ms": times}))

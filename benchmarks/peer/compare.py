"""Runs one of our JMH training-step benchmarks and its PyTorch peer back to back, alternating, on the
same thread count, and prints each round's ratio (ours / PyTorch) with the median and the spread.

Steps: baseline and djmix (WRN-28-2 at batch 128, TrainingStepBenchmark / wrn_step.py), vqvae
(the paper's VQ-VAE g at batch 128, VqVaeStepBenchmark / vqvae_step.py), and deeplab-baseline and
deeplab-djmix (DeepLab-v3 ResNet-50 at batch 2 of 513x513, DeepLabStepBenchmark / deeplab_step.py;
seconds per step on a CPU, so fewer steps are timed), and frcnn-baseline and frcnn-djmix (Faster
R-CNN ResNet-50 FPN at batch 2 of 512x512, DetectionStepBenchmark / frcnn_step.py).

Build first (./mvnw -q install -DskipTests), then from the repository root:
  python3 benchmarks/peer/compare.py --step baseline --threads 2 --rounds 3
No environment variable is set for either side: ours runs as a user's JVM would.
Only side-by-side pairs mean something on a shared machine: every round measures both within a
minute or two of each other, in alternating order.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

# the JMH options of the short steps, and the peer's timing of them
SHORT_JMH = ["-p", "batch=128", "-wi", "1", "-w", "10s", "-i", "3", "-r", "10s"]
SHORT_PEER = ["--batch", "128", "--warmup", "5", "--steps", "15"]
# single-shot iterations for steps of seconds
LONG_JMH = ["-p", "batch=2", "-wi", "1", "-i", "3"]
LONG_PEER = ["--batch", "2", "--warmup", "1", "--steps", "3"]

# step: (our JMH benchmark and its options, the peer script and its arguments)
PEERS = {
    "baseline": (["TrainingStepBenchmark", "-p", "model=wrn-28-2", "-p", "method=baseline"] + SHORT_JMH,
                 ["wrn_step.py", "--step", "baseline"] + SHORT_PEER),
    "djmix": (["TrainingStepBenchmark", "-p", "model=wrn-28-2", "-p", "method=djmix"] + SHORT_JMH,
              ["wrn_step.py", "--step", "djmix"] + SHORT_PEER),
    "vqvae": (["VqVaeStepBenchmark"] + SHORT_JMH, ["vqvae_step.py"] + SHORT_PEER),
    "deeplab-baseline": (["DeepLabStepBenchmark", "-p", "method=baseline"] + LONG_JMH,
                         ["deeplab_step.py", "--step", "baseline"] + LONG_PEER),
    "deeplab-djmix": (["DeepLabStepBenchmark", "-p", "method=djmix"] + LONG_JMH,
                      ["deeplab_step.py", "--step", "djmix"] + LONG_PEER),
    "frcnn-baseline": (["DetectionStepBenchmark", "-p", "method=baseline"] + LONG_JMH,
                       ["frcnn_step.py", "--step", "baseline"] + LONG_PEER),
    "frcnn-djmix": (["DetectionStepBenchmark", "-p", "method=djmix"] + LONG_JMH,
                    ["frcnn_step.py", "--step", "djmix"] + LONG_PEER),
}


def ours(step, threads, jar):
    with tempfile.NamedTemporaryFile(suffix=".json") as result:
        subprocess.run(
            ["java", "-jar", jar] + PEERS[step][0] + ["-f", "1",
             "-jvmArgsAppend",
             "-Dai.djl.offline=true -Dai.djl.pytorch.num_threads=%d"
             " -Dai.djl.pytorch.num_interop_threads=1" % threads,
             "-rf", "json", "-rff", result.name],
            check=True, stdout=subprocess.DEVNULL)
        with open(result.name) as f:
            metric = json.load(f)[0]["primaryMetric"]
        assert metric["scoreUnit"] == "ms/op", metric["scoreUnit"]
        return metric["score"]


def theirs(step, threads, python):
    script, *arguments = PEERS[step][1]
    out = subprocess.run(
        [python, os.path.join(os.path.dirname(__file__), script)] + arguments
        + ["--threads", str(threads)],
        check=True, capture_output=True, text=True).stdout
    return statistics.median(json.loads(out.strip().splitlines()[-1])["ms"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--step", choices=sorted(PEERS), default="baseline")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jar", default="benchmarks/target/benchmarks.jar")
    parser.add_argument("--python", default="/usr/bin/python3",
                        help="a Python with torch (Debian's python3-torch)")
    args = parser.parse_args()
    if not os.path.isfile(args.jar):
        sys.exit("compare.py: %s not found; build it with ./mvnw -q install -DskipTests" % args.jar)
    ratios = []
    print("round  ours ms/step  PyTorch ms/step  ratio   (%s step, %d threads)"
          % (args.step, args.threads))
    for r in range(args.rounds):
        if r % 2 == 0:
            a = ours(args.step, args.threads, args.jar)
            b = theirs(args.step, args.threads, args.python)
        else:
            b = theirs(args.step, args.threads, args.python)
            a = ours(args.step, args.threads, args.jar)
        ratios.append(a / b)
        print("%5d  %12.1f  %15.1f  %5.2f" % (r + 1, a, b, a / b), flush=True)
    print("ratio ours/PyTorch: median %.2f, min %.2f, max %.2f"
          % (statistics.median(ratios), min(ratios), max(ratios)))


if __name__ == "__main__":
    main()

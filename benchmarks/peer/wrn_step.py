"""PyTorch peer of TrainingStepBenchmark: one training step of WRN-28-2 at batch 128 on random
32x32 images, baseline or DJMix (identity g), timed per step.

The network is the one of org.djmix.tasks.classification.WideResNet (pre-activation basic blocks,
16/32/64/128 channels, a 1x1 projection of the pre-activated input where the shape changes); the
step is SGD (lr 0.01, momentum 0.9, weight decay 1e-4) on cross-entropy, plus for DJMix the
Beta(1, 0.5) mixing with g(x) = x, one joint forward pass of 2B images and the Jensen-Shannon term.

Run with Debian's python3-torch:  python3 benchmarks/peer/wrn_step.py --step baseline --threads 2
Prints one JSON line: {"step": ..., "threads": ..., "torch": ..., "ms": [per-step times]}.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

from step_timing import arguments, report


def bn_relu(channels):
    return nn.Sequential(nn.BatchNorm2d(channels), nn.ReLU())


class BasicBlock(nn.Module):
    def __init__(self, inputs, filters, stride):
        super().__init__()
        self.pre = bn_relu(inputs)
        self.body = nn.Sequential(
            nn.Conv2d(inputs, filters, 3, stride, 1, bias=False),
            bn_relu(filters),
            nn.Conv2d(filters, filters, 3, 1, 1, bias=False))
        self.project = None
        if stride != 1 or inputs != filters:
            self.project = nn.Conv2d(inputs, filters, 1, stride, 0, bias=False)

    def forward(self, x):
        a = self.pre(x)
        if self.project is None:
            return x + self.body(a)
        return self.body(a) + self.project(a)


def wide_resnet(depth=28, widen=2, classes=10, channels=3):
    n = (depth - 4) // 6
    layers = [nn.Conv2d(channels, 16, 3, 1, 1, bias=False)]
    inputs = 16
    for stage, filters in enumerate((16 * widen, 32 * widen, 64 * widen)):
        for b in range(n):
            stride = 2 if stage > 0 and b == 0 else 1
            layers.append(BasicBlock(inputs, filters, stride))
            inputs = filters
    layers += [bn_relu(inputs), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(inputs, classes)]
    return nn.Sequential(*layers)


def jensen_shannon(logits_a, logits_b):
    p = F.softmax(logits_a, dim=1)
    q = F.softmax(logits_b, dim=1)
    m = torch.clamp((p + q) / 2, 1e-7, 1).log()
    return (F.kl_div(m, p, reduction="batchmean") + F.kl_div(m, q, reduction="batchmean")) / 2


def main():
    args = arguments(__doc__, step={"choices": ["baseline", "djmix"], "default": "baseline"})
    model = wide_resnet()
    model.train()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4)
    images = torch.rand(args.batch, 3, 32, 32)
    labels = torch.randint(0, 10, (args.batch,))
    beta = torch.distributions.Beta(torch.tensor([1.0]), torch.tensor([0.5]))

    def step():
        optimizer.zero_grad()
        if args.step == "baseline":
            loss = F.cross_entropy(model(images), labels)
        else:
            b = beta.sample((args.batch,)).view(-1, 1, 1, 1)
            discretized = images  # g = identity, as TrainingStepBenchmark's default
            mixed = b * images + (1 - b) * discretized
            logits = model(torch.cat([mixed, images]))
            mixed_logits, clean_logits = logits.split(args.batch)
            loss = F.cross_entropy(mixed_logits, labels) + jensen_shannon(mixed_logits, clean_logits)
        loss.backward()
        optimizer.step()
        return loss.item()

    report(args.step, step, args)


if __name__ == "__main__":
    main()

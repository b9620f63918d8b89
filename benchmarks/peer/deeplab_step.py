"""PyTorch peer of DeepLabStepBenchmark: one training step of torchvision's DeepLab-v3 ResNet-50
(21 classes, auxiliary head, output stride 8) on random 513x513 crops, baseline or DJMix, timed per
step.

The step is SGD (lr 0.01, momentum 0.9, weight decay 1e-4) on the per-pixel cross-entropy (ignore
255) of the upsampled logits plus 0.5 x the auxiliary head's; DJMix adds the Beta(1, 0.5) mixing
with g(x) (the paper's VQ-VAE of vqvae_step.py, random weights, no gradient), one joint forward of
the 2B images and the Jensen-Shannon term on the head's logits before upsampling (per position).

Run with Debian's python3-torch and python3-torchvision:
  python3 benchmarks/peer/deeplab_step.py --step baseline --batch 2 --threads 2
Prints one JSON line: {"step": ..., "threads": ..., "torch": ..., "ms": [per-step times]}.
"""
import torch
import torch.nn.functional as F
from torchvision.models.segmentation import deeplabv3_resnet50

from step_timing import arguments, report
from vqvae_step import VqVae


def jensen_shannon(logits_a, logits_b):
    """JS of the softmaxes over the class axis (1), averaged over images and positions."""
    p = F.softmax(logits_a, dim=1)
    q = F.softmax(logits_b, dim=1)
    m = torch.clamp((p + q) / 2, 1e-7, 1).log()
    kl_p = (p * (torch.clamp(p, 1e-7, 1).log() - m)).sum(1).mean()
    kl_q = (q * (torch.clamp(q, 1e-7, 1).log() - m)).sum(1).mean()
    return (kl_p + kl_q) / 2


def main():
    args = arguments(__doc__, step={"choices": ["baseline", "djmix"], "default": "baseline"},
                     crop={"type": int, "default": 513})
    model = deeplabv3_resnet50(weights=None, weights_backbone=None, num_classes=21, aux_loss=True)
    model.train()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4)
    images = torch.rand(args.batch, 3, args.crop, args.crop)
    labels = torch.randint(0, 21, (args.batch, args.crop, args.crop))
    size = images.shape[-2:]
    g = VqVae().eval()
    beta = torch.distributions.Beta(torch.tensor([1.0]), torch.tensor([0.5]))

    def heads(x):
        features = model.backbone(x)
        logits = model.classifier(features["out"])
        aux = model.aux_classifier(features["aux"])
        return (logits, F.interpolate(logits, size, mode="bilinear", align_corners=False),
                F.interpolate(aux, size, mode="bilinear", align_corners=False))

    def task_loss(out, aux, y):
        return (F.cross_entropy(out, y, ignore_index=255)
                + 0.5 * F.cross_entropy(aux, y, ignore_index=255))

    def step():
        optimizer.zero_grad()
        if args.step == "baseline":
            _, out, aux = heads(images)
            loss = task_loss(out, aux, labels)
        else:
            with torch.no_grad():
                # as VqVaeDiscretizer: pad to a multiple of 4 by repeating the edge, crop back
                extra = -args.crop % 4
                padded = F.pad(images, (0, extra, 0, extra), mode="replicate")
                discretized = g(padded)[0][..., :args.crop, :args.crop].clamp(0, 1)
            b = beta.sample((args.batch,)).view(-1, 1, 1, 1)
            mixed = b * images + (1 - b) * discretized
            logits, out, aux = heads(torch.cat([mixed, images]))
            n = args.batch
            loss = (task_loss(out[:n], aux[:n], labels)
                    + jensen_shannon(logits[:n], logits[n:]))
        loss.backward()
        optimizer.step()
        return loss.item()

    report(args.step, step, args)


if __name__ == "__main__":
    main()

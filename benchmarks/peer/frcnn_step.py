"""PyTorch peer of DetectionStepBenchmark: one training step of torchvision's Faster R-CNN ResNet-50
FPN (21 classes with the background, frozen BatchNorm and 3 trainable stages as when fine-tuning,
images already 512x512 so the transform does not resize) on a batch of random images with three
boxes each, baseline or DJMix, timed per step.

The step is SGD (momentum 0.9, weight decay 1e-4) on the sum of torchvision's four losses, at
learning rate 0 as in DetectionStepBenchmark: with random weights and frozen BatchNorm one real update
makes the next step NaN, so every step runs the same arithmetic on the same finite weights;
DJMix adds the Beta(1, 0.5) mixing with g(x) (the paper's VQ-VAE of vqvae_step.py, random weights,
no gradient), a second pass on the clean images and the Jensen-Shannon term on the backbone's output
(every FPN level, softmax over channels, averaged over positions), as djmix does.

Run with Debian's python3-torch and python3-torchvision:
  python3 benchmarks/peer/frcnn_step.py --step baseline --batch 2 --threads 2
Prints one JSON line: {"step": ..., "threads": ..., "torch": ..., "ms": [per-step times]}.
"""
import torch
from torchvision.models.detection import fasterrcnn_resnet50_fpn
from torchvision.ops import misc

from deeplab_step import jensen_shannon
from step_timing import arguments, report
from vqvae_step import VqVae


def main():
    args = arguments(__doc__, step={"choices": ["baseline", "djmix"], "default": "baseline"},
                     size={"type": int, "default": 512})
    model = fasterrcnn_resnet50_fpn(weights=None, weights_backbone=None, num_classes=21,
                                    min_size=args.size, max_size=args.size,
                                    norm_layer=misc.FrozenBatchNorm2d)
    # without weights torchvision trains every stage; freeze the stem and layer1 as when fine-tuning
    for name, parameter in model.backbone.body.named_parameters():
        if not name.startswith(("layer2", "layer3", "layer4")):
            parameter.requires_grad_(False)
    model.train()
    optimizer = torch.optim.SGD([p for p in model.parameters() if p.requires_grad], lr=0.0,
                                momentum=0.9, weight_decay=1e-4)
    images = torch.rand(args.batch, 3, args.size, args.size)
    targets = []
    for i in range(args.batch):
        boxes = torch.tensor([[40.0 + 140 * j, 60.0 + 100 * j, 130.0 + 140 * j + 20 * i,
                               180.0 + 100 * j] for j in range(3)])
        targets.append({"boxes": boxes, "labels": torch.tensor([(i * 3 + j) % 20 + 1
                                                                 for j in range(3)])})
    g = VqVae().eval()
    beta = torch.distributions.Beta(torch.tensor([1.0]), torch.tensor([0.5]))
    captured = {}
    model.backbone.register_forward_hook(
        lambda module, inputs, output: captured.__setitem__("features", output))

    def backbone_output():
        levels = captured["features"].values()
        return torch.cat([level.flatten(2) for level in levels], 2)

    def step():
        optimizer.zero_grad()
        if args.step == "baseline":
            loss = sum(model(list(images), targets).values())
        else:
            with torch.no_grad():
                discretized = g(images)[0].clamp(0, 1)
            b = beta.sample((args.batch,)).view(-1, 1, 1, 1)
            mixed = b * images + (1 - b) * discretized
            loss = sum(model(list(mixed), targets).values())
            mixed_features = backbone_output()
            model(list(images), targets)
            loss = loss + jensen_shannon(mixed_features, backbone_output())
        loss.backward()
        optimizer.step()
        value = loss.item()
        if not torch.isfinite(loss):
            raise RuntimeError("the step's loss is %s" % value)
        return value

    report(args.step, step, args)


if __name__ == "__main__":
    main()

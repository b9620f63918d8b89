"""PyTorch peer of VqVaeStepBenchmark: one pre-training step of the paper's VQ-VAE g at batch 128 on
random 32x32x3 images, timed per step.

The network is org.djmix.vqvae.VqVae's: encoder conv 4x4/2 to h/2, ReLU, conv 4x4/2 to h, ReLU,
conv 3x3, two residual blocks (ReLU, 3x3 conv to 32, ReLU, 1x1 conv to h) and a ReLU, a 1x1 conv to
D = 64; a vector quantiser of K = 512 codes (nearest code, straight-through gradient, commitment
0.25, EMA update with decay 0.99 and bias correction after each step); the decoder mirrors the
encoder with sub-pixel upsampling (3x3 conv to 4C, pixel_shuffle). The step is Adam (3e-4) on
||g(x) - x||^2 + 0.25 ||z - sg(e)||^2, then the codebook's EMA update.

Run with Debian's python3-torch:  python3 benchmarks/peer/vqvae_step.py --threads 2
Prints one JSON line: {"step": "vqvae", "threads": ..., "torch": ..., "ms": [per-step times]}.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

from step_timing import arguments, report


class Residual(nn.Module):
    def __init__(self, hidden, inner):
        super().__init__()
        self.body = nn.Sequential(nn.ReLU(), nn.Conv2d(hidden, inner, 3, 1, 1), nn.ReLU(),
                                  nn.Conv2d(inner, hidden, 1))

    def forward(self, x):
        return x + self.body(x)


def residual_stack(hidden, inner=32, blocks=2):
    return nn.Sequential(*[Residual(hidden, inner) for _ in range(blocks)], nn.ReLU())


def sub_pixel(inputs, filters):
    return nn.Sequential(nn.Conv2d(inputs, 4 * filters, 3, 1, 1), nn.PixelShuffle(2))


class VqVae(nn.Module):
    def __init__(self, channels=3, hidden=128, dim=64, codes=512, commitment=0.25, decay=0.99):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Conv2d(channels, hidden // 2, 4, 2, 1), nn.ReLU(),
            nn.Conv2d(hidden // 2, hidden, 4, 2, 1), nn.ReLU(),
            nn.Conv2d(hidden, hidden, 3, 1, 1), residual_stack(hidden), nn.Conv2d(hidden, dim, 1))
        self.decoder = nn.Sequential(
            nn.Conv2d(dim, hidden, 3, 1, 1), residual_stack(hidden),
            sub_pixel(hidden, hidden // 2), nn.ReLU(), sub_pixel(hidden // 2, channels))
        self.commitment = commitment
        self.decay = decay
        self.register_buffer("codebook", torch.randn(codes, dim))
        self.register_buffer("cluster_size", torch.zeros(codes))
        self.register_buffer("code_sum", torch.zeros(codes, dim))
        self.updates = 0
        self.pending = None

    def forward(self, x):
        z = self.encoder(x)
        n, d, h, w = z.shape
        flat = z.permute(0, 2, 3, 1).reshape(-1, d)
        distances = (flat.pow(2).sum(1, keepdim=True) - 2 * flat @ self.codebook.t()
                     + self.codebook.pow(2).sum(1))
        indices = distances.argmin(1)
        quantized = self.codebook[indices]
        if self.training:
            one_hot = F.one_hot(indices, self.codebook.shape[0]).float()
            self.pending = (one_hot.sum(0), one_hot.t() @ flat.detach())
        commitment = self.commitment * (flat - quantized.detach()).pow(2).mean()
        quantized = flat + (quantized - flat).detach()
        z_q = quantized.view(n, h, w, d).permute(0, 3, 1, 2)
        return self.decoder(z_q), commitment

    @torch.no_grad()
    def update_codebook(self, epsilon=1e-5):
        counts, sums = self.pending
        self.updates += 1
        self.cluster_size.mul_(self.decay).add_(counts, alpha=1 - self.decay)
        self.code_sum.mul_(self.decay).add_(sums, alpha=1 - self.decay)
        correction = 1 - self.decay ** self.updates
        sizes = self.cluster_size / correction
        total = sizes.sum()
        smoothed = (sizes + epsilon) / (total + self.codebook.shape[0] * epsilon) * total
        self.codebook.copy_(self.code_sum / correction / smoothed.unsqueeze(1))


def main():
    args = arguments(__doc__)
    model = VqVae()
    model.train()
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-4)
    images = torch.rand(args.batch, 3, 32, 32)

    def step():
        optimizer.zero_grad()
        reconstruction, commitment = model(images)
        loss = F.mse_loss(reconstruction, images) + commitment
        loss.backward()
        optimizer.step()
        model.update_codebook()
        return loss.item()

    report("vqvae", step, args)


if __name__ == "__main__":
    main()

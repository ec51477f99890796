#!/usr/bin/env python3
"""PyTorch half of the whole-model benchmark: the lesson's four models.

Cases (the contract shared with lit-bench; compare.py reads MODEL_CASES without
importing torch, so it must stay a plain literal):
    lenet-builtin-bn, lenet-scratch-bn   LeNet with BatchNorm (torch_train.py's)
    resnet18                             d2l's ResNet-18 on 1×28×28 images
    densenet                             d2l's DenseNet on 1×96×96 images
    NAME-eval-16, NAME-eval-256          evaluation of NAME at batch 16 and 256

A training case is one step of d2l's train_ch5 at batch 16: forward,
cross-entropy, zero_grad, backward, Adam lr 0.001, the loss value and the
correct count. An evaluation case is one batch of d2l's evaluate_accuracy: eval
mode, no_grad, argmax against the labels. Images are uniform in [0, 1); the
values do not change the work.

Prints one JSON object per case:
    {"case": NAME, "ms": MEDIAN_MS, "gflop": GFLOP, "images": N, "peak_rss_mb": MB}
where GFLOP counts every convolution and linear layer as a direct computation
does (2 FLOPs per multiply-add); a training step adds the weight gradient of
every layer and the input gradient of every layer but the first. peak_rss_mb
is the process's peak so far: compare.py runs one case per process.
"""

import json
import resource
import sys
import warnings

# The PyPI wheel warns at import when NumPy is absent; NumPy is not needed here.
warnings.filterwarnings("ignore", message="Failed to initialize NumPy")

import torch  # noqa: E402
from torch import nn  # noqa: E402
from torch.nn import functional as F  # noqa: E402

from torch_ops import check_timing_args, timing_parser  # noqa: E402
from torch_train import (lenet_builtin_bn, lenet_scratch_bn,  # noqa: E402
                         median_step_ms, train_step)

BATCH = 16
SEED = 0
LR = 0.001
EVAL_BATCHES = (16, 256)
# Batches in the timing pool.
POOL_BATCHES = 4

MODEL_CASES = [
    "lenet-builtin-bn", "lenet-scratch-bn", "resnet18", "densenet",
    "lenet-builtin-bn-eval-16", "lenet-builtin-bn-eval-256",
    "lenet-scratch-bn-eval-16", "lenet-scratch-bn-eval-256",
    "resnet18-eval-16", "resnet18-eval-256",
    "densenet-eval-16", "densenet-eval-256",
]


# ---------------------------------------------------------------------------
# The lesson's ResNet and DenseNet (d2l), as the seed writes them.

class Residual(nn.Module):
    def __init__(self, input_channels, num_channels, use_1x1conv=False,
                 strides=1):
        super().__init__()
        self.conv1 = nn.Conv2d(input_channels, num_channels, kernel_size=3,
                               padding=1, stride=strides)
        self.conv2 = nn.Conv2d(num_channels, num_channels, kernel_size=3,
                               padding=1)
        self.conv3 = (nn.Conv2d(input_channels, num_channels, kernel_size=1,
                                stride=strides) if use_1x1conv else None)
        self.bn1 = nn.BatchNorm2d(num_channels)
        self.bn2 = nn.BatchNorm2d(num_channels)

    def forward(self, X):
        Y = F.relu(self.bn1(self.conv1(X)))
        Y = self.bn2(self.conv2(Y))
        if self.conv3:
            X = self.conv3(X)
        return F.relu(Y + X)


def resnet_block(input_channels, num_channels, num_residuals,
                 first_block=False):
    blk = []
    for i in range(num_residuals):
        if i == 0 and not first_block:
            blk.append(Residual(input_channels, num_channels,
                                use_1x1conv=True, strides=2))
        else:
            blk.append(Residual(num_channels, num_channels))
    return nn.Sequential(*blk)


def stem():
    return [nn.Conv2d(1, 64, kernel_size=7, stride=2, padding=3),
            nn.BatchNorm2d(64), nn.ReLU(),
            nn.MaxPool2d(kernel_size=3, stride=2, padding=1)]


def resnet18():
    return nn.Sequential(
        *stem(),
        resnet_block(64, 64, 2, first_block=True), resnet_block(64, 128, 2),
        resnet_block(128, 256, 2), resnet_block(256, 512, 2),
        nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten(), nn.Linear(512, 10))


def conv_block(input_channels, num_channels):
    return nn.Sequential(
        nn.BatchNorm2d(input_channels), nn.ReLU(),
        nn.Conv2d(input_channels, num_channels, kernel_size=3, padding=1))


class DenseBlock(nn.Module):
    def __init__(self, num_convs, input_channels, num_channels):
        super().__init__()
        self.net = nn.Sequential(*[
            conv_block(num_channels * i + input_channels, num_channels)
            for i in range(num_convs)])

    def forward(self, X):
        for blk in self.net:
            X = torch.cat((X, blk(X)), dim=1)
        return X


def transition_block(input_channels, num_channels):
    return nn.Sequential(
        nn.BatchNorm2d(input_channels), nn.ReLU(),
        nn.Conv2d(input_channels, num_channels, kernel_size=1),
        nn.AvgPool2d(kernel_size=2, stride=2))


def densenet():
    layers = stem()
    num_channels, growth_rate = 64, 32
    convs_in_blocks = [4, 4, 4, 4]
    for i, num_convs in enumerate(convs_in_blocks):
        layers.append(DenseBlock(num_convs, num_channels, growth_rate))
        num_channels += num_convs * growth_rate
        if i != len(convs_in_blocks) - 1:
            layers.append(transition_block(num_channels, num_channels // 2))
            num_channels //= 2
    return nn.Sequential(
        *layers, nn.BatchNorm2d(num_channels), nn.ReLU(),
        nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten(),
        nn.Linear(num_channels, 10))


# (builder, input size) per model.
MODELS = {
    "lenet-builtin-bn": (lenet_builtin_bn, 28),
    "lenet-scratch-bn": (lenet_scratch_bn, 28),
    "resnet18": (resnet18, 28),
    "densenet": (densenet, 96),
}


def forward_flops(net, size, batch):
    """FLOPs of one forward pass, and of the first layer alone, counted as a
    direct convolution or matrix product does."""
    counts = []

    def hook(module, inputs, output):
        if isinstance(module, nn.Conv2d):
            k = module.kernel_size[0] * module.kernel_size[1]
            counts.append(2 * output.numel() * module.in_channels // module.groups * k)
        elif isinstance(module, nn.Linear):
            counts.append(2 * output.numel() * module.in_features)

    handles = [m.register_forward_hook(hook) for m in net.modules()
               if isinstance(m, (nn.Conv2d, nn.Linear))]
    was_training = net.training
    net.eval()
    with torch.no_grad():
        net(torch.rand(batch, 1, size, size))
    net.train(was_training)
    for handle in handles:
        handle.remove()
    return sum(counts), counts[0]


def parse(name):
    """(model, evaluation batch or None)."""
    for batch in EVAL_BATCHES:
        suffix = f"-eval-{batch}"
        if name.endswith(suffix):
            return name.removesuffix(suffix), batch
    return name, None


def time_case(name, iterations, warmup, pause_ms):
    model, eval_batch = parse(name)
    build, size = MODELS[model]
    torch.manual_seed(SEED)
    net = build()
    batch = eval_batch or BATCH
    generator = torch.Generator().manual_seed(SEED)
    pool = [(torch.rand(batch, 1, size, size, generator=generator),
             torch.randint(0, 10, (batch,), generator=generator))
            for _ in range(POOL_BATCHES if eval_batch != 256 else 2)]
    total, first = forward_flops(net, size, batch)
    if eval_batch:
        net.eval()
        gflop = total / 1e9

        def step(X, y):  # one batch of d2l's evaluate_accuracy
            (net(X).argmax(dim=1) == y).float().sum().item()
    else:
        loss = nn.CrossEntropyLoss()
        optimizer = torch.optim.Adam(net.parameters(), lr=LR)
        gflop = (3 * total - first) / 1e9

        def step(X, y):
            train_step(net, loss, optimizer, X, y)

    ms = median_step_ms(step, pool, iterations, warmup, pause_ms,
                        grad=not eval_batch)
    return ms, gflop, batch


def main(argv=None):
    parser = timing_parser(__doc__.splitlines()[0])
    args = parser.parse_args(argv)
    check_timing_args(parser, args)
    names = [n for n in args.cases.split(",") if n] or MODEL_CASES
    unknown = [n for n in names if n not in MODEL_CASES]
    if unknown:
        sys.exit(f"torch_models.py: unknown case(s): {', '.join(unknown)}")
    torch.set_num_threads(args.threads)
    for name in names:
        ms, gflop, images = time_case(name, args.iterations, args.warmup,
                                      args.pause_ms)
        kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps({"case": name, "ms": round(ms, 6),
                          "gflop": round(gflop, 9), "images": images,
                          "peak_rss_mb": round(kib / 1024, 1)}), flush=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""PyTorch half of the litrun training benchmark: the seed's LeNet with BatchNorm.

Two variants of the lesson's network (d2l, "batch normalisation"):
    lenet-scratch-bn   the lesson's own batch_norm function and BatchNorm module
    lenet-builtin-bn   the lesson's concise version, nn.BatchNorm2d / nn.BatchNorm1d

Timing mode (default), the same interface as torch_ops.py. Cases:
    lenet-scratch-bn, lenet-builtin-bn            one training step on a batch of 16
                                                  (forward, cross-entropy, zero_grad,
                                                  backward, Adam lr 0.001 step, and
                                                  the loss value and correct count
                                                  that d2l's train_ch5 accumulates)
    lenet-scratch-bn-eval, lenet-builtin-bn-eval  one batch of 16 of d2l's
                                                  evaluate_accuracy: forward in eval
                                                  mode under no_grad, count correct
Prints one JSON object per line:
    {"case": NAME, "ms": MEDIAN_MS, "gflop": GFLOP_PER_ITERATION, "images": 16}

Full-run mode (--full-run): the seed's training, d2l's train_ch5 with batch 16,
Adam lr 0.001, the 60,000 training images reshuffled every epoch and the 10,000
test images, printing one Markdown row per epoch and the process's peak RSS.

Case names are the contract shared with the Swift side (lit-bench); compare.py
reads TRAIN_CASES from this file without importing torch, so it must stay a
plain literal.
"""

import gzip
import json
import os
import resource
import statistics
import sys
import time
import warnings
from pathlib import Path

# The PyPI wheel warns at import when NumPy is absent; NumPy is not needed here.
warnings.filterwarnings("ignore", message="Failed to initialize NumPy")

import torch  # noqa: E402
from torch import nn  # noqa: E402

from torch_ops import check_timing_args, timing_parser  # noqa: E402

BATCH = 16
SEED = 0
LR = 0.001
# Batches in the timing pool: the first POOL_BATCHES * BATCH training images.
POOL_BATCHES = 8
DEFAULT_DATA = "/usr/share/datasets/fashion-mnist"

TRAIN_CASES = [
    "lenet-scratch-bn",
    "lenet-builtin-bn",
    "lenet-scratch-bn-eval",
    "lenet-builtin-bn-eval",
]
EVAL_SUFFIX = "-eval"


# ---------------------------------------------------------------------------
# The lesson's code (d2l), kept as close to the seed as the benchmark allows.

def batch_norm(is_training, X, gamma, beta, moving_mean, moving_var, eps,
               momentum):
    if not is_training:
        X_hat = (X - moving_mean) / torch.sqrt(moving_var + eps)
    else:
        assert len(X.shape) in (2, 4)
        if len(X.shape) == 2:
            mean = X.mean(dim=0)
            var = ((X - mean) ** 2).mean(dim=0)
        else:
            mean = X.mean(dim=0, keepdim=True).mean(
                dim=2, keepdim=True).mean(dim=3, keepdim=True)
            var = ((X - mean) ** 2).mean(dim=0, keepdim=True).mean(
                dim=2, keepdim=True).mean(dim=3, keepdim=True)
        X_hat = (X - mean) / torch.sqrt(var + eps)
        moving_mean = momentum * moving_mean + (1.0 - momentum) * mean
        moving_var = momentum * moving_var + (1.0 - momentum) * var
    Y = gamma * X_hat + beta
    # The one change from the lesson's listing: the moving statistics are
    # detached, as in the seed's Swift listing and in d2l's later editions.
    # Without it each step's moving_mean keeps the previous step's autograd
    # graph alive, so the graph chain (and the process's memory) grows with
    # every step. The values are the same either way.
    return Y, moving_mean.detach(), moving_var.detach()


class BatchNorm(nn.Module):
    def __init__(self, num_features, num_dims):
        super(BatchNorm, self).__init__()
        if num_dims == 2:
            shape = (1, num_features)
        else:
            shape = (1, num_features, 1, 1)
        self.gamma = nn.Parameter(torch.ones(shape))
        self.beta = nn.Parameter(torch.zeros(shape))
        self.moving_mean = torch.zeros(shape)
        self.moving_var = torch.zeros(shape)

    def forward(self, X):
        Y, self.moving_mean, self.moving_var = batch_norm(
            self.training, X, self.gamma, self.beta, self.moving_mean,
            self.moving_var, eps=1e-5, momentum=0.9)
        return Y


def lenet_scratch_bn():
    return nn.Sequential(
        nn.Conv2d(1, 6, 5), BatchNorm(6, num_dims=4), nn.Sigmoid(),
        nn.MaxPool2d(2, 2),
        nn.Conv2d(6, 16, 5), BatchNorm(16, num_dims=4), nn.Sigmoid(),
        nn.MaxPool2d(2, 2),
        nn.Flatten(),  # d2l.FlattenLayer: x.view(x.shape[0], -1)
        nn.Linear(16 * 4 * 4, 120), BatchNorm(120, num_dims=2), nn.Sigmoid(),
        nn.Linear(120, 84), BatchNorm(84, num_dims=2), nn.Sigmoid(),
        nn.Linear(84, 10))


def lenet_builtin_bn():
    return nn.Sequential(
        nn.Conv2d(1, 6, 5), nn.BatchNorm2d(6), nn.Sigmoid(),
        nn.MaxPool2d(2, 2),
        nn.Conv2d(6, 16, 5), nn.BatchNorm2d(16), nn.Sigmoid(),
        nn.MaxPool2d(2, 2),
        nn.Flatten(),
        nn.Linear(16 * 4 * 4, 120), nn.BatchNorm1d(120), nn.Sigmoid(),
        nn.Linear(120, 84), nn.BatchNorm1d(84), nn.Sigmoid(),
        nn.Linear(84, 10))


MODELS = {"lenet-scratch-bn": lenet_scratch_bn,
          "lenet-builtin-bn": lenet_builtin_bn}


def lenet_gflop(batch, training):
    """Convolution and matrix-product GFLOP of one LeNet pass over `batch` images.

    Forward: 2 * MACs. Training adds the weight gradient of every layer and the
    input gradient of every layer but the first (whose input needs none), each
    as large as the forward product.
    """
    # (MACs per image) for conv1, conv2, fc1, fc2, fc3.
    macs = [6 * 24 * 24 * 1 * 5 * 5, 16 * 8 * 8 * 6 * 5 * 5,
            256 * 120, 120 * 84, 84 * 10]
    forward = sum(2 * batch * m for m in macs)
    if not training:
        return forward / 1e9
    return (3 * forward - 2 * batch * macs[0]) / 1e9


# ---------------------------------------------------------------------------
# Data: Fashion-MNIST IDX files, read with gzip alone (no torchvision, no NumPy).

def data_dir(option):
    return Path(option or os.environ.get("LIT_DATA") or DEFAULT_DATA)


def read_idx(path, magic, header):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    found = int.from_bytes(raw[0:4], "big")
    if found != magic:
        sys.exit(f"torch_train.py: {path} is not an IDX file "
                 f"(magic {found}, expected {magic})")
    dims = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big")
            for i in range(header)]
    data = torch.frombuffer(bytearray(raw), dtype=torch.uint8,
                            offset=4 + 4 * header)
    return data.reshape(dims)


def load_split(directory, split):
    """(images uint8 [N, 1, 28, 28], labels int64 [N]) of 'train' or 't10k'."""
    images = read_idx(directory / f"{split}-images-idx3-ubyte.gz", 2051, 3)
    labels = read_idx(directory / f"{split}-labels-idx1-ubyte.gz", 2049, 1)
    return images.unsqueeze(1), labels.long()


def have_data(directory):
    return all((directory / f"{s}-{k}-ubyte.gz").is_file()
               for s in ("train", "t10k")
               for k in ("images-idx3", "labels-idx1"))


def to_float(images):
    """ToTensor: uint8 pixels to float32 in [0, 1]."""
    return images.float().div_(255)


def timing_pool(directory):
    """POOL_BATCHES fixed (X, y) batches: the first training images, or random."""
    count = POOL_BATCHES * BATCH
    if have_data(directory):
        images, labels = load_split(directory, "train")
        X, y = to_float(images[:count]), labels[:count].clone()
        source = f"the first {count} Fashion-MNIST training images"
    else:
        generator = torch.Generator().manual_seed(SEED)
        X = torch.rand(count, 1, 28, 28, generator=generator)
        y = torch.randint(0, 10, (count,), generator=generator)
        source = (f"{count} random images (Fashion-MNIST not found in "
                  f"{directory})")
    print(f"torch_train.py: timing on {source}", file=sys.stderr)
    return list(zip(X.split(BATCH), y.split(BATCH)))


# ---------------------------------------------------------------------------
# Timing mode.

def train_step(net, loss, optimizer, X, y):
    """One iteration of d2l's train_ch5 loop: returns the batch's mean loss
    and its number of correct predictions, which the loop accumulates."""
    y_hat = net(X)
    l = loss(y_hat, y)
    optimizer.zero_grad()
    l.backward()
    optimizer.step()
    return l.item(), (y_hat.argmax(dim=1) == y).sum().item()


def time_case(name, pool, iterations, warmup, pause_ms):
    """Median wall time in ms of `iterations` individually timed steps, each on
    the next batch of the pool and after `pause_ms` of idling (untimed)."""
    evaluating = name.endswith(EVAL_SUFFIX)
    torch.manual_seed(SEED)
    net = MODELS[name.removesuffix(EVAL_SUFFIX)]()
    loss = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(net.parameters(), lr=LR)
    if evaluating:
        # One untimed pass of training over the pool, so that the moving
        # statistics the eval forward uses are real ones.
        for X, y in pool:
            train_step(net, loss, optimizer, X, y)
        net.eval()

        def step(X, y):  # one batch of d2l's evaluate_accuracy
            (net(X).argmax(dim=1) == y).float().sum().item()
    else:
        def step(X, y):
            train_step(net, loss, optimizer, X, y)

    ms = median_step_ms(step, pool, iterations, warmup, pause_ms,
                        grad=not evaluating)
    return ms, lenet_gflop(BATCH, not evaluating)


def median_step_ms(step, pool, iterations, warmup, pause_ms, grad):
    """Median wall time in ms of `iterations` individually timed calls of
    step(X, y), each on the next batch of the pool and after `pause_ms` of
    idling (untimed), after `warmup` untimed ones. Evaluation (grad=False)
    runs under no_grad, entered once as d2l's evaluate_accuracy does."""
    samples = []
    with torch.set_grad_enabled(grad):
        for i in range(warmup + iterations):
            X, y = pool[i % len(pool)]
            if pause_ms:
                time.sleep(pause_ms / 1e3)
            start = time.perf_counter()
            step(X, y)
            if i >= warmup:
                samples.append((time.perf_counter() - start) * 1e3)
    return statistics.median(samples)


# ---------------------------------------------------------------------------
# Full-run mode: d2l's train_ch5.

def evaluate_accuracy(net, images, labels):
    acc_sum, n = 0.0, 0
    net.eval()
    with torch.no_grad():
        for X, y in zip(images.split(BATCH), labels.split(BATCH)):
            acc_sum += (net(to_float(X)).argmax(dim=1) == y).float().sum().item()
            n += y.shape[0]
    net.train()
    return acc_sum / n


def full_run(name, directory, epochs, progress=0):
    if not have_data(directory):
        sys.exit(f"torch_train.py: Fashion-MNIST not found in {directory} "
                 "(install Debian's dataset-fashion-mnist package, or pass "
                 "--data / set LIT_DATA)")
    train_images, train_labels = load_split(directory, "train")
    test_images, test_labels = load_split(directory, "t10k")
    torch.manual_seed(SEED)
    net = MODELS[name]()
    print(f"## {name}: batch {BATCH}, Adam lr {LR}, {epochs} epoch{'s' if epochs != 1 else ''}, "
          f"{len(train_labels)} training / {len(test_labels)} test images, "
          f"{torch.get_num_threads()} threads\n", flush=True)
    print("| epoch | loss | train acc | test acc | train s | test s "
          "| epoch s | train images/s |", flush=True)
    print("|---:|---:|---:|---:|---:|---:|---:|---:|", flush=True)
    loss = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(net.parameters(), lr=LR)
    count = len(train_labels)
    for epoch in range(epochs):
        start = time.perf_counter()
        order = torch.randperm(count)  # DataLoader(shuffle=True)
        train_l_sum, train_acc_sum, n = 0.0, 0.0, 0
        batches = order.split(BATCH)
        for index, batch in enumerate(batches):
            X, y = to_float(train_images[batch]), train_labels[batch]
            l, correct = train_step(net, loss, optimizer, X, y)
            train_l_sum += l * y.shape[0]
            train_acc_sum += correct
            n += y.shape[0]
            if progress and (index + 1) % progress == 0:
                print(f"torch_train.py: {name} epoch {epoch + 1}: "
                      f"{index + 1}/{len(batches)} batches, "
                      f"{time.perf_counter() - start:.0f} s", file=sys.stderr,
                      flush=True)
        trained = time.perf_counter()
        test_acc = evaluate_accuracy(net, test_images, test_labels)
        done = time.perf_counter()
        print(f"| {epoch + 1} | {train_l_sum / n:.4f} | {train_acc_sum / n:.4f} "
              f"| {test_acc:.4f} | {trained - start:.1f} | {done - trained:.1f} "
              f"| {done - start:.1f} | {n / (trained - start):.0f} |",
              flush=True)
    print()


def peak_rss_line():
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return (f"peak RSS: {kib / 1024:.0f} MiB (ru_maxrss {kib} KiB, before "
            "the interpreter's shutdown)")


# ---------------------------------------------------------------------------

def parse_args(argv):
    parser = timing_parser(__doc__.splitlines()[0],
                           cases_help="comma-separated case names (default: all; "
                                      "with --full-run: the training cases, the "
                                      "lesson's order)")
    parser.add_argument("--full-run", action="store_true",
                        help="train on the whole data set as the seed does")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--progress", type=int, default=0, metavar="N",
                        help="with --full-run: report on stderr every N "
                             "batches")
    parser.add_argument("--data", default="",
                        help="Fashion-MNIST directory (default: $LIT_DATA, "
                             f"then {DEFAULT_DATA})")
    args = parser.parse_args(argv)
    check_timing_args(parser, args)
    if args.epochs < 1:
        parser.error("--epochs must be >= 1")
    return args


def main(argv=None):
    args = parse_args(argv)
    known = ([n for n in TRAIN_CASES if not n.endswith(EVAL_SUFFIX)]
             if args.full_run else TRAIN_CASES)
    names = [n for n in args.cases.split(",") if n] or known
    unknown = [n for n in names if n not in known]
    if unknown:
        sys.exit(f"torch_train.py: unknown case(s): {', '.join(unknown)}")
    torch.set_num_threads(args.threads)
    directory = data_dir(args.data)
    if args.full_run:
        for name in names:
            full_run(name, directory, args.epochs, args.progress)
        print(peak_rss_line(), flush=True)
        return
    pool = timing_pool(directory)
    for name in names:
        ms, gflop = time_case(name, pool, args.iterations, args.warmup,
                              args.pause_ms)
        print(json.dumps({"case": name, "ms": round(ms, 6),
                          "gflop": round(gflop, 9), "images": BATCH}),
              flush=True)


if __name__ == "__main__":
    main()

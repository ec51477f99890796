#!/usr/bin/env python3
"""PyTorch half of the litrun micro-benchmark.

Runs each case on the CPU in float32 and prints one JSON object per line:
    {"case": NAME, "ms": MEDIAN_MS, "gflop": GFLOP_PER_ITERATION_OR_0}

Case names are the contract shared with the Swift side (lit-bench); keep them
in sync. compare.py reads CONV_SHAPES from this file (without importing torch)
to group the 3x3 convolutions, so it must stay a plain literal.
"""

import argparse
import json
import statistics
import sys
import time
import warnings

# The PyPI wheel warns at import when NumPy is absent; NumPy is not needed here.
warnings.filterwarnings("ignore", message="Failed to initialize NumPy")

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

BATCH = 16
SEED = 0

# (tag, Cin, H (= W), Cout, k, stride, pad); batch is BATCH for all of them.
CONV_SHAPES = [
    # LeNet
    ("lenet-c1", 1, 28, 6, 5, 1, 0),
    ("lenet-c2", 6, 12, 16, 5, 1, 0),
    # ResNet-18 on a 28x28 input
    ("resnet-stem7x7", 1, 28, 64, 7, 2, 3),
    ("resnet-64-7x7", 64, 7, 64, 3, 1, 1),
    ("resnet-64to128-s2", 64, 7, 128, 3, 2, 1),
    ("resnet-128-4x4", 128, 4, 128, 3, 1, 1),
    ("resnet-128to256-s2", 128, 4, 256, 3, 2, 1),
    ("resnet-256-2x2", 256, 2, 256, 3, 1, 1),
    ("resnet-256to512-s2", 256, 2, 512, 3, 2, 1),
    ("resnet-512-1x1", 512, 1, 512, 3, 1, 1),
    ("resnet-1x1-64to128-s2", 64, 7, 128, 1, 2, 0),
    # DenseNet on a 96x96 input
    ("densenet-stem7x7", 1, 96, 64, 7, 2, 3),
    ("densenet-b1-64", 64, 24, 32, 3, 1, 1),
    ("densenet-b1-160", 160, 24, 32, 3, 1, 1),
    ("densenet-b2-96", 96, 12, 32, 3, 1, 1),
    ("densenet-b2-192", 192, 12, 32, 3, 1, 1),
    ("densenet-b3-208", 208, 6, 32, 3, 1, 1),
    ("densenet-b4-216", 216, 3, 32, 3, 1, 1),
    ("densenet-trans1x1-192", 192, 24, 96, 1, 1, 0),
]

EW_SHAPE = (BATCH, 64, 24, 24)

BATCH_NORM_SHAPES = {
    "bn-lenet-c1": (BATCH, 6, 24, 24),
    "bn-lenet-c2": (BATCH, 16, 8, 8),
    "bn-lenet-fc": (BATCH, 120),
    "bn-resnet-64": (BATCH, 64, 28, 28),
}

# The seed's LeNet (28x28 input, first convolution padded): about 62k values
# in 10 tensors.
LENET_PARAMETER_SHAPES = [(6, 1, 5, 5), (6,), (16, 6, 5, 5), (16,), (120, 400),
                          (120,), (84, 120), (84,), (10, 84), (10,)]


def no_prepare():
    pass


def clear_grads(*tensors):
    def prepare():
        for t in tensors:
            t.grad = None
    return prepare


def conv_case(cin, hw, cout, k, stride, pad):
    """Convolution forward + backward. Returns (prepare, step, gflop)."""
    x = torch.randn(BATCH, cin, hw, hw, requires_grad=True)
    w = (torch.randn(cout, cin, k, k) * (cin * k * k) ** -0.5).requires_grad_()
    b = torch.randn(cout, requires_grad=True)
    out_hw = (hw + 2 * pad - k) // stride + 1
    gy = torch.randn(BATCH, cout, out_hw, out_hw)

    def step():
        y = F.conv2d(x, w, b, stride, pad)
        y.backward(gy)

    gflop = 3 * 2 * BATCH * cout * out_hw * out_hw * cin * k * k / 1e9
    return clear_grads(x, w, b), step, gflop


def unary_case(op, positive=False):
    a = torch.rand(EW_SHAPE) + 0.1 if positive else torch.randn(EW_SHAPE)
    return no_prepare, lambda: op(a), 0.0


def binary_case(op, b_shape=EW_SHAPE):
    a = torch.randn(EW_SHAPE)
    b = torch.randn(b_shape)
    return no_prepare, lambda: op(a, b), 0.0


def small_binary_case(op, shape=(BATCH, 120)):
    a = torch.randn(shape)
    b = torch.randn(shape)
    return no_prepare, lambda: op(a, b), 0.0


def matmul_case(m, k, n):
    a = torch.randn(m, k)
    b = torch.randn(k, n)
    return no_prepare, lambda: a @ b, 2 * m * n * k / 1e9


def pool_case(pool, shape, **kwargs):
    x = torch.randn(shape, requires_grad=True)
    with torch.no_grad():
        gy = torch.randn(pool(x, **kwargs).shape)

    def step():
        pool(x, **kwargs).backward(gy)

    return clear_grads(x), step, 0.0


def softmax_ce_case(batch=BATCH, classes=10):
    logits = torch.randn(batch, classes, requires_grad=True)
    labels = torch.randint(0, classes, (batch,))

    def step():
        F.cross_entropy(logits, labels).backward()

    return clear_grads(logits), step, 0.0


def batch_norm_case(shape):
    """Training-mode batch norm forward + backward (as BatchNorm1d/2d run it)."""
    channels = shape[1]
    x = torch.randn(shape, requires_grad=True)
    w = torch.ones(channels, requires_grad=True)
    b = torch.zeros(channels, requires_grad=True)
    running_mean, running_var = torch.zeros(channels), torch.ones(channels)
    gy = torch.randn(shape)

    def step():
        F.batch_norm(x, running_mean, running_var, w, b, training=True,
                     momentum=0.1, eps=1e-5).backward(gy)

    return clear_grads(x, w, b), step, 0.0


def linear_case(rows, in_features, out_features):
    x = torch.randn(rows, in_features, requires_grad=True)
    w = torch.randn(out_features, in_features, requires_grad=True)
    b = torch.randn(out_features, requires_grad=True)
    gy = torch.randn(rows, out_features)

    def step():
        F.linear(x, w, b).backward(gy)

    return (clear_grads(x, w, b), step,
            3 * 2 * rows * in_features * out_features / 1e9)


def optimizer_case(make):
    """One optimizer step over LeNet-sized parameters with fixed gradients."""
    params = [torch.randn(s, requires_grad=True) for s in LENET_PARAMETER_SHAPES]
    for p in params:
        p.grad = torch.randn(p.shape)
    return no_prepare, make(params).step, 0.0


def case_builders():
    """Ordered mapping name -> zero-argument builder of (prepare, step, gflop)."""
    builders = {}
    for tag, cin, hw, cout, k, stride, pad in CONV_SHAPES:
        builders[f"conv-{tag}"] = (
            lambda s=(cin, hw, cout, k, stride, pad): conv_case(*s))
    builders.update({
        "ew-add": lambda: binary_case(lambda a, b: a + b),
        "ew-mul": lambda: binary_case(lambda a, b: a * b),
        "ew-add-bcast": lambda: binary_case(lambda a, c: a + c, (1, 64, 1, 1)),
        "ew-scalar-mul": lambda: unary_case(lambda a: a * 0.5),
        "ew-relu": lambda: unary_case(torch.relu),
        "ew-exp": lambda: unary_case(torch.exp),
        "ew-log": lambda: unary_case(torch.log, positive=True),
        "ew-sigmoid": lambda: unary_case(torch.sigmoid),
        "ew-tanh": lambda: unary_case(torch.tanh),
        "ew-sqrt": lambda: unary_case(torch.sqrt, positive=True),
        "ew-square": lambda: unary_case(lambda a: a.square()),
        # Per-operation overhead at LeNet's fully connected size.
        "overhead-add-16x120": lambda: small_binary_case(lambda a, b: a + b),
        "red-sum": lambda: unary_case(lambda a: a.sum()),
        "red-mean-nhw": lambda: unary_case(
            lambda a: a.mean(dim=(0, 2, 3), keepdim=True)),
        "red-sum-dim3": lambda: unary_case(lambda a: a.sum(dim=3)),
        "red-max-dim1": lambda: unary_case(lambda a: a.max(dim=1).values),
        "red-argmax-dim1": lambda: unary_case(lambda a: a.argmax(dim=1)),
        "matmul-256": lambda: matmul_case(256, 256, 256),
        "matmul-lenet-fc": lambda: matmul_case(16, 256, 120),
        "pool-max2-lenet": lambda: pool_case(
            F.max_pool2d, (BATCH, 6, 24, 24), kernel_size=2, stride=2),
        "pool-max3s2p1-resnet": lambda: pool_case(
            F.max_pool2d, (BATCH, 64, 14, 14), kernel_size=3, stride=2,
            padding=1),
        "pool-avg2-densenet": lambda: pool_case(
            F.avg_pool2d, (BATCH, 192, 24, 24), kernel_size=2, stride=2),
        "softmax-ce": softmax_ce_case,
        "linear-lenet-fc": lambda: linear_case(BATCH, 256, 120),
        "adam-lenet": lambda: optimizer_case(
            lambda ps: torch.optim.Adam(ps, lr=1e-3)),
        "sgd-momentum-lenet": lambda: optimizer_case(
            lambda ps: torch.optim.SGD(ps, lr=0.01, momentum=0.9)),
    })
    for name, shape in BATCH_NORM_SHAPES.items():
        builders[name] = lambda s=shape: batch_norm_case(s)
    return builders


def time_case(builder, iterations, warmup, pause_ms=0.0):
    """Median wall time in ms of `iterations` individually timed steps, each after
    `pause_ms` of idling (untimed)."""
    torch.manual_seed(SEED)
    prepare, step, gflop = builder()
    for _ in range(warmup):
        prepare()
        step()
    samples = []
    for _ in range(iterations):
        prepare()
        if pause_ms:
            time.sleep(pause_ms / 1e3)
        start = time.perf_counter()
        step()
        samples.append((time.perf_counter() - start) * 1e3)
    return statistics.median(samples), gflop


def timing_parser(description, cases_help="comma-separated case names (default: all)"):
    """The options both PyTorch sides share with lit-bench."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--iterations", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--pause-ms", type=float, default=0.0)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--cases", default="", help=cases_help)
    return parser


def check_timing_args(parser, args):
    if args.iterations < 1 or args.warmup < 0 or args.threads < 1:
        parser.error("--iterations and --threads must be >= 1, --warmup >= 0")


def parse_args(argv):
    parser = timing_parser(__doc__.splitlines()[0])
    args = parser.parse_args(argv)
    check_timing_args(parser, args)
    return args


def main(argv=None):
    args = parse_args(argv)
    builders = case_builders()
    names = [n for n in args.cases.split(",") if n] or list(builders)
    unknown = [n for n in names if n not in builders]
    if unknown:
        sys.exit(f"torch_ops.py: unknown case(s): {', '.join(unknown)}")
    torch.set_num_threads(args.threads)
    for name in names:
        ms, gflop = time_case(builders[name], args.iterations, args.warmup,
                              args.pause_ms)
        print(json.dumps({"case": name, "ms": round(ms, 6),
                          "gflop": round(gflop, 9)}), flush=True)


if __name__ == "__main__":
    main()

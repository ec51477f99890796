#!/usr/bin/env python3
"""Side-by-side driver: litrun (Swift lit-bench) versus PyTorch on the CPU.

Runs the Swift command and bench/torch_ops.py alternately (A B A B ...) for
--rounds rounds with identical options, takes the per-case median of the
per-round medians, and prints a Markdown table plus geometric means of the
ratio (PyTorch ms / litrun ms; above 1 means litrun is faster) per group.
"""

import argparse
import ast
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
TORCH_SCRIPT = BENCH_DIR / "torch_ops.py"
VENV_PYTHON = BENCH_DIR / ".venv" / "bin" / "python"


def fail(message):
    sys.exit(f"compare.py: {message}")


def conv_kernel_sizes():
    """Case name -> kernel size, read from CONV_SHAPES in torch_ops.py.

    The literal is parsed rather than imported so that this driver does not
    need torch itself.
    """
    tree = ast.parse(TORCH_SCRIPT.read_text(), str(TORCH_SCRIPT))
    for node in tree.body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and getattr(node.targets[0], "id", None) == "CONV_SHAPES"):
            shapes = ast.literal_eval(node.value)
            return {f"conv-{tag}": k for tag, _, _, _, k, _, _ in shapes}
    fail(f"CONV_SHAPES not found in {TORCH_SCRIPT}")


def groups():
    """Ordered (label, predicate on case name) pairs for the summary line."""
    kernels = conv_kernel_sizes()

    def conv3x3(prefix):
        return lambda n: n.startswith(prefix) and kernels.get(n) == 3

    return [
        ("conv-resnet 3x3", conv3x3("conv-resnet-")),
        ("conv-densenet 3x3", conv3x3("conv-densenet-")),
        ("elementwise", lambda n: n.startswith("ew-")),
        ("reductions", lambda n: n.startswith("red-")),
    ]


def run_side(label, cmd, env=None):
    """Run one benchmark command; return {case: (ms, gflop)} from its JSON lines."""
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    except OSError as err:
        fail(f"cannot run {label} command {cmd[0]}: {err}")
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.strip().splitlines()[-20:])
        fail(f"{label} command failed (exit {proc.returncode}): "
             f"{' '.join(cmd)}\n{tail}")
    results = {}
    for line in proc.stdout.splitlines():
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            record = json.loads(line)
            results[record["case"]] = (float(record["ms"]),
                                       float(record.get("gflop", 0) or 0))
        except (ValueError, KeyError, TypeError) as err:
            fail(f"{label} printed a malformed line ({err}): {line}")
    if not results:
        fail(f"{label} command printed no results: {' '.join(cmd)}")
    return results


def resolve_swift(cmd):
    path = shutil.which(cmd)  # a name with a "/" is checked as a path
    if path is None:
        fail(f"Swift benchmark command not found or not executable: {cmd}\n"
             "Build it with: swift build -c release --product lit-bench")
    return path


def collect(args):
    """Alternate Swift and PyTorch runs; return per-side {case: ([ms], gflop)}."""
    options = ["--iterations", str(args.iterations), "--warmup",
               str(args.warmup), "--threads", str(args.threads),
               "--pause-ms", str(args.pause_ms)]
    if args.cases:
        options += ["--cases", args.cases]
    swift_cmd = [resolve_swift(args.swift)] + options
    python = args.python or str(VENV_PYTHON)
    if not os.access(python, os.X_OK):
        fail(f"PyTorch interpreter not found: {python} (run bench/run)")
    torch_cmd = [python, str(TORCH_SCRIPT)] + options
    torch_env = dict(os.environ, OMP_NUM_THREADS=str(args.threads),
                     MKL_NUM_THREADS=str(args.threads))
    sides = {"litrun": {}, "PyTorch": {}}
    for round_index in range(args.rounds):
        print(f"round {round_index + 1}/{args.rounds}", file=sys.stderr)
        for label, cmd, env in (("litrun", swift_cmd, None),
                                ("PyTorch", torch_cmd, torch_env)):
            for case, (ms, gflop) in run_side(label, cmd, env).items():
                samples, _ = sides[label].get(case, ([], 0.0))
                sides[label][case] = (samples + [ms], gflop)
    return {label: {case: (statistics.median(samples), gflop)
                    for case, (samples, gflop) in results.items()}
            for label, results in sides.items()}


def fmt(value, digits=3):
    return "" if value is None else f"{value:.{digits}f}"


def fmt_ms(value):
    """Milliseconds with four significant digits, so microsecond cases stay readable."""
    return "" if value is None else f"{value:.4g}"


def gflops(entry):
    if entry is None or entry[1] <= 0 or entry[0] <= 0:
        return None
    return entry[1] / (entry[0] / 1e3)


def report(medians):
    lit, pt = medians["litrun"], medians["PyTorch"]
    names = list(pt) + [n for n in lit if n not in pt]
    lines = ["| case | litrun ms | PyTorch ms | ratio (PyTorch ms / litrun ms)"
             " | litrun GFLOP/s | PyTorch GFLOP/s |",
             "|---|---:|---:|---:|---:|---:|"]
    ratios = {}
    for name in names:
        a, b = lit.get(name), pt.get(name)
        ratio = b[0] / a[0] if a and b and a[0] > 0 else None
        if ratio is not None:
            ratios[name] = ratio
        lines.append(f"| {name} | {fmt_ms(a and a[0])} | {fmt_ms(b and b[0])} | "
                     f"{fmt(ratio, 2)} | {fmt(gflops(a), 1)} | "
                     f"{fmt(gflops(b), 1)} |")
    summary = []
    for label, member in groups():
        values = [r for n, r in ratios.items() if member(n) and r > 0]
        mean = (math.exp(sum(map(math.log, values)) / len(values))
                if values else None)
        summary.append(f"{label} {fmt(mean, 2) or 'n/a'} (n={len(values)})")
    lines += ["", "Geometric mean of ratio (PyTorch ms / litrun ms): "
              + "; ".join(summary)]
    return "\n".join(lines)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--swift", required=True,
                        help="path to the Swift benchmark executable")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--iterations", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--pause-ms", type=float, default=0,
                        help="idle time before each timed step, as when a "
                             "chapter's cells run between operations")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--cases", default="",
                        help="comma-separated case names (default: all)")
    parser.add_argument("--python", default="",
                        help=f"interpreter with torch (default: {VENV_PYTHON})")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be >= 1")
    return args


def main(argv=None):
    args = parse_args(argv)
    print(report(collect(args)))


if __name__ == "__main__":
    main()

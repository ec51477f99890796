#!/usr/bin/env python3
"""Side-by-side driver: litrun (Swift lit-bench) versus PyTorch on the CPU.

Three case groups, each with its own PyTorch script and the same Swift command:
    ops     kernels (conv-*, ew-*, red-*, ...)          bench/torch_ops.py
    train   LeNet training steps and evaluation         bench/torch_train.py
    models  the lesson's four models: training steps,   bench/torch_models.py
            evaluation at batch 16 and 256, each case in a process of its own
            (for its peak RSS), against the FMA peak that lit-bench measures
--cases routes each name to its group; without it, --group picks the groups.

Runs the Swift command and the PyTorch script alternately (A B B A A B ...) for
--rounds rounds with identical options, takes the per-case median of the
per-round medians, and prints a Markdown table per group: ratios (PyTorch ms /
litrun ms; above 1 means litrun is faster), with geometric means for the ops and
images/s and the performance targets for training.

A case the Swift side does not implement yet (lit-bench exits with "unknown
case NAME") is dropped from the litrun runs with a message, and shows with a
blank litrun column.
"""

import argparse
import ast
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from report import report

BENCH_DIR = Path(__file__).resolve().parent
TORCH_SCRIPT = BENCH_DIR / "torch_ops.py"
TRAIN_SCRIPT = BENCH_DIR / "torch_train.py"
MODEL_SCRIPT = BENCH_DIR / "torch_models.py"
VENV_PYTHON = BENCH_DIR / ".venv" / "bin" / "python"

# What lit-bench prints (then exits non-zero) for a case it does not know.
UNKNOWN_CASE = re.compile(r"unknown case\(?s?\)?:?\s+(.+)")


def fail(message):
    sys.exit(f"compare.py: {message}")


def literal(script, name):
    """The value of the top-level literal `name = ...` in a PyTorch script.

    The literal is parsed rather than imported so that this driver does not
    need torch itself.
    """
    tree = ast.parse(script.read_text(), str(script))
    for node in tree.body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and getattr(node.targets[0], "id", None) == name):
            return ast.literal_eval(node.value)
    fail(f"{name} not found in {script}")


def conv_kernel_sizes():
    """Case name -> kernel size, read from CONV_SHAPES in torch_ops.py."""
    shapes = literal(TORCH_SCRIPT, "CONV_SHAPES")
    return {f"conv-{tag}": k for tag, _, _, _, k, _, _ in shapes}


def train_cases():
    """The training case names, read from TRAIN_CASES in torch_train.py."""
    return list(literal(TRAIN_SCRIPT, "TRAIN_CASES"))


def model_cases():
    """The whole-model case names, read from MODEL_CASES in torch_models.py."""
    return list(literal(MODEL_SCRIPT, "MODEL_CASES"))


def summary_groups():
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


class UnknownCases(Exception):
    """The command rejected these requested case names."""

    def __init__(self, names):
        super().__init__(", ".join(names))
        self.names = names


def run_side(label, cmd, env=None, requested=None):
    """Run one benchmark command; return {case: (ms, gflop, images, rss)}
    from its JSON lines. `images` (images per iteration) and `rss` (the
    process's peak RSS in MB) are None when not printed.

    When the command fails saying "unknown case NAME" for a name in
    `requested`, raises UnknownCases instead of failing.
    """
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    except OSError as err:
        fail(f"cannot run {label} command {cmd[0]}: {err}")
    if proc.returncode != 0:
        unknown = []
        for line in proc.stderr.splitlines():
            match = UNKNOWN_CASE.search(line)
            if match:
                unknown += [n.strip() for n in match.group(1).split(",")]
        if requested and unknown and set(unknown) <= set(requested):
            raise UnknownCases(unknown)
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
            images, rss = record.get("images"), record.get("peak_rss_mb")
            results[record["case"]] = (float(record["ms"]),
                                       float(record.get("gflop", 0) or 0),
                                       int(images) if images else None,
                                       float(rss) if rss else None)
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


class Group:
    """One case group: its PyTorch script and the cases to run.

    `cases` is None for "every case each side has" (the ops group without
    --cases); then the Swift side's output is filtered to exclude `foreign`,
    the names that belong to another group.
    """

    def __init__(self, name, script, cases, foreign=()):
        self.name = name
        self.script = script
        self.cases = cases
        self.foreign = set(foreign)
        self.missing_in_swift = []  # requested cases lit-bench does not know


def plan_groups(args):
    """The groups to run, in order, from --cases or --group."""
    train, models = train_cases(), model_cases()
    if args.cases:
        names = [n for n in args.cases.split(",") if n]
        train_names = [n for n in names if n in train]
        model_names = [n for n in names if n in models and n not in train]
        ops_names = [n for n in names if n not in train and n not in models]
        groups = []
        if ops_names:
            groups.append(Group("ops", TORCH_SCRIPT, ops_names))
        if train_names:
            groups.append(Group("train", TRAIN_SCRIPT, train_names))
        if model_names:
            groups.append(Group("models", MODEL_SCRIPT, model_names))
        return groups
    groups = []
    if args.group in ("ops", "all"):
        groups.append(Group("ops", TORCH_SCRIPT, None,
                            foreign=set(train) | set(models)))
    if args.group in ("train", "all"):
        groups.append(Group("train", TRAIN_SCRIPT, train))
    if args.group in ("models", "all"):
        groups.append(Group("models", MODEL_SCRIPT, models))
    return groups


def run_swift(group, swift, options):
    """The Swift side of one group for one round, dropping (once, with a
    message) the requested cases that lit-bench does not know yet."""
    while True:
        cases = group.cases
        if cases is not None:
            cases = [n for n in cases if n not in group.missing_in_swift]
            if not cases:
                return {}
        cmd = [swift] + options + (["--cases", ",".join(cases)]
                                   if cases is not None else [])
        try:
            results = run_side("litrun", cmd, requested=cases)
        except UnknownCases as err:
            group.missing_in_swift += err.names
            print(f"compare.py: litrun's {Path(swift).name} does not implement "
                  f"case(s) {', '.join(err.names)} yet; their litrun column "
                  "stays blank", file=sys.stderr)
            continue
        return {case: entry for case, entry in results.items()
                if case not in group.foreign}


def fma_peak(swift, threads):
    """The machine's FMA peak in GFLOP/s as lit-bench measures it, and the
    vector extension it used."""
    results = subprocess.run([swift, "--fma-peak", "1", "--threads",
                              str(threads)], capture_output=True, text=True)
    for line in results.stdout.splitlines():
        if line.startswith("{"):
            record = json.loads(line)
            return float(record["fma_peak_gflops"]), record.get("isa", "")
    fail(f"lit-bench --fma-peak printed nothing: {results.stderr.strip()}")


def collect(args, groups, busy):
    """Alternate Swift and PyTorch runs; per group, return per-side
    {case: (median ms, gflop, images, peak rss)}, and the FMA peaks measured
    (one per round) when the models group runs."""
    options = ["--iterations", str(args.iterations), "--warmup",
               str(args.warmup), "--threads", str(args.threads),
               "--pause-ms", str(args.pause_ms)]
    swift = resolve_swift(args.swift)
    python = args.python or str(VENV_PYTHON)
    if not os.access(python, os.X_OK):
        fail(f"PyTorch interpreter not found: {python} (run bench/run)")
    torch_env = dict(os.environ, OMP_NUM_THREADS=str(args.threads),
                     MKL_NUM_THREADS=str(args.threads))
    samples = {g.name: {"litrun": {}, "PyTorch": {}} for g in groups}
    peaks = []
    for round_index in range(args.rounds):
        print(f"round {round_index + 1}/{args.rounds}", file=sys.stderr)
        busy.sample()
        for group in groups:
            if group.name == "models":
                peaks.append(fma_peak(swift, args.threads))
            # A models case runs in a process of its own, for its peak RSS.
            batches = ([[case] for case in group.cases]
                       if group.name == "models" else [group.cases])
            for cases in batches:
                sub_group = group if group.name != "models" else Group(
                    group.name, group.script, cases)
                sub_group.missing_in_swift = group.missing_in_swift
                torch_cmd = [python, str(group.script)] + options + (
                    ["--cases", ",".join(cases)] if cases else [])
                sides = [("litrun", lambda: run_swift(sub_group, swift, options)),
                         ("PyTorch", lambda: run_side("PyTorch", torch_cmd,
                                                      torch_env))]
                # The side that runs second can find the machine in a worse
                # state (caches, clocks): each goes first every other round.
                if round_index % 2:
                    sides.reverse()
                for label, run in sides:
                    side = samples[group.name][label]
                    for case, (ms, gflop, images, rss) in run().items():
                        times, _, _, rsses = side.get(case, ([], 0.0, None, []))
                        side[case] = (times + [ms], gflop, images,
                                      rsses + ([rss] if rss else []))
    medians = {name: {label: {case: (statistics.median(times), gflop, images,
                                     max(rsses) if rsses else None)
                              for case, (times, gflop, images, rsses)
                              in cases.items()}
                      for label, cases in sides.items()}
               for name, sides in samples.items()}
    return medians, peaks


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
    parser.add_argument("--group", choices=("ops", "train", "models", "all"),
                        default="ops",
                        help="case group(s) to run when --cases is not given "
                             "(default: ops)")
    parser.add_argument("--cases", default="",
                        help="comma-separated case names of any group "
                             "(default: every case of --group)")
    parser.add_argument("--python", default="",
                        help=f"interpreter with torch (default: {VENV_PYTHON})")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be >= 1")
    return args


def other_runnable():
    """How many other tasks are runnable right now (Linux /proc/stat
    procs_running, median of 5 samples over 0.2 s, less this process), or
    None where that is not available. Unlike the load average this does not
    remember the build that bench/run has just finished."""
    samples = []
    for _ in range(5):
        try:
            with open("/proc/stat") as stat:
                for line in stat:
                    if line.startswith("procs_running "):
                        samples.append(int(line.split()[1]) - 1)
        except (OSError, ValueError):
            return None
        time.sleep(0.05)
    return statistics.median(samples) if samples else None


class BusyWatch:
    """Samples the other work on the machine before each round.

    Both sides' figures suffer when other processes need the cores, PyTorch's
    most: its OpenMP threads spin-wait for each other while the cores serve
    other work.
    """

    def __init__(self, threads):
        self.threads = threads
        self.peak = None

    def sample(self):
        others = other_runnable()
        if others is not None:
            self.peak = others if self.peak is None else max(self.peak, others)

    def note(self):
        cores = os.cpu_count() or 1
        if self.peak is None or self.peak <= max(cores - self.threads, 0):
            return None
        return (f"Warning: the machine was busy ({self.peak:g} other runnable "
                f"task(s) on {cores} cores, {self.threads} threads benchmarked); "
                "these figures, PyTorch's above all, are not representative.")


def main(argv=None):
    args = parse_args(argv)
    groups = plan_groups(args)
    busy = BusyWatch(args.threads)
    medians, peaks = collect(args, groups, busy)
    print("\n\n".join((f"### {g.name}\n\n" if len(groups) > 1 else "")
                      + report(medians[g.name], g, peaks, summary_groups())
                      for g in groups))
    note = busy.note()
    if note:
        print(f"\n{note}")


if __name__ == "__main__":
    main()

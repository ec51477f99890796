#!/usr/bin/env python3
"""Run a command; report its peak resident memory and wall time when it exits.

    bench/peak_rss.py [--json] -- COMMAND [ARG...]

The command's own output passes through untouched; the report goes to stderr
as one line (or one JSON object with --json) and the exit status is the
command's. Nothing is sampled while the command runs: the peak comes from the
kernel's accounting, getrusage(RUSAGE_CHILDREN).ru_maxrss (KiB on Linux),
read after the command has exited. That figure is the high-water mark of the
largest single process among the command and the descendants it waited for,
not a sum over processes, so time a built binary (not `swift run`, whose
compiler would count) and a command whose work is in one process. Its floor
is this script's own size (about 15 MiB), which the kernel counts for the
forked child before it execs the command.
"""

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import time


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        usage="%(prog)s [--json] -- COMMAND [ARG...]")
    parser.add_argument("--json", action="store_true",
                        help="report as one JSON object on stderr")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    if args.command and args.command[0] == "--":
        args.command = args.command[1:]
    if not args.command:
        parser.error("no command given (put it after --)")
    return args


def main(argv=None):
    args = parse_args(argv)
    start = time.perf_counter()
    try:
        proc = subprocess.Popen(args.command)
    except OSError as err:
        sys.exit(f"peak_rss.py: cannot run {args.command[0]}: {err}")
    # Let Ctrl-C reach the command alone; we still report once it has exited.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    status = proc.wait()
    wall = time.perf_counter() - start
    kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if args.json:
        report = json.dumps({"command": args.command, "exit": status,
                             "wall_s": round(wall, 3), "peak_rss_kib": kib})
    else:
        ended = (f"exit {status}" if status >= 0
                 else f"killed by signal {-status}")
        report = (f"peak_rss.py: peak RSS {kib / 1024:.1f} MiB "
                  f"(ru_maxrss {kib} KiB), wall {wall:.2f} s, "
                  f"{ended}: {' '.join(args.command)}")
    print(report, file=sys.stderr, flush=True)
    # A command killed by signal N reports as the shell would: 128 + N.
    sys.exit(status if status >= 0 else 128 - status)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Times two commands in turn (A B A B ...) as whole processes and prints medians.

On a shared machine the speed drifts while a benchmark runs; running A and B in turn and
taking the ratio A/B pair by pair keeps the ratio meaningful under that drift. Each run's
CPU time is the operating system's accounting of the finished child (user + system, from
wait4), its wall time a monotonic clock around the child. Output is discarded.

    paired.py [--runs N] [--warmup W] -- COMMAND_A... --vs COMMAND_B...

Prints one JSON object: medians (and min/max) of A's and B's wall and CPU seconds and of
the pairwise ratios A/B.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def run(command):
    """Wall and CPU (user + system) seconds of one run of command."""
    start = time.monotonic()
    child = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.monotonic() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"paired.py: {' '.join(command)} exited {child.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


def summary(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def main():
    arguments = sys.argv[1:]
    if "--" not in arguments or "--vs" not in arguments:
        sys.exit(__doc__)
    options = arguments[:arguments.index("--")]
    rest = arguments[arguments.index("--") + 1:]
    a, b = rest[:rest.index("--vs")], rest[rest.index("--vs") + 1:]
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--warmup", type=int, default=1)
    settings = parser.parse_args(options)
    if not a or not b or settings.runs < 1:
        sys.exit(__doc__)
    for _ in range(settings.warmup):
        run(a)
        run(b)
    pairs = [(run(a), run(b)) for _ in range(settings.runs)]
    result = {"runs": settings.runs}
    for index, measure in enumerate(["wall", "cpu"]):
        ours = [pair[0][index] for pair in pairs]
        theirs = [pair[1][index] for pair in pairs]
        result[measure] = {
            "a": summary(ours),
            "b": summary(theirs),
            "ratio": summary([x / y for x, y in zip(ours, theirs) if y > 0]),
        }
    print(json.dumps(result))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Stage-to-stage stability of Topograph's Graphviz SVGs.

    python3 scripts/stage-stability.py [--min-kept FRACTION] SVG...

Groups the SVGs by topology (`NAME-V1.svg`, `NAME-V2.svg`, ... as `render --all-stages`
names them) and compares each stage with the next: for every pair of resources drawn in
both (node ids `r_<id>`), whether one stays left of / above the other. The share of pairs
whose relative position is kept is what a reader comparing two stages by eye relies on
(absolute positions move whenever a stage adds a resource). With --min-kept the check
fails when the share over all pairs falls below it.
"""
import argparse
import importlib.util
import itertools
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

spec = importlib.util.spec_from_file_location("svg_geometry", pathlib.Path(__file__).with_name("svg-geometry.py"))
geometry = importlib.util.module_from_spec(spec)
spec.loader.exec_module(geometry)


def centres(path):
    drawing = geometry.read_graphviz(ET.parse(path).getroot())
    return {n["name"]: ((n["box"][0] + n["box"][2]) / 2, (n["box"][1] + n["box"][3]) / 2)
            for n in drawing.nodes if n["name"].startswith("r_")}


def compare(before, after):
    kept = total = 0
    common = sorted(set(before) & set(after))
    for p, q in itertools.combinations(common, 2):
        for axis in (0, 1):
            was = (before[p][axis] > before[q][axis]) - (before[p][axis] < before[q][axis])
            now = (after[p][axis] > after[q][axis]) - (after[p][axis] < after[q][axis])
            if was == 0 and now == 0:
                continue
            total += 1
            kept += was == now
    return len(common), kept, total


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+", type=pathlib.Path)
    parser.add_argument("--min-kept", type=float, default=None)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    stages = {}
    for path in args.files:
        match = re.match(r"(.+)-V(\d+)$", path.stem)
        if match:
            stages.setdefault(match.group(1), []).append((int(match.group(2)), path))
    kept_all = total_all = 0
    for name, paths in sorted(stages.items()):
        paths.sort()
        for (_, a), (_, b) in zip(paths, paths[1:]):
            persistent, kept, total = compare(centres(a), centres(b))
            kept_all += kept
            total_all += total
            if not args.quiet:
                print(f"{a.stem} -> {b.stem}: {persistent} resources in both, relative position kept for {kept}/{total}")
    share = kept_all / total_all if total_all else 1.0
    print(f"stage-stability: relative position of persistent resources kept for {kept_all}/{total_all} pairs ({share:.1%})")
    if args.min_kept is not None and share < args.min_kept:
        print(f"stage-stability: below {args.min_kept:.0%}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

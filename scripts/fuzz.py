"""Bounded mutation fuzzing of the topograph CLI over the shared corpus.

  fuzz.py BINARY [--seconds 60] [--seed N] [--timeout 20] [--keep DIR] FILE...

Each round takes a corpus file, mutates it (bytes, lines, YAML structure: aliases,
anchors, deep nesting, long values, control characters, `in:` chains) and runs one
command on the mutant. A round fails on:
  - a signal (crash) or a run past --timeout seconds (hang);
  - an exit status other than 0, 1 or 2;
  - exit 2 from an input error without a `file:line:column` (every refused input names
    where the problem is);
  - exit 2 with output left behind in the `-o` directory (a refused input writes nothing).
Failing mutants are kept in --keep DIR with the command that failed, to replay by hand.
The seed is printed; the same seed replays the same mutants in the same order.
"""
import argparse
import os
import pathlib
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

POSITIONED = re.compile(r"^.+:\d+:\d+: error: ", re.M)

TOKENS = [
    b"&a ", b"*a", b"<<: *a\n", b"{", b"}", b"[", b"]", b"\"", b"'", b"\t", b": ", b"- ", b"\n",
    b"\x1b[2J", b"\r", b"\x00", b"\xff\xfe", b"\xe2\x80\xae", b"```", b"<script>", b"|", b"`",
    b"in: vpc", b"kind: ", b"stages:\n  - name: V1\n", b"${x}", b"$(touch pwned)", b"--output=x",
    b"~", b"null", b"!!binary ", b"!!python/object ", b"? ", b"%YAML 1.1\n", b"---\n", b"...\n",
]


VALUES = [
    b'""', b"''", b"~", b"null", b"-1", b"0", b"99999999999999999999999", b"1e400", b"true", b"[]", b"{}",
    b'"<img src=x onerror=alert(1)>"', b'"a\\nb ``` <!-- x"', b'"\\e[2J\\r\\n::error::x"', b'"$(touch pwned)"',
    b"'; rm -rf / #'", b'"' + b"L" * 2500 + b'"', b'"' + b"V" * 70 + b'"', b"*nope", b"&x value", b"[[[[[[[[", b'"\\u202e"',
    b"V1", b"v1", b"-o", b"../../etc/passwd", b"/dev/null", b"C:\\x", b"https://x.test/?q=\"a b\"", b"javascript:alert(1)",
]


def replace_value(data: bytes, rng: random.Random) -> bytes:
    """Keeps the YAML's shape and swaps one scalar: most mutants then reach validation and
    the emitters instead of stopping at a syntax error."""
    lines = data.split(b"\n")
    candidates = [i for i, line in enumerate(lines) if b": " in line and not line.lstrip().startswith(b"#")]
    if not candidates:
        return data
    i = rng.choice(candidates)
    head, _, _ = lines[i].partition(b": ")
    lines[i] = head + b": " + rng.choice(VALUES)
    return b"\n".join(lines)


def mutate(data: bytes, rng: random.Random) -> bytes:
    if rng.random() < 0.4:
        return replace_value(data, rng)
    data = bytearray(data)
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        choice = rng.random()
        if not data:
            data += rng.choice(TOKENS)
            continue
        at = rng.randrange(len(data))
        if choice < 0.2:
            data[at] = rng.randrange(256)
        elif choice < 0.4:
            data[at:at] = rng.choice(TOKENS)
        elif choice < 0.5:
            end = min(len(data), at + rng.randint(1, 64))
            del data[at:end]
        elif choice < 0.6:
            end = min(len(data), at + rng.randint(1, 256))
            data[at:at] = data[at:end] * rng.randint(1, 8)
        elif choice < 0.7:
            lines = bytes(data).split(b"\n")
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            data = bytearray(b"\n".join(lines))
        elif choice < 0.78:
            # Deep flow nesting or a long `in:` chain.
            depth = rng.choice([10, 70, 500, 5000])
            if rng.random() < 0.5:
                data[at:at] = b"[" * depth + b"]" * depth
            else:
                chain = b"".join(b"  c%d: { kind: generic, in: c%d }\n" % (i, i - 1) for i in range(1, depth))
                text = bytes(data)
                index = text.find(b"resources:\n")
                if index >= 0:
                    index += len(b"resources:\n")
                    data = bytearray(text[:index] + b"  c0: { kind: generic }\n" + chain + text[index:])
        elif choice < 0.86:
            # An alias bomb or a long value used many times.
            if rng.random() < 0.5:
                bomb = b"x-bomb: &b0 [lol, lol, lol, lol, lol, lol, lol, lol]\n" + b"".join(
                    b"x-b%d: &b%d [%s]\n" % (i, i, b", ".join([b"*b%d" % (i - 1)] * 8)) for i in range(1, 9))
                data[at:at] = b"\n" + bomb
            else:
                value = b"v" * rng.choice([1000, 20000, 200000])
                data[at:at] = b" &long " + value + b" " + b" ".join([b"*long"] * rng.randint(2, 50))
        else:
            data[at:at] = bytes(rng.randrange(32) for _ in range(rng.randint(1, 8)))
    return bytes(data)


def commands(mutant: pathlib.Path, original: pathlib.Path, out: pathlib.Path):
    return [
        (["validate", str(mutant)], None),
        (["lint", str(mutant), "--format", "json"], None),
        (["render", str(mutant), "--all-stages", "--format", "mermaid,svg", "-o", str(out) + "/"], out),
        (["runbook", str(mutant), "--all-stages", "-o", str(out) + "/"], out),
        (["diff", str(original), str(mutant), "--format", "markdown"], None),
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("files", nargs="+")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=int(os.environ.get("FUZZ_SEED", "17")))
    parser.add_argument("--timeout", type=float, default=20)
    parser.add_argument("--keep", default=None)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    corpus = [(pathlib.Path(f).resolve(), pathlib.Path(f).read_bytes()) for f in args.files]
    work = pathlib.Path(tempfile.mkdtemp(prefix="topograph-fuzz-"))
    keep = pathlib.Path(args.keep) if args.keep else None
    deadline = time.monotonic() + args.seconds
    runs = mutants = 0
    failures = []
    statuses = {}
    try:
        while time.monotonic() < deadline:
            original, data = rng.choice(corpus)
            mutant = work / f"mutant-{mutants}.yaml"
            mutant.write_bytes(mutate(data, rng))
            mutants += 1
            for arguments, out in rng.sample(commands(mutant, original, work / "out"), 2):
                if time.monotonic() >= deadline:
                    break
                shutil.rmtree(work / "out", ignore_errors=True)
                (work / "out").mkdir()
                runs += 1
                problem = None
                try:
                    result = subprocess.run([args.binary] + arguments, capture_output=True, timeout=args.timeout,
                                            cwd=work, stdin=subprocess.DEVNULL)
                except subprocess.TimeoutExpired:
                    problem = f"no answer after {args.timeout:.0f} s (hang)"
                    result = None
                if result is not None:
                    status = result.returncode
                    statuses[status] = statuses.get(status, 0) + 1
                    stderr = result.stderr.decode("utf-8", "replace")
                    if status < 0:
                        problem = f"killed by signal {-status}"
                    elif status not in (0, 1, 2):
                        problem = f"exit status {status}"
                    elif status == 2 and not POSITIONED.search(stderr):
                        problem = f"input error without file:line:column: {stderr.strip()[:300]!r}"
                    elif status == 2 and out is not None and any(out.rglob("*")):
                        left = sorted(str(p.relative_to(out)) for p in out.rglob("*"))
                        problem = f"exit 2 left output behind: {left[:5]}"
                if problem:
                    failures.append((problem, arguments))
                    print(f"FAIL [{original.name} mutant {mutants - 1}] topograph {' '.join(arguments[:1])}: {problem}")
                    if keep:
                        keep.mkdir(parents=True, exist_ok=True)
                        kept = keep / f"{len(failures)}-{original.stem}.yaml"
                        shutil.copy(mutant, kept)
                        (keep / f"{len(failures)}-{original.stem}.cmd").write_text(
                            "topograph " + " ".join(a if a != str(mutant) else str(kept) for a in arguments) + "\n")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    summary = ", ".join(f"exit {k}: {v}" for k, v in sorted(statuses.items()))
    print(f"fuzz: seed {args.seed}, {mutants} mutants, {runs} runs in {args.seconds:.0f} s ({summary}); {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

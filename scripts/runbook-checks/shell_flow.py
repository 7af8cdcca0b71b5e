#!/usr/bin/env python3
"""Checks runbooks as shell sessions and as Markdown.

For every runbook given: the `bash` blocks, in order, are one operator session; each `sh`
block is another shell (a task opened by ECS Exec) that gets the variables the preceding
`execute-command ... env NAME=...` passed in.
  - variable flow: every $VAR used is assigned earlier in its session (or is a shell/AWS CLI
    variable); a variable read by envsubst must be exported;
  - `bash -n` over each session, `shellcheck -S error` over each block;
  - template glitches: empty emphasis, empty parentheses in headings, a heading repeated
    under the same parent, numbered lists not starting at 1, trailing spaces,
    placeholders `<...>` where bash parses them.
Prints one line per problem and a summary; exits 1 on any problem.
"""
import re
import subprocess
import sys

BUILTIN = {"HOME", "PATH", "PWD", "USER", "AWS_REGION", "AWS_PAGER", "AWS_PROFILE", "REPLY", "OPTARG"}
ASSIGN = re.compile(r"(?:^\s*|[;&|(]\s*|\bexport\s+|\bthen\s+|\bdo\s+|\belse\s+)([A-Za-z_][A-Za-z0-9_]*)=")
DEFAULTING = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*):?=")
READ = re.compile(r"\bread\s+(?:-r\s+)?([A-Za-z_][A-Za-z0-9_]*)")
FOR = re.compile(r"\bfor\s+([A-Za-z_][A-Za-z0-9_]*)\s+in\b")
USE = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)")
ENV_PASS = re.compile(r"env\s+((?:[A-Z_][A-Z0-9_]*=\S+\s+)+)")


def blocks(text):
    for match in re.finditer(r"^```(bash|sh)(?:[ \t]*\{[^}\n]*\})?[ \t]*\n(.*?)^```", text, re.S | re.M):
        yield match.group(1), match.group(2), text[: match.start()].count("\n") + 2


def code_lines(body):
    """Lines the shell expands: quoted-heredoc bodies and single-quoted text removed."""
    out = []
    heredoc = None
    for number, line in enumerate(body.split("\n")):
        if heredoc is not None:
            if line == heredoc[0]:
                heredoc = None
            elif not heredoc[1]:
                out.append((number, line))
            continue
        marker = re.search(r"<<-?\s*(['\"]?)([A-Za-z_]+)\1", line)
        if marker:
            heredoc = (marker.group(2), bool(marker.group(1)))
        stripped = re.sub(r"'[^']*'", "''", line)
        if stripped.lstrip().startswith("#"):
            continue
        out.append((number, stripped.split(" #")[0]))
    return out


def flow(path, session, assigned, problems, kind):
    for line_number, body, start in session:
        for offset, line in code_lines(body):
            for name in ASSIGN.findall(line) + DEFAULTING.findall(line) + READ.findall(line) + FOR.findall(line):
                assigned.add(name)
        for offset, line in code_lines(body):
            # a use before the assignment on the same line is still a use of the earlier value
            for name in USE.findall(line):
                if name not in assigned and name not in BUILTIN and not name.isdigit():
                    problems.append(f"{path}:{start + offset}: flow: ${name} is used but never assigned earlier in this {kind} session")
            if "envsubst" in line:
                for name in re.findall(r"\$\{?([A-Z_][A-Z0-9_]*)", body):
                    if not re.search(rf"export\s+{name}=", "\n".join(b for _, b, _ in session)):
                        problems.append(f"{path}:{start + offset}: flow: envsubst reads ${name}, which is not exported")


def glitches(path, text, problems):
    in_code = False
    parents = {}
    number_expected = None
    for number, line in enumerate(text.split("\n"), 1):
        if line.startswith("```"):
            in_code = not in_code
        if line != line.rstrip():
            problems.append(f"{path}:{number}: glitch: trailing spaces")
        if in_code:
            continue
        if re.search(r"\*\*\*\*|(?<![*\w])\*\*\s*\*\*|``\s*``", line):
            problems.append(f"{path}:{number}: glitch: empty emphasis or code")
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            if "()" in line or "( )" in line:
                problems.append(f"{path}:{number}: glitch: empty parentheses in a heading")
            key = tuple(parents.get(l) for l in range(1, level)) + (line,)
            seen = parents.setdefault(("seen",), set())
            if key in seen:
                problems.append(f"{path}:{number}: glitch: heading '{line}' repeated in the same section")
            seen.add(key)
            parents[level] = line
            for deeper in [l for l in parents if isinstance(l, int) and l > level]:
                del parents[deeper]
        item = re.match(r"^(\d+)\. ", line)
        if item:
            value = int(item.group(1))
            if number_expected is None and value != 1:
                problems.append(f"{path}:{number}: glitch: a numbered list starts at {value}")
            number_expected = value + 1
        elif line.strip() and not line.startswith(" "):
            number_expected = None


def block_names(path, text, problems):
    """Every shell block carries a `name=` in its info string, unique in its runbook."""
    seen = {}
    for match in re.finditer(r"^```(bash|sh)([^\n]*)$", text, re.M):
        line = text[: match.start()].count("\n") + 1
        name = re.search(r"\bname=([a-z0-9][a-z0-9._/-]*)", match.group(2))
        if not name:
            problems.append(f"{path}:{line}: block: a `{match.group(1)}` block without a name (`{match.group(1)} {{ name=... }}`)")
        elif name.group(1) in seen:
            problems.append(f"{path}:{line}: block: the name {name.group(1)} is already used at line {seen[name.group(1)]}")
        else:
            seen[name.group(1)] = line


def main(paths):
    problems = []
    sessions = 0
    shell_blocks = 0
    for path in paths:
        text = open(path, encoding="utf-8").read()
        glitches(path, text, problems)
        block_names(path, text, problems)
        operator = []
        passed = set()
        for kind, body, start in blocks(text):
            shell_blocks += 1
            for line in body.split("\n"):
                if re.match(r"^\s*(?:[A-Za-z_]+=\S*\s+)?[a-z]", line) and re.search(r"(?<![\w'\"$])<[A-Za-z_][A-Za-z0-9_ -]*>(?![\w'\"])", re.sub(r"'[^']*'|\"[^\"]*\"", "", line)):
                    problems.append(f"{path}:{start}: flow: a <PLACEHOLDER> where bash parses it: {line.strip()[:80]}")
            result = subprocess.run(["shellcheck", "-S", "error", "-s", "bash", "-"], input=body, text=True, capture_output=True)
            if result.returncode != 0:
                problems.append(f"{path}:{start}: shellcheck: {result.stdout.strip()[:400]}")
            if kind == "bash":
                operator.append((0, body, start))
                for match in ENV_PASS.finditer(body):
                    passed |= set(re.findall(r"([A-Z_][A-Z0-9_]*)=", match.group(1)))
            else:
                sessions += 1
                flow(path, [(0, body, start)], set(passed), problems, "task shell")
        sessions += 1
        script = "\n".join(body for _, body, _ in operator)
        result = subprocess.run(["bash", "-n"], input=script, text=True, capture_output=True)
        if result.returncode != 0:
            problems.append(f"{path}: bash -n: {result.stderr.strip()[:300]}")
        flow(path, operator, set(), problems, "operator")
    for problem in problems:
        print(problem)
    flow_count = sum(": flow:" in p for p in problems)
    shellcheck_count = sum(": shellcheck:" in p for p in problems)
    glitch_count = sum(": glitch:" in p for p in problems)
    print(f"runbook-shell: {len(paths)} runbooks, {shell_blocks} shell blocks, {sessions} sessions; "
          f"variable-flow problems {flow_count}, shellcheck errors {shellcheck_count}, bash -n failures "
          f"{sum(': bash -n:' in p for p in problems)}, glitches {glitch_count}")
    return 1 if problems or not paths else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env python3
"""Checks every `aws ...` command in Markdown runbooks against the AWS CLI's own command
tables (awscli's clidriver, built from botocore's service models plus the CLI's
customizations): the service, the operation (or `wait` waiter), every option, options that
take no value, stray words, enum values and required parameters.

    .venv/bin/python scripts/check-aws-commands.py RUNBOOK.md [...]
    .venv/bin/python scripts/check-aws-commands.py --self-test

Commands are read from ```bash/```sh blocks (and untagged ones), joined across `\\`
continuations, and found anywhere on a line: inside $(...), after pipes, && and ;.
Shell variables ("$VPC_ID") and <PLACEHOLDERS> are accepted as values.
Exit 1 when a command is wrong, 0 otherwise.
"""
import re
import shlex
import sys

from awscli.clidriver import create_clidriver

DRIVER = create_clidriver()
SERVICES = DRIVER._get_command_table()
GLOBALS = set(DRIVER._get_argument_table())


def code_blocks(text):
    """(first line number, lines) of each shell code block."""
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        match = re.match(r"^\s*```(\w*)", lines[index])
        if match and match.group(1) in ("", "bash", "sh", "shell", "console", "zsh"):
            start = index + 1
            end = start
            while end < len(lines) and not lines[end].strip().startswith("```"):
                end += 1
            yield start + 1, lines[start:end]
            index = end + 1
        elif match:
            end = index + 1
            while end < len(lines) and not lines[end].strip().startswith("```"):
                end += 1
            index = end + 1
        else:
            index += 1


def logical_lines(first, lines):
    """Joins `\\` continuations; skips comments and here-document bodies."""
    buffer, start, heredoc = "", None, None
    for offset, line in enumerate(lines):
        number = first + offset
        if heredoc:
            if line.strip() == heredoc:
                heredoc = None
            continue
        stripped = line.strip()
        if not buffer and (not stripped or stripped.startswith("#")):
            continue
        if start is None:
            start = number
        if stripped.startswith("$ "):
            stripped = stripped[2:]
        buffer += (" " if buffer else "") + stripped.rstrip("\\").rstrip()
        marker = re.search(r"<<-?\s*'?(\w+)'?", stripped)
        if marker:
            heredoc = marker.group(1)
        if not stripped.endswith("\\"):
            yield start, buffer
            buffer, start = "", None
    if buffer:
        yield start, buffer


def aws_commands(line):
    """Substrings of `line` that are aws invocations, up to the end of their command."""
    found = []
    for match in re.finditer(r"(?:^|(?<=[\s;|&(`]))aws\s", line):
        position = match.start()
        quote, depth, end = None, 0, position
        while end < len(line):
            char = line[end]
            if quote:
                if char == quote:
                    quote = None
                elif char == "\\" and quote == '"':
                    end += 1
            elif char in "'\"":
                quote = char
            elif char == "$" and end + 1 < len(line) and line[end + 1] == "(":
                depth += 1
                end += 1
            elif char == "(":
                depth += 1
            elif char == ")":
                if depth == 0:
                    break
                depth -= 1
            elif char in ";|&" and depth == 0:
                break
            elif char == "#" and depth == 0 and line[end - 1].isspace():
                break
            end += 1
        found.append(line[position:end].strip())
    return found


def is_boolean(argument):
    return getattr(argument, "cli_type_name", None) == "boolean" or (
        getattr(argument, "nargs", None) == 0) or type(argument).__name__ in ("BooleanArgument",)


def enum_values(argument):
    model = getattr(argument, "argument_model", None)
    return list(getattr(model, "enum", None) or []) if model is not None else []


def check(command):
    """Problems with one aws command (a list of strings)."""
    try:
        words = shlex.split(command)
    except ValueError as error:
        return [f"cannot be split as shell words: {error}"]
    words = words[1:]
    # Global options may come before the service.
    while words and words[0].startswith("--"):
        words = words[2:] if words[0][2:] not in ("debug", "no-paginate", "no-verify-ssl", "no-sign-request", "no-cli-pager") else words[1:]
    if not words:
        return ["no service"]
    service, words = words[0], words[1:]
    if service not in SERVICES:
        return [f"unknown service '{service}'"]
    table = SERVICES[service]._get_command_table() if hasattr(SERVICES[service], "_get_command_table") else {}
    if not words:
        return [f"{service}: no operation"]
    operation, words = words[0], words[1:]
    if operation not in table:
        return [f"{service}: unknown operation '{operation}'"]
    command_object = table[operation]
    name = f"{service} {operation}"
    if operation == "wait":
        waiters = command_object.subcommand_table
        if not words or words[0] not in waiters:
            return [f"{name}: unknown waiter '{words[0] if words else ''}'"]
        command_object = waiters[words[0]]
        name += " " + words[0]
        words = words[1:]
    arguments = command_object.arg_table
    problems, given, index = [], set(), 0
    while index < len(words):
        word = words[index]
        if not word.startswith("--"):
            problems.append(f"{name}: stray word '{word}'")
            index += 1
            continue
        option = word[2:].split("=", 1)[0]
        inline = "=" in word
        if option in arguments:
            argument = arguments[option]
        elif option in GLOBALS:
            argument = DRIVER._get_argument_table()[option]
        else:
            close = [a for a in arguments if a.startswith(option)]
            hint = f" (did you mean --{close[0]}?)" if close else ""
            problems.append(f"{name}: unknown option --{option}{hint}")
            index += 1
            while index < len(words) and not words[index].startswith("--"):
                index += 1
            continue
        given.add(option)
        index += 1
        if is_boolean(argument) and option in arguments:
            if inline or (index < len(words) and not words[index].startswith("--")):
                problems.append(f"{name}: --{option} is a flag and takes no value")
                while index < len(words) and not words[index].startswith("--"):
                    index += 1
            continue
        values = []
        if inline:
            values.append(word.split("=", 1)[1])
        while index < len(words) and not words[index].startswith("--"):
            values.append(words[index])
            index += 1
            if getattr(argument, "nargs", None) not in ("+", "*") and option not in ("query",) and getattr(getattr(argument, "argument_model", None), "type_name", "") != "list":
                break
        if not values:
            problems.append(f"{name}: --{option} needs a value")
            continue
        allowed = enum_values(argument)
        for value in values:
            if allowed and not value.startswith("$") and not value.startswith("<") and value not in allowed:
                problems.append(f"{name}: --{option} {value!r} is not one of {', '.join(allowed)}")
    for option, argument in arguments.items():
        if getattr(argument, "required", False) and option not in given:
            problems.append(f"{name}: missing required --{option}")
    return problems


def check_file(path):
    text = open(path, encoding="utf-8").read()
    problems, count = [], 0
    for first, lines in code_blocks(text):
        for number, line in logical_lines(first, lines):
            for command in aws_commands(line):
                count += 1
                for problem in check(command):
                    problems.append(f"{path}:{number}: {problem}\n    {command}")
    return count, problems


BAD = [
    ("aws ecs update-service --cluster c --service s --enable-execute-command true", "takes no value"),
    ("aws ecs update-service --cluster c --service s --no-enable-execute-command", "unknown option"),
    ("aws ecs describe-tasks --cluster c --task t", "unknown option"),
    ("aws ecs execute-command --cluster c --task t --command /bin/sh", "missing required --interactive"),
    ("aws elbv2 create-load-balancer --name n --type nlb", "is not one of"),
    ("aws apigatewayv2 create-route --api-id a", "missing required --route-key"),
    ("aws ecs wait service-stable --cluster c --services s", "unknown waiter"),
    ("aws ecss list-tasks", "unknown service"),
    ("aws ecs list-task --cluster c", "unknown operation"),
]


def self_test():
    failures = 0
    for command, expected in BAD:
        problems = check(command)
        if not any(expected in problem for problem in problems):
            print(f"self-test FAIL: {command!r} should report {expected!r}, got {problems}")
            failures += 1
    good = "aws ecs update-service --cluster c --service s --enable-execute-command --force-new-deployment"
    if check(good):
        print(f"self-test FAIL: {good!r} reported {check(good)}")
        failures += 1
    print(f"self-test: {len(BAD) + 1 - failures} passed, {failures} failed")
    return 1 if failures else 0


def main():
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    total, problems = 0, []
    for path in sys.argv[1:]:
        count, found = check_file(path)
        total += count
        problems += found
    for problem in problems:
        print(problem)
    print(f"check-aws-commands: {total} commands checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Every ```json block in generated runbooks parses as JSON. Usage: runbook-commands.py RUNBOOK.md..."""
import json, re, sys
blocks = failures = 0
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    for match in re.finditer(r"```json\n(.*?)\n```", text, re.S):
        blocks += 1
        try:
            json.loads(match.group(1))
        except json.JSONDecodeError as error:
            failures += 1
            line = text[: match.start()].count("\n") + 2
            print(f"FAIL {path}:{line}: JSON block does not parse: {error}")
print(f"json-blocks: {blocks - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)

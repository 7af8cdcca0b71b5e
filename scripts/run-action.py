#!/usr/bin/env python3
"""Runs action.yml's composite steps on this machine the way the Actions runner does, for
scripts/checks/action.sh: each `run:` step in bash with its `env:`, `${{ }}` expressions
filled in from inputs, step outputs ($GITHUB_OUTPUT) and the github/runner contexts, `if:`
conditions evaluated, $GITHUB_PATH and $GITHUB_ENV honoured. `uses:` steps (actions/cache) are skipped
as a cache miss. Not a general runner: it knows the expressions action.yml uses.

  run-action.py ACTION_DIR WORKDIR key=value...   (inputs; github.*/runner.* via env)
Prints `output STEP.NAME=VALUE` lines and exits with the failing step's status;
RUN_ACTION_STOP_AFTER=ID stops after the step with that id.
"""
import os
import re
import subprocess
import sys
import tempfile

import yaml

action_dir, workdir = sys.argv[1], sys.argv[2]
given = dict(arg.split("=", 1) for arg in sys.argv[3:])
action = yaml.safe_load(open(os.path.join(action_dir, "action.yml")))
inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
unknown = set(given) - set(inputs)
if unknown:
    sys.exit(f"run-action: unknown inputs {sorted(unknown)}")
inputs.update(given)
temp = tempfile.mkdtemp(prefix="run-action-")
context = {
    "inputs": inputs,
    "steps": {},
    "github": {
        "action_path": os.path.abspath(action_dir), "action_ref": os.environ.get("ACTION_REF", ""),
        "action_repository": os.environ.get("ACTION_REPOSITORY", "OWNER/topograph"),
        "base_ref": os.environ.get("BASE_REF", "main"),
    },
    "runner": {"os": "Linux", "arch": "X64", "temp": temp},
}
path_additions = []
exported = {}


def lookup(dotted):
    value = context
    for part in dotted.split("."):
        value = value.get(part, "") if isinstance(value, dict) else ""
    return value


def evaluate(expression):
    """GitHub's expression subset action.yml uses: lookups, 'strings', ==, !=, &&, ||, format()."""
    python = re.sub(r"\|\|", " or ", expression)
    python = re.sub(r"&&", " and ", python)
    python = re.sub(r"\bformat\(", "_format(", python)
    python = re.sub(r"(?<!['\w.])([a-z_]+(?:\.[A-Za-z0-9_-]+)+)", lambda m: f"_get({m.group(1)!r})", python)
    result = eval(python, {"_get": lookup, "_format": lambda f, *a: f.format(*a)})
    return result


def fill(text):
    return re.sub(r"\$\{\{\s*(.*?)\s*\}\}", lambda m: str(evaluate(m.group(1))), str(text))


stop_after = os.environ.get("RUN_ACTION_STOP_AFTER")
for step in action["runs"]["steps"]:
    if stop_after and context["steps"].get(stop_after) is not None:
        break
    condition = step.get("if")
    if condition is not None and not evaluate(re.sub(r"^\$\{\{\s*|\s*\}\}$", "", str(condition))):
        continue
    step_id = step.get("id")
    if "uses" in step:
        if step_id:
            context["steps"][step_id] = {"outputs": {"cache-hit": ""}}
        continue
    output_file = os.path.join(temp, f"output-{step_id or 'x'}")
    path_file = os.path.join(temp, "path")
    env_file = os.path.join(temp, "env")
    open(output_file, "w").close()
    open(env_file, "w").close()
    open(path_file, "a").close()
    env = dict(os.environ)
    env.update(exported)
    env.update({name: fill(value) for name, value in (step.get("env") or {}).items()})
    env.update({"GITHUB_OUTPUT": output_file, "GITHUB_PATH": path_file, "GITHUB_ENV": env_file, "RUNNER_TEMP": temp,
                "GITHUB_ACTION_REPOSITORY": context["github"]["action_repository"]})
    env["PATH"] = os.pathsep.join(path_additions + [env["PATH"]])
    cwd = fill(step.get("working-directory", workdir))
    cwd = cwd if os.path.isabs(cwd) else os.path.join(workdir, cwd)
    # As the runner does for `shell: bash`: bash --noprofile --norc -eo pipefail {0}.
    script = os.path.join(temp, "step.sh")
    open(script, "w").write(fill(step["run"]))
    status = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script], cwd=cwd, env=env).returncode
    outputs = {}
    for line in open(output_file):
        if "=" in line:
            key, value = line.rstrip("\n").split("=", 1)
            outputs[key] = value
    if step_id:
        context["steps"][step_id] = {"outputs": outputs}
        for key, value in outputs.items():
            print(f"output {step_id}.{key}={value}", flush=True)
    path_additions = [line.strip() for line in open(path_file) if line.strip()] + path_additions
    for line in open(env_file):
        if "=" in line:
            key, value = line.rstrip("\n").split("=", 1)
            exported[key] = value
    if status != 0:
        print(f"run-action: step '{step.get('name')}' failed with {status}", file=sys.stderr)
        sys.exit(status)

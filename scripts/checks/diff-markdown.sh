#!/usr/bin/env bash
# Diff comments are safe to post: every pair under Tests/DiffPairs (the hostile one above
# all), every corpus topology and the bundled example as new files (/dev/null -> file, so
# every label and attribute is in the tables) and the example's stage changes render through
# markdown-it-py, raw HTML on as GitHub allows, with no element the template did not write.
# The hostile pair's values must also be shown as written.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
build_topograph
scratch_dir

side() { [ -e "$1" ] && echo "$1" || echo /dev/null; }
for pair in Tests/DiffPairs/*/; do
    name=$(basename "$pair")
    "$bin" diff "$(side "$pair/old.yaml")" "$(side "$pair/new.yaml")" --format markdown > "$work/pair-$name.md"
done
shopt -s nullglob
for topology in Tests/Corpus/*.yaml Docs/examples/*.yaml; do
    "$bin" diff /dev/null "$topology" --format markdown > "$work/new-$(basename "$topology" .yaml).md"
done
"$bin" diff Docs/examples/session-store.yaml --stages V1..V3 --format markdown > "$work/example-v1-v3.md"

# What the hostile pair wrote, as a reader must see it.
cat > "$work/hostile-text.txt" <<'TEXT'
Orders <!--
team -->
<img src=x onerror=alert(1)> [click](https://evil.example) **bold** `tick` a|b
<details><summary>x</summary>
<script>alert(1)</script>
sql <b>bold</b>
``` <a href='https://evil.example'>x</a>
TEXT
.venv/bin/python scripts/diff-markdown-check.py --expect-text "$work/hostile-text.txt" "$work/pair-hostile.md"
grep -q '`public`: `false` → `true`' "$work/pair-hostile.md" || { echo "the hostile pair's public change is not in the comment"; exit 1; }
.venv/bin/python scripts/diff-markdown-check.py "$work"/*.md

# The checker itself must see what it is there to catch: a comment that writes values raw.
printf '<!-- topograph-diff -->\n### Architecture diff\n\n| change | resource |\n|---|---|\n| changed | Orders <!-- |\n| added | <img src=x> [l](https://e.example) https://bare.example |\n' > "$work/unsafe.txt"
if .venv/bin/python scripts/diff-markdown-check.py "$work/unsafe.txt" > "$work/unsafe.log"; then
    echo "diff-markdown-check.py passed a comment with raw values"; cat "$work/unsafe.log"; exit 1
fi
grep -q "live <img> element" "$work/unsafe.log" && grep -q "live <a> element" "$work/unsafe.log" || { cat "$work/unsafe.log"; exit 1; }
echo "diff-markdown-check.py rejects raw values: ok"

# The JSON of every pair (and the hand-written expected files) against Docs/diff.schema.json.
for pair in Tests/DiffPairs/*/; do
    "$bin" diff "$(side "$pair/old.yaml")" "$(side "$pair/new.yaml")" --format json > "$work/pair-$(basename "$pair").json"
done
.venv/bin/python - Docs/diff.schema.json "$work"/pair-*.json Tests/DiffPairs/*/expected.json <<'PY'
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failed = 0
for path in sys.argv[2:]:
    errors = list(validator.iter_errors(json.load(open(path, encoding="utf-8"))))
    if errors:
        failed += 1
        print(f"FAIL {path}: {errors[0].message[:200]} at {list(errors[0].absolute_path)}")
print(f"diff json: {len(sys.argv) - 2 - failed} valid, {failed} invalid against Docs/diff.schema.json")
sys.exit(1 if failed else 0)
PY

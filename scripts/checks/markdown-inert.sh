#!/usr/bin/env bash
# Every generated Markdown page (index pages, runbooks, migrations, lint summaries) of the
# corpus, the bundled example and a hostile topology, rendered by markdown-it-py with raw
# HTML on, holds no live element; the hostile pages keep the block structure of a twin
# with plain values, and every hostile payload is shown as text.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
build_topograph
scratch_dir
mkdir -p "$work/corpus" "$work/hostile-src" "$work/twin-src"
for file in Tests/Corpus/*.yaml Docs/examples/*.yaml; do
    [ -e "$file" ] && cp "$file" "$work/corpus/"
done
.venv/bin/python scripts/hostile-markdown.py Docs/examples/session-store.yaml \
    "$work/hostile-src" "$work/twin-src" "$work/payloads.jsonl"
# Corpus files that fail to load are other checks' concern; generate writes what loads.
"$bin" generate "$work/corpus" -o "$work/corpus-out" >/dev/null || true
"$bin" generate "$work/hostile-src" -o "$work/hostile-out" >/dev/null
"$bin" generate "$work/twin-src" -o "$work/twin-out" >/dev/null
# The file names differ (the hostile one holds markup); compare pages by topology.
.venv/bin/python scripts/markdown-inert.py "$work/corpus-out" \
    --hostile "$work/hostile-out" --twin "$work/twin-out" --payloads "$work/payloads.jsonl"

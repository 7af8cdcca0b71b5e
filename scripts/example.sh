#!/usr/bin/env bash
# The main job on the bundled example: installs what is missing, builds Topograph, then
# for Docs/examples/session-store.yaml: validates and lints it, renders every stage in every
# format, writes the stage and migration runbooks, and builds the docs tree, into out/example/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --example
swift build -c release --product topograph >&2
bin=".build/release/topograph"
mkdir -p out/example
"$bin" validate Docs/examples/session-store.yaml
"$bin" lint Docs/examples/session-store.yaml
"$bin" render Docs/examples/session-store.yaml --all-stages --format mermaid,svg,png,dot -o out/example/
"$bin" runbook Docs/examples/session-store.yaml --all-stages -o out/example/
"$bin" generate Docs/examples -o out/example/docs --quiet
echo "Written into out/example/ (the docs tree: out/example/docs/index.md):" >&2
ls -1 out/example >&2

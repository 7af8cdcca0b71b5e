#!/usr/bin/env bash
# The main job on the bundled example: installs what is missing, builds Topograph and
# renders every stage of Docs/examples/session-store.yaml into out/example/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --build
swift build -c release --product topograph >&2
bin=".build/release/topograph"
mkdir -p out/example
"$bin" validate Docs/examples/session-store.yaml
"$bin" render Docs/examples/session-store.yaml --all-stages --format mermaid,svg,png,dot -o out/example/
echo "Rendered into out/example/:" >&2
ls -1 out/example >&2

#!/usr/bin/env bash
# The interactive HTML page in a real browser: the example, five corpus topologies with
# stages or findings, and the hostile-label fixture are rendered with `--format html`,
# the example's docs tree is generated, and scripts/html-check.py drives each page in
# headless Chromium over the DevTools protocol (stage switching and its highlights, the
# side panel's findings and runbook sections, deep links, no console error, no request,
# nothing live from hostile values). Also: a 100-resource, 3-stage page stays under 1 MB,
# and the checker rejects a page whose script does not match its CSP hash.
# HTML_SCREENSHOTS=DIR keeps screenshots of every page.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
build_topograph
scratch_dir

pages=()
for topology in Docs/examples/session-store.yaml Tests/Corpus/monolith-to-services.yaml Tests/Corpus/session-store-stages.yaml \
    Tests/Corpus/rest-nlb-alb-cognito-waf.yaml Tests/Corpus/service-connect-microservices.yaml Tests/Corpus/serverless-api.yaml; do
    name=$(basename "$topology" .yaml)
    "$bin" render "$topology" --format html -o "$work/$name.html" --quiet
    pages+=("$work/$name.html")
done
"$bin" render Tests/Fixtures/render/hostile-labels.yaml --format html -o "$work/hostile.html" --quiet
"$bin" generate Docs/examples -o "$work/docs" --quiet

shots=()
[ -n "${HTML_SCREENSHOTS:-}" ] && shots=(--screenshots "$HTML_SCREENSHOTS")
"$PY" scripts/html-check.py "${pages[@]}" --hostile "$work/hostile.html" --index "$work/docs/index.html" "${shots[@]}"

# The size budget: a 100-resource topology with three stages.
"$PY" scripts/bench/gen-topology.py 100 --stages 3 > "$work/staged.yaml"
"$bin" render "$work/staged.yaml" --format html -o "$work/staged.html" --quiet
size=$(wc -c < "$work/staged.html")
echo "100 resources, 3 stages: $size bytes"
[ "$size" -lt 1000000 ] || { echo "the 100-resource, 3-stage page is $size bytes, over 1 MB"; exit 1; }

# The checker must notice a script the policy does not allow (a stale hash), or a page
# whose script never ran would pass unseen.
sed 's/"use strict";/"use strict"; \/\/ tampered/' "$work/session-store.html" > "$work/tampered.html"
if "$PY" scripts/html-check.py "$work/tampered.html" >/dev/null 2>&1; then
    echo "html-check accepted a page whose script the CSP blocks"
    exit 1
fi
echo "html-check rejects a page whose script the CSP blocks: ok"

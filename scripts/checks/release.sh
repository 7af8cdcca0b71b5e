#!/usr/bin/env bash
# The release tarball and the GitHub Action, end to end:
# 1. scripts/package.sh builds the tarball (unoptimised here, to keep the suite quick; the
#    release build differs only in -c release); it links no Swift runtime dynamically.
# 2. Unpacked into an empty folder and run with a bare environment (no Swift on PATH, no
#    LD_LIBRARY_PATH), it renders the example: the same SVG bytes as the development build,
#    plus a runbook and lint.
# 3. action.yml, run step by step by scripts/run-action.py with that tarball as the release,
#    installs it (installed-from=release) and runs check, lint (SARIF with input errors)
#    and diff (the PR comment) in a scratch repository; without a tarball it falls back to
#    the source build.
set -euo pipefail
# Under set -e a failing command substitution exits without a word: say which line.
trap 'echo "release: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
cd "$(dirname "$0")/../.."
. scripts/lib.sh
build_topograph
dev="$PWD/$bin"
scratch_dir
version=$("$dev" --version)
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# 1. The tarball.
mkdir -p "$work/releases/v$version"
tarball=$(scripts/package.sh --configuration debug --output "$work/releases/v$version" | tail -1)
[ -f "$tarball" ] && [ -f "$tarball.sha256" ] || { echo "release: package.sh made no tarball"; exit 1; }
echo "release: $(basename "$tarball"), $(du -k "$tarball" | cut -f1) KB"

# 2. Relocated into an empty folder, bare environment.
empty="$work/empty"
mkdir -p "$empty"
tar -xzf "$tarball" -C "$empty"
unpacked=$(echo "$empty"/topograph-*)
bare() { env -i HOME="$empty" PATH=/usr/bin:/bin "$@"; }
if ldd "$unpacked/bin/topograph" | grep -Eq 'libswift|libFoundation|/opt/swift|not found'; then
    fail "the unpacked binary needs libraries the tarball does not bring:"; ldd "$unpacked/bin/topograph"
fi
# The example under the same relative path, so the marker (and so every byte) can match.
mkdir -p "$empty/Docs/examples"
cp "$unpacked/share/topograph/session-store.yaml" "$empty/Docs/examples/"
(cd "$empty" && bare "$unpacked/bin/topograph" render Docs/examples/session-store.yaml --all-stages --format svg --no-icons -o out/ --quiet) \
    || fail "the unpacked binary cannot render the example"
"$dev" render Docs/examples/session-store.yaml --all-stages --format svg --no-icons -o "$work/dev/" --quiet
for svg in "$work"/dev/*.svg; do
    cmp -s "$svg" "$empty/out/$(basename "$svg")" || fail "$(basename "$svg") from the tarball differs from the development build's"
done
runbook=$(cd "$empty" && bare "$unpacked/bin/topograph" runbook Docs/examples/session-store.yaml --stage V2 -o -) || true
grep -q '^# Runbook: ' <<<"$runbook" || fail "the unpacked binary cannot write a runbook (templates not embedded?)"
(cd "$empty" && bare "$unpacked/bin/topograph" lint "$unpacked/share/topograph/session-store.yaml" >/dev/null) \
    || fail "the unpacked binary cannot lint the example"
if strings "$unpacked/bin/topograph" | grep -q "$PWD/templates"; then fail "the binary refers to this checkout's templates/"; fi

# 3. The action, with the tarball as the release.
repo="$work/user-repo"
mkdir -p "$repo/docs/architecture"
git init -q -b main "$repo"
cp Docs/examples/session-store.yaml "$repo/docs/architecture/"
cp Tests/Corpus/serverless-api.yaml "$repo/docs/architecture/" 2>/dev/null || true
printf 'inputs: [docs/architecture/*.yaml]\noutput: docs/architecture/generated\n' > "$repo/topograph.yml"
(cd "$repo" && "$dev" generate --quiet && git add -A && git -c user.name=t -c user.email=t@t commit -qm base)
run_action() { ACTION_REF="v$version" .venv/bin/python scripts/run-action.py . "$repo" releases-url="file://$work/releases" "$@" 2>&1; }

out=$(run_action command=check) || fail "action check on a clean tree: $out"
grep -q '^output install.from=release$' <<<"$out" || fail "the action did not install from the release tarball: $out"
grep -q '^output run.exit-code=0$' <<<"$out" || fail "action check exit-code: $out"

sed -i 's/^resources:$/resources:\n  broken-here: { kind: lambdaa }/' "$repo/docs/architecture/session-store.yaml"
if out=$(run_action command=lint args=docs/architecture/*.yaml sarif=lint.sarif); then fail "action lint passed with an input error"; fi
grep -q '^output run.exit-code=2$' <<<"$out" || fail "action lint exit-code on an input error: $out"
grep -q '::error file=docs/architecture/session-store.yaml,line=' <<<"$out" || fail "no annotation for the input error: $out"
.venv/bin/python - "$repo/lint.sarif" <<'PY' || fail "the SARIF does not report the input error"
import json, sys
import jsonschema
log = json.load(open(sys.argv[1]))
schema = json.load(open("Tests/Schemas/sarif-2.1.0.json"))
jsonschema.validators.validator_for(schema)(schema).validate(log)
run = log["runs"][0]
invocation = run["invocations"][0]
assert invocation["executionSuccessful"] is False, invocation
notes = invocation["toolExecutionNotifications"]
assert any(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/architecture/session-store.yaml" for n in notes), notes
PY
(cd "$repo" && git checkout -q docs && git checkout -q -b pr)
sed -i 's/^resources:$/resources:\n  added-in-pr: { kind: lambda }/' "$repo/docs/architecture/session-store.yaml"
(cd "$repo" && git -c user.name=t -c user.email=t@t commit -qam pr)
out=$(run_action command=diff base=main paths=docs/architecture/*.yaml) || fail "action diff: $out"
comment=$(sed -n 's/^output run.comment-file=//p' <<<"$out")
if [ -z "$comment" ] || ! grep -q '| `docs/architecture/session-store.yaml` | changed |' "$comment"; then fail "the PR comment lacks the changed topology: $out"; fi
if [ -n "$comment" ] && grep -q 'serverless-api' "$comment"; then fail "the PR comment lists an unchanged topology"; fi

# No tarball for the version: the action falls back to a source build (not run here: it is
# the release build the README's first run also does).
out=$(RUN_ACTION_STOP_AFTER=download run_action command=install version=0.0.0-none) || fail "action without a release: $out"
grep -q '^output download.found=false$' <<<"$out" || fail "the action did not notice the missing release: $out"

echo "release: tarball relocates and renders the example; action: release install, check, lint, diff, source fallback; $failures failures"
[ "$failures" -eq 0 ]

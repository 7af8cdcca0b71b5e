#!/usr/bin/env bash
# The whole test suite: installs what is missing, runs the Swift tests, then every check
# under scripts/checks/ (real clients: Mermaid in headless Chromium, XML parsers,
# botocore's models, redis-server, JSON Schema). Ends with one `N passed, N failed` line.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || exit 2

start=$(date +%s)
# Warnings are errors (the same flags as scripts/lib.sh's builds, so the checks reuse this build).
swift build --build-tests -Xswiftc -warnings-as-errors >&2 || { echo "topograph: 0 passed, 1 failed"; exit 1; }
log=$(mktemp)
swift test --skip-build 2>&1 | tee "$log"
swift_status=${PIPESTATUS[0]}
swift_passed=$(grep -Eo 'Test run with [0-9]+ tests?' "$log" | tail -1 | grep -Eo '[0-9]+' || echo 0)
swift_failed=$(grep -Eo 'with [0-9]+ issues?' "$log" | tail -1 | grep -Eo '[0-9]+' || echo 0)
[ "$swift_status" -eq 0 ] || [ "$swift_failed" -gt 0 ] || swift_failed=1
rm -f "$log"

checks_passed=0
checks_failed=0
timings=("$(printf '%5d s  %s  %s' $(( $(date +%s) - start )) passed "swift build and test")")
# TOPOGRAPH_SKIP_CHECKS="a.sh b.sh" skips named checks, for quick local loops only; CI
# (.ci/run) never sets it, so every check runs there.
for check in scripts/checks/*.sh; do
    [ -e "$check" ] || continue
    case " ${TOPOGRAPH_SKIP_CHECKS:-} " in
        *" $(basename "$check") "*) echo "== $(basename "$check") (skipped: TOPOGRAPH_SKIP_CHECKS)"; continue ;;
    esac
    echo "== $(basename "$check")"
    check_start=$(date +%s)
    if bash "$check"; then
        checks_passed=$((checks_passed + 1))
        verdict=passed
    else
        echo "FAILED: $check"
        checks_failed=$((checks_failed + 1))
        verdict=FAILED
    fi
    # Each check's time, so the suite's budget (30 minutes on 2 cores) shows where it goes.
    timings+=("$(printf '%5d s  %s  %s' $(( $(date +%s) - check_start )) "$verdict" "$(basename "$check")")")
done
echo "== check times"
printf '%s\n' "${timings[@]}" | sort -rn
echo "suite time: $(( $(date +%s) - start )) s (swift tests: $swift_passed, checks: $checks_passed passed, $checks_failed failed)"
passed=$((swift_passed + checks_passed))
failed=$((swift_failed + checks_failed))
echo "topograph: $passed passed, $failed failed"
[ "$swift_status" -eq 0 ] && [ "$checks_failed" -eq 0 ]

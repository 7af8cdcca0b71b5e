#!/usr/bin/env bash
# The whole test suite: installs what is missing, runs the Swift tests, then every check
# under scripts/checks/ (real clients: Mermaid in headless Chromium, XML parsers,
# botocore's models, redis-server, JSON Schema). Ends with one `N passed, N failed` line.
#
# After the build, the Swift tests and the checks run as jobs, TOPOGRAPH_CHECK_JOBS at a time
# (default 2, CI's cores): many checks leave a core idle (valgrind, a Python checker, a browser
# or a server waiting), so two at once finish the suite in about half the time with the same
# work. Each job's output is printed whole when it ends, never interleaved. Jobs share no
# port, scratch directory or build directory (each check makes its own with mktemp and free
# ports; release.sh builds in .build-package; fuzz.sh alone writes .build/fuzz-*), and no job
# runs `swift build` in .build: this script builds once, before any job starts.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
# What `swift build` needs, first; the rest (Chromium, valgrind, .venv, ...) installs while it
# builds: on a fresh clone, .venv alone takes most of a minute.
scripts/setup.sh --build || exit 2
scripts/setup.sh > "$logs/setup.out" 2>&1 &
setup=$!

start=$(date +%s)
# Warnings are errors (the same flags as scripts/lib.sh's builds, so the checks reuse this build).
swift build --build-tests -Xswiftc -warnings-as-errors >&2
build_status=$?
build_time=$(( $(date +%s) - start ))
wait "$setup"
setup_status=$?
cat "$logs/setup.out" >&2
[ "$setup_status" -eq 0 ] || exit 2
[ "$build_status" -eq 0 ] || { echo "topograph: 0 passed, 1 failed"; exit 1; }
# scripts/lib.sh's build_topograph skips its own (no-op) `swift build`: a second SwiftPM
# process on .build would wait for the lock `swift test` holds.
export TOPOGRAPH_PREBUILT=1

jobs=${TOPOGRAPH_CHECK_JOBS:-2}
# `wait -n -p` (which job ended) needs bash 5.1; an older bash runs the jobs one by one.
if (( BASH_VERSINFO[0] * 100 + BASH_VERSINFO[1] < 501 )) || ! (( jobs >= 1 )); then jobs=1; fi

# Checks bounded by time rather than work (fuzz.sh: its two fuzzers a minute each, side by
# side) run first and alone, so each fuzzer has a core to itself, as many inputs as before.
alone=(fuzz)
# Then the jobs, longest first (so the lanes end together; figures in scripts/README.md), then
# every other check in name order. A check missing from these lists still runs.
long_first=(runbook-moto aws-import release graphviz-leaks fresh-machine swift-test runbook-hostile markdown-inert runbook-shell html-page diagram-geometry)
is_alone() { case " ${alone[*]} " in *" $1 "*) return 0 ;; esac; return 1; }
queue=()
for name in "${alone[@]}" "${long_first[@]}"; do
    if [ "$name" = swift-test ] || [ -e "scripts/checks/$name.sh" ]; then queue+=("$name"); fi
done
for check in scripts/checks/*.sh; do
    [ -e "$check" ] || continue
    name=$(basename "$check" .sh)
    case " ${alone[*]} ${long_first[*]} " in *" $name "*) continue ;; esac
    queue+=("$name")
done

# seconds TIME: bash's `times` figure (1m2.500s) in whole seconds.
seconds() { local t=${1%s}; awk -v m="${t%%m*}" -v s="${t#*m}" 'BEGIN { printf "%d", m * 60 + s + 0.5 }'; }

# run_job NAME: runs the Swift tests or scripts/checks/NAME.sh; its output goes to
# $logs/NAME.out, and "status wall-seconds cpu-seconds" to $logs/NAME.result (CPU: user + system
# time of every process the job ran and waited for).
run_job() {
    local name=$1 job_start status
    job_start=$(date +%s)
    if [ "$name" = swift-test ]; then
        swift test --skip-build > "$logs/$name.out" 2>&1
    else
        bash "scripts/checks/$name.sh" > "$logs/$name.out" 2>&1
    fi
    status=$?
    # `times` in this shell (a pipe or $(...) would fork one whose children's time is zero).
    times > "$logs/$name.times"
    local user sys
    read -r user sys < <(tail -1 "$logs/$name.times")
    echo "$status $(( $(date +%s) - job_start )) $(( $(seconds "$user") + $(seconds "$sys") ))" > "$logs/$name.result"
}

swift_passed=0
swift_failed=0
swift_status=1
checks_passed=0
checks_failed=0
cpu_total=0
timings=()
# report NAME: prints a finished job's output under its name and counts its verdict.
report() {
    local name=$1 status=1 wall=0 cpu=0 verdict=passed
    # No result file: the job's shell itself was killed; that is a failure.
    [ -s "$logs/$name.result" ] && read -r status wall cpu < "$logs/$name.result"
    cpu_total=$((cpu_total + cpu))
    if [ "$name" = swift-test ]; then
        echo "== swift build and test"
        cat "$logs/$name.out"
        swift_status=$status
        swift_passed=$(grep -Eo 'Test run with [0-9]+ tests?' "$logs/$name.out" | tail -1 | grep -Eo '[0-9]+' || echo 0)
        swift_failed=$(grep -Eo 'with [0-9]+ issues?' "$logs/$name.out" | tail -1 | grep -Eo '[0-9]+' || echo 0)
        [ "$swift_status" -eq 0 ] || [ "$swift_failed" -gt 0 ] || swift_failed=1
        [ "$swift_status" -eq 0 ] || verdict=FAILED
        # The build ran before the jobs, on both cores: its wall time counts here.
        timings+=("$(printf '%5d s %5d s  %-6s  %s' $((wall + build_time)) "$cpu" "$verdict" "swift build and test (build ${build_time} s wall, before the jobs)")")
        return
    fi
    echo "== $name.sh"
    cat "$logs/$name.out"
    if [ "$status" -eq 0 ]; then
        checks_passed=$((checks_passed + 1))
    else
        echo "FAILED: scripts/checks/$name.sh"
        checks_failed=$((checks_failed + 1))
        verdict=FAILED
    fi
    # Each check's time, so the suite's budget (30 minutes on 2 cores) shows where it goes.
    timings+=("$(printf '%5d s %5d s  %-6s  %s' "$wall" "$cpu" "$verdict" "$name.sh")")
}

declare -A running=()
next=0
while (( next < ${#queue[@]} )) || (( ${#running[@]} > 0 )); do
    while (( ${#running[@]} < jobs )) && (( next < ${#queue[@]} )); do
        name=${queue[next]}
        # An alone check starts on an empty pool and keeps it to itself.
        for other in "${running[@]}"; do is_alone "$other" && break 2; done
        if is_alone "$name" && (( ${#running[@]} > 0 )); then break; fi
        next=$((next + 1))
        # TOPOGRAPH_SKIP_CHECKS="a.sh b.sh" skips named checks, for quick local loops only; CI
        # (.ci/run) never sets it, so every check runs there.
        if [ "$name" != swift-test ]; then
            case " ${TOPOGRAPH_SKIP_CHECKS:-} " in
                *" $name.sh "*) echo "== $name.sh (skipped: TOPOGRAPH_SKIP_CHECKS)"; continue ;;
            esac
        fi
        echo "started: $name"
        run_job "$name" &
        running[$!]=$name
    done
    (( ${#running[@]} > 0 )) || break
    if (( jobs > 1 )); then
        ended=""
        wait -n -p ended
        # A signal can end the wait with no job ended; wait again.
        if [ -z "$ended" ] || [ -z "${running[$ended]:-}" ]; then continue; fi
        # A job named before its result is written (stopped, or named too early: release.sh
        # was once reported failed after 0 s with no output) is waited for by its own pid.
        [ -s "$logs/${running[$ended]}.result" ] || wait "$ended" 2>/dev/null
    else
        ended=${!running[*]}
        wait "$ended"
    fi
    report "${running[$ended]}"
    unset "running[$ended]"
done

echo "== check times (wall, CPU: user + system of the job's processes)"
printf '%s\n' "${timings[@]}" | sort -rn
echo "suite time: $(( $(date +%s) - start )) s, CPU of the jobs $cpu_total s, $jobs at a time (swift tests: $swift_passed, checks: $checks_passed passed, $checks_failed failed)"
passed=$((swift_passed + checks_passed))
failed=$((swift_failed + checks_failed))
echo "topograph: $passed passed, $failed failed"
[ "$swift_status" -eq 0 ] && [ "$checks_failed" -eq 0 ]

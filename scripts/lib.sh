# Shared by scripts/checks/*.sh and scripts/bench/*.sh (sourced, not run).

# Warnings are errors in every build the suite and the benchmarks make. scripts/test.sh and
# /work/land.sh pass the same flags, so the checks reuse the test build instead of
# recompiling every module with a different command line.
SWIFT_BUILD_FLAGS=(-Xswiftc -warnings-as-errors)

# Builds the debug binary quietly and sets $bin to it.
build_topograph() {
    swift build "${SWIFT_BUILD_FLAGS[@]}" --product topograph >/dev/null
    bin=.build/debug/topograph
}

# Builds the release binary (for benchmarks) and sets $bin to its absolute path.
build_topograph_release() {
    scripts/setup.sh --build
    swift build "${SWIFT_BUILD_FLAGS[@]}" -c release --product topograph >&2
    bin="$PWD/.build/release/topograph"
}

# Builds the release binary as scripts/package.sh ships it (static Swift runtime, in
# package.sh's scratch path, shared with it) and sets $bin to its absolute path.
build_topograph_packaged() {
    scripts/setup.sh --build
    swift build -c release --product topograph --static-swift-stdlib --scratch-path .build-package -Xlinker -l:libcurl.so.4 >&2  # as package.sh links it
    bin="$PWD/.build-package/release/topograph"
}

# A scratch directory in $work, removed when the script exits.
scratch_dir() {
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
}

# median RUNS COMMAND...: the median wall time of RUNS runs, in seconds.
median() {
    local runs=$1
    shift
    local times=()
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s.%N)
        "$@" >/dev/null 2>&1 || true
        end=$(date +%s.%N)
        times+=("$(echo "$end - $start" | bc)")
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

# peak COMMAND...: the peak resident memory in KB (GNU time).
peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }

# The one Python every script uses: the project's .venv (scripts/setup.sh makes it), so
# checks and benchmarks see the same packages on every machine.
if [ ! -x .venv/bin/python ]; then
    scripts/setup.sh >&2
fi
PY="$PWD/.venv/bin/python"

# Shared by scripts/checks/*.sh and scripts/bench/*.sh (sourced, not run).

# Warnings are errors in every build the suite and the benchmarks make. scripts/test.sh and
# /work/land.sh pass the same flags, so the checks reuse the test build instead of
# recompiling every module with a different command line.
SWIFT_BUILD_FLAGS=(-Xswiftc -warnings-as-errors)

# Builds the debug binary quietly and sets $bin to it. Under scripts/test.sh
# (TOPOGRAPH_PREBUILT=1) the binary is already built with these flags: a second SwiftPM
# process on .build would only wait for the lock a running `swift test` holds.
build_topograph() {
    bin=.build/debug/topograph
    [ -n "${TOPOGRAPH_PREBUILT:-}" ] && [ -x "$bin" ] && return 0
    swift build "${SWIFT_BUILD_FLAGS[@]}" --product topograph >/dev/null
}

# Builds the release binary (for benchmarks) and sets $bin to its absolute path.
build_topograph_release() {
    scripts/setup.sh --build
    swift build "${SWIFT_BUILD_FLAGS[@]}" -c release --product topograph >&2
    bin="$PWD/.build/release/topograph"
}

# package_build CONFIGURATION: the binary scripts/package.sh ships, static Swift runtime, in
# its own scratch path (a static standard library means other compiled modules, and the
# everyday .build must not be rebuilt for it). FlyingFox (serve) imports FoundationNetworking,
# whose static archive asks the linker for -lcurl: the system's libcurl.so.4 is there wherever
# Swift runs (the toolchain's own FoundationNetworking needs it), but its unversioned name
# comes only with a -dev package, so a link in the scratch path gives the linker that name.
package_build() {
    local curl
    curl=$(ldconfig -p 2>/dev/null | awk '/libcurl\.so\.4 .*(x86-64|AArch64)/ { print $NF; exit }')
    [ -n "$curl" ] || curl=$(ls /usr/lib/*-linux-gnu/libcurl.so.4 2>/dev/null | head -1)
    [ -n "$curl" ] || { echo "libcurl.so.4 not found (Debian: libcurl4)" >&2; return 1; }
    mkdir -p .build-package/link
    ln -sf "$curl" .build-package/link/libcurl.so
    swift build -c "$1" --product topograph --static-swift-stdlib --scratch-path .build-package -Xlinker -L"$PWD/.build-package/link" >&2
}

# Builds the release binary as scripts/package.sh ships it and sets $bin to its absolute path.
build_topograph_packaged() {
    scripts/setup.sh --build
    package_build release
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

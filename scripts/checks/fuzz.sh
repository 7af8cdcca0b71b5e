#!/usr/bin/env bash
# A bounded mutation fuzz run over the shared corpus (about a minute; FUZZ_SECONDS and
# FUZZ_SEED override): fails on a crash, a hang, an exit status outside 0/1/2, an input
# error without file:line:column, or output left behind after exit 2. Failing mutants are
# kept in .build/fuzz-failures/ to replay.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
build_topograph
rm -rf .build/fuzz-failures
python3 scripts/fuzz.py "$PWD/$bin" Tests/Corpus/*.yaml Docs/examples/*.yaml \
    --seconds "${FUZZ_SECONDS:-60}" --seed "${FUZZ_SEED:-17}" --keep .build/fuzz-failures

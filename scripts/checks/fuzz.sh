#!/usr/bin/env bash
# Two bounded runs (about a minute each; FUZZ_SECONDS, FUZZ_IAC_SECONDS and FUZZ_SEED
# override), side by side, one core each (scripts/test.sh runs this check alone, so each
# fuzzer has a core to itself for its minute, as when they ran one after the other):
# - mutation fuzzing of topologies over the shared corpus (scripts/fuzz.py): fails on a
#   crash, a hang, an exit status outside 0/1/2, an input error without
#   file:line:column, or output left behind after exit 2;
# - probes and mutants of the import surfaces (scripts/fuzz-iac.py): the hostile fixtures
#   of Tests/HostileIaC and the corpus templates through import and drift; fails unless
#   crashes, hangs, executed payloads, writes outside -o and files lost are all 0.
# Failing inputs are kept in .build/fuzz-failures/ and .build/fuzz-iac-failures/ to replay.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
build_topograph
scratch_dir
rm -rf .build/fuzz-failures .build/fuzz-iac-failures
python3 scripts/fuzz.py "$PWD/$bin" Tests/Corpus/*.yaml Docs/examples/*.yaml \
    --seconds "${FUZZ_SECONDS:-60}" --seed "${FUZZ_SEED:-17}" --keep .build/fuzz-failures > "$work/fuzz.out" 2>&1 &
topologies=$!
corpus=(Tests/Corpus/cloudformation Tests/Corpus/terraform)
[ -d ../shared/iac-corpus ] && corpus+=(../shared/iac-corpus)
python3 scripts/fuzz-iac.py "$PWD/$bin" --fixtures Tests/HostileIaC --corpus "${corpus[@]}" \
    --seconds "${FUZZ_IAC_SECONDS:-60}" --seed "${FUZZ_SEED:-29}" --keep .build/fuzz-iac-failures > "$work/fuzz-iac.out" 2>&1 &
iac=$!
status=0
wait "$topologies" || status=1
wait "$iac" || status=1
cat "$work/fuzz.out" "$work/fuzz-iac.out"
exit $status

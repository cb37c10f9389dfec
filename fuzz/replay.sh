#!/usr/bin/env bash
# CI's fuzz check, deterministic: every saved crash (fuzz/crashes/TARGET/*) is run once, then each
# target replays its committed corpus (fuzz/corpus/TARGET/) and mutates it for a bounded number of
# runs with a fixed seed. Exits non-zero on the first crash, leak-free hang (timeout) or build failure.
set -euo pipefail
cd "$(dirname "$0")/.."
# Swift's own crash backtracer fights AddressSanitizer over the crashed process; libFuzzer reports.
export SWIFT_BACKTRACE=enable=no
runs=${FUZZ_REPLAY_RUNS:-10000}
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(toml manifest quiz answers markdown progress)
bash fuzz/build.sh "${targets[@]}"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for target in "${targets[@]}"; do
    binary=fuzz/.build/fuzz-$target
    options=(-timeout=20 -rss_limit_mb=2048 -detect_leaks=0)
    shopt -s nullglob
    crashes=(fuzz/crashes/"$target"/*)
    shopt -u nullglob
    if [[ ${#crashes[@]} -gt 0 ]]; then
        "$binary" "${options[@]}" "${crashes[@]}" >"$scratch/$target-crashes.log" 2>&1 || {
            cat "$scratch/$target-crashes.log" >&2
            echo "fuzz/replay.sh: $target: a saved crash still crashes" >&2
            exit 1
        }
    fi
    mkdir -p "$scratch/$target"
    "$binary" "${options[@]}" -seed=1 -runs="$runs" "$scratch/$target" "fuzz/corpus/$target" \
        >"$scratch/$target.log" 2>&1 || {
        tail -40 "$scratch/$target.log" >&2
        echo "fuzz/replay.sh: $target crashed (log above)" >&2
        exit 1
    }
    echo "fuzz/replay.sh: $target: ${#crashes[@]} saved crashes and the corpus replayed, $runs runs: $(grep -o 'cov: [0-9]*' "$scratch/$target.log" | tail -1)"
done

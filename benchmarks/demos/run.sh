#!/usr/bin/env bash
# Times each demo's default run (`tandem run DEMO`, report to /dev/null) in a release build:
# the best and the median of N runs (default 7), wall clock, process start-up included.
# Usage: benchmarks/demos/run.sh [N]   (SCRATCH=DIR builds in DIR instead of .build, e.g. while a
# debug build or test run holds .build's lock)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-7}"
scratch=(${SCRATCH:+--scratch-path "$SCRATCH"})
# Built as README's quick start builds it: a fully static binary (--static-swift-stdlib plus
# -static-executable).
(cd "$root" && swift build -c release --static-swift-stdlib -Xswiftc -static-executable --product tandem "${scratch[@]}" >/dev/null)
tandem="$(cd "$root" && swift build -c release --static-swift-stdlib -Xswiftc -static-executable "${scratch[@]}" --show-bin-path)/tandem"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$tandem" "$runs" <<'PY'
import statistics, subprocess, sys, time
tandem, runs = sys.argv[1], int(sys.argv[2])
demos = ["cascade", "router", "ensemble", "weak-to-strong", "filter", "distill", "speculative", "salt"]
extra = {
    "weak-to-strong --sweep": ["weak-to-strong", "--sweep"],
    "weak-to-strong --seeds 20": ["weak-to-strong", "--seeds", "20"],
}
print(f"{'demo':34} {'best':>8} {'median':>8}")
for name, args in [(d, [d]) for d in demos] + list(extra.items()):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([tandem, "run", *args, "--color", "never", "--no-pager"], stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    print(f"{name:34} {min(times)*1000:7.0f}ms {statistics.median(times)*1000:7.0f}ms")
PY

#!/usr/bin/env bash
# Times `tandem render` against cmark (HTML) and rich's Markdown renderer on the CommonMark spec
# repeated ten times (~2 MB), and `tandem --version` against `cmark --version` for start-up.
# Usage: benchmarks/render/run.sh   (from anywhere; needs hyperfine, cmark, python3 with rich)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
spec="$root/../shared/commonmark/spec.txt"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

[ -f "$spec" ] || { echo "missing $spec" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "hyperfine is needed" >&2; exit 1; }
command -v cmark >/dev/null || { echo "cmark is needed" >&2; exit 1; }
python3 -c 'import rich' 2>/dev/null || python3 -m pip install --quiet rich

(cd "$root" && swift build -c release --static-swift-stdlib -Xswiftc -static-executable --product tandem >/dev/null)
tandem="$(cd "$root" && swift build -c release --static-swift-stdlib -Xswiftc -static-executable --show-bin-path)/tandem"

for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$spec"; done > "$work/spec10.md"
echo "input: $(wc -c < "$work/spec10.md") bytes; machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
"$tandem" --version

cat > "$work/rich_render.py" <<'PY'
import sys
from rich.console import Console
from rich.markdown import Markdown
text = open(sys.argv[1], encoding="utf-8").read()
console = Console(width=80, force_terminal=True, color_system="standard", file=open("/dev/null", "w"))
console.print(Markdown(text))
PY

# -N: no intermediate shell; hyperfine sends stdout to /dev/null itself.
hyperfine -N --warmup 3 --min-runs 20 --export-markdown "$work/render.md" \
  -n "tandem render" "'$tandem' render '$work/spec10.md' --color always --width 80 --no-pager" \
  -n "cmark (HTML)" "cmark '$work/spec10.md'"
hyperfine --runs 3 --export-markdown "$work/rich.md" \
  -n "rich Markdown" "python3 '$work/rich_render.py' '$work/spec10.md'"
hyperfine --warmup 5 --min-runs 50 -N --export-markdown "$work/startup.md" \
  -n "tandem --version" "'$tandem' --version" \
  -n "cmark --version" "cmark --version"
cat "$work/render.md" "$work/rich.md" "$work/startup.md"

# CPU time is steadier than wall time on a shared machine: report both.
echo "CPU time (user+sys, perf stat -r 10 where available):"
if command -v perf >/dev/null; then
  for command in "'$tandem' render '$work/spec10.md' --color always --width 80 --no-pager" "cmark '$work/spec10.md'"; do
    printf '%s: ' "${command%% *}"
    eval "perf stat -r 10 $command" 2>&1 >/dev/null | grep task-clock | awk '{print $1 " ms"}'
  done
fi

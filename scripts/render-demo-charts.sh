#!/usr/bin/env bash
# Writes every demo's charts as SVG (`tandem run DEMO --svg FOLDER`) and renders each SVG to PNG
# in a real headless browser (Debian's chromium), so a person can look at what the SVG shows.
#
#   bash scripts/render-demo-charts.sh [OUT_DIR]     (default: .build/demo-charts)
#
# Needs: a built tandem (.build/release/tandem, else .build/debug/tandem) and chromium
# (`apt-get install -y chromium`). Runs chromium with --no-sandbox when run as root.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-.build/demo-charts}"
tandem=.build/release/tandem
[ -x "$tandem" ] || tandem=.build/debug/tandem
[ -x "$tandem" ] || { echo "render-demo-charts: build tandem first (swift build)" >&2; exit 1; }
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "render-demo-charts: chromium not found (apt-get install -y chromium)" >&2; exit 1; }
sandbox=()
[ "$(id -u)" = 0 ] && sandbox=(--no-sandbox)

mkdir -p "$out"
for demo in cascade ensemble weak-to-strong filter distill speculative; do
    "$tandem" run "$demo" --svg "$out/$demo" --no-pager > /dev/null
done
for svg in "$out"/*/*.svg; do
    png="${svg%.svg}.png"
    # The SVG's own size is the window; an HTML wrapper keeps the page margin at zero.
    size=$(sed -n 's/.*<svg [^>]*width="\([0-9.]*\)" height="\([0-9.]*\)".*/\1,\2/p' "$svg" | head -1)
    "$browser" --headless "${sandbox[@]}" --disable-gpu --hide-scrollbars --window-size="${size:-760,480}" \
        --screenshot="$png" "file://$(realpath "$svg")" > /dev/null 2>&1
    echo "$png"
done

#!/usr/bin/env bash
# Builds libFuzzer targets: fuzz/build.sh [TARGET...] (default: all) -> fuzz/.build/fuzz-TARGET.
# Each library module a target needs is compiled straight from Sources/ with swiftc
# (-sanitize=fuzzer,address, optimised, -enable-testing), once, and reused until its sources change.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=fuzz/.build
mkdir -p "$OUT"
FLAGS=(-O -g -sanitize=fuzzer,address -swift-version 6 -enable-testing -I "$OUT" -I Sources/CCmark)
ALL_TARGETS=(toml manifest quiz answers markdown progress)

# The modules each target links, in dependency order.
modules_for() {
    case "$1" in
        toml) echo "TOML" ;;
        manifest | progress) echo "Terminal TOML Course" ;;
        markdown) echo "Terminal TerminalMarkdown" ;;
        quiz | answers) echo "Seeded Terminal TOML Course TerminalMarkdown JSON Quiz" ;;
        *) echo "unknown fuzz target '$1' (known: ${ALL_TARGETS[*]})" >&2; exit 2 ;;
    esac
}

build_module() {
    local name=$1 object="$OUT/$1.o"
    if [[ -f $object && -z $(find "Sources/$name" -name '*.swift' -newer "$object") ]]; then return; fi
    echo "fuzz/build.sh: compiling module $name" >&2
    swiftc "${FLAGS[@]}" -parse-as-library -wmo -module-name "$name" \
        -emit-module -emit-module-path "$OUT/$name.swiftmodule" -c Sources/"$name"/*.swift -o "$object"
}

targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=("${ALL_TARGETS[@]}")
for target in "${targets[@]}"; do
    read -ra modules <<<"$(modules_for "$target")"
    objects=()
    for module in "${modules[@]}"; do
        build_module "$module"
        objects+=("$OUT/$module.o")
    done
    binary="$OUT/fuzz-$target"
    newest=$(ls -t "${objects[@]}" "fuzz/targets/$target.swift" | head -1)
    if [[ -x $binary && $binary -nt $newest ]]; then continue; fi
    echo "fuzz/build.sh: linking $binary" >&2
    swiftc "${FLAGS[@]}" -parse-as-library -module-name "Fuzz_$target" "fuzz/targets/$target.swift" \
        "${objects[@]}" -lcmark -o "$binary" 2> >(grep -v "Cannot export local symbol" >&2)
done

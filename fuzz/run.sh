#!/usr/bin/env bash
# Runs one fuzz target for a while: fuzz/run.sh TARGET SECONDS
# Seeds are gathered at run time (nothing fetched is copied into the repository): the committed
# fuzz/corpus/TARGET, ../shared/toml-test and ../shared/commonmark when present, and the
# repository's own course, quiz fixtures and lessons. New interesting inputs collect in
# fuzz/.build/corpus/TARGET (kept between runs, not committed); crashes land in fuzz/crashes/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."
# Swift's own crash backtracer fights AddressSanitizer over the crashed process; libFuzzer reports.
export SWIFT_BACKTRACE=enable=no
target=${1:?usage: fuzz/run.sh TARGET SECONDS}
seconds=${2:-60}
bash fuzz/build.sh "$target"
shared=../shared
seeds=fuzz/.build/seeds/$target
work=fuzz/.build/corpus/$target
rm -rf "$seeds"
mkdir -p "$seeds" "$work" "fuzz/crashes/$target"

# Copies files into the seed folder under unique names.
seed_files() {
    local prefix=$1
    shift
    local n=0
    for file in "$@"; do
        [[ -f $file ]] || continue
        n=$((n + 1))
        cp "$file" "$seeds/$prefix-$n"
    done
}

toml_test_files() { [[ -d $shared/toml-test/tests ]] && find "$shared/toml-test/tests" -name '*.toml' | sort; }
quiz_files() { find Tests/QuizTests/Fixtures content -name '*.toml' | sort; }

case "$target" in
    toml) seed_files toml-test $(toml_test_files) && seed_files repo $(quiz_files) ;;
    manifest) seed_files repo content/course.toml && seed_files toml-test $(toml_test_files | grep /valid/) ;;
    quiz) seed_files repo $(quiz_files) ;;
    answers) seed_files repo $(quiz_files) && seed_files toml-test $(toml_test_files | grep /valid/) ;;
    markdown)
        # One seed per CommonMark spec example (input before the "." line, → for tab), each after a
        # settings byte; and the lessons and README as whole documents.
        if [[ -f $shared/commonmark/spec.txt ]]; then
            awk -v dir="$seeds" -v fence="$(printf '%.0s`' {1..32}) example" '
                index($0, fence) == 1 { inside = 1; n++; file = sprintf("%s/spec-%d", dir, n); printf "P" > file; next }
                inside && /^\.$/ { inside = 0; close(file); next }
                inside { gsub(/→/, "\t"); print >> file }
            ' "$shared/commonmark/spec.txt"
        fi
        n=0
        for file in $(find content -name '*.md' | sort) README.md; do
            n=$((n + 1))
            { printf '('; cat "$file"; } >"$seeds/doc-$n"
        done
        ;;
    progress) seed_files tests $(grep -l format_version -r Tests/CourseTests --include=*.json 2>/dev/null || true) ;;
esac

echo "fuzz/run.sh: $target for ${seconds}s, $(ls "$seeds" | wc -l) seeds, $(ls "$work" | wc -l) saved inputs" >&2
log=fuzz/.build/run-$target.log
set +e
"fuzz/.build/fuzz-$target" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -detect_leaks=0 \
    -print_final_stats=1 -artifact_prefix="fuzz/crashes/$target/" \
    "$work" "fuzz/corpus/$target" "$seeds" >"$log" 2>&1
status=$?
set -e
grep -E "INITED|DONE|pulse|ERROR|SUMMARY|stat::|Test unit written" "$log" | tail -12
exit $status

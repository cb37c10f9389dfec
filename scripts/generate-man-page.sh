#!/usr/bin/env bash
# Regenerates man/tandem.1 from the command tree with swift-argument-parser's GenerateManual
# plugin (the help texts of every command and option), then copies it into the repository.
#
#   bash scripts/generate-man-page.sh
#
# Commit the result. The test ManPageTests fails when a command is missing from the page.
set -euo pipefail
cd "$(dirname "$0")/.."
swift package --allow-writing-to-package-directory generate-manual \
    --configuration debug --date "$(date +%F)" --authors "the tandem developers"
mkdir -p man
cp .build/plugins/GenerateManual/outputs/tandem/tandem.1 man/tandem.1
echo "wrote man/tandem.1 (view it with: man -l man/tandem.1)"

#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 600), one after another, on the stable toolchain.
# cargo-fuzz passes nightly-only -Z flags to rustc; RUSTC_BOOTSTRAP=1 lets stable accept them.
# Seeds: fuzz/corpus/<target>/ (not committed; fill it from samples/ as fuzz/README.md says).
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-600}
for target in check_bytes markdown table fix; do
  mkdir -p "fuzz/corpus/$target"
  RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$SECONDS_PER_TARGET" -print_final_stats=1 -max_len=16384 -timeout=30 -rss_limit_mb=4096 \
    > "fuzz/$target.log" 2>&1
  echo "$target: exit $?"
done

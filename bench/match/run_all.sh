#!/bin/sh
# Runs every matching benchmark and accuracy harness, in the order of
# bench/match/RESULTS.md. Usage: bench/match/run_all.sh BUILD_DIR [OUT_DIR]
# where BUILD_DIR was configured with -DCMAKE_BUILD_TYPE=Release -DTRM_BENCH=ON.
set -eu
build="$1"
out="${2:-/tmp/trm-match-bench}"
bin="$build/match"
data_dir="$(cd "$(dirname "$0")/../.." && pwd)/data/match"
mkdir -p "$out"
echo "== machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2), $(nproc) cores, $(date -u +%Y-%m-%d)"
echo "== FEBRL4 accuracy";            "$bin/match_febrl_accuracy"
echo "== Splink fake_1000 clusters";  "$bin/match_splink_accuracy"
echo "== synthetic multi-script";     "$bin/match_multiscript_accuracy" --persons 5000
echo "== FEBRL4 privacy-preserving";  "$bin/match_febrl_pprl"
echo "== Dice kernel";                "$bin/match_dice_bench"
echo "== preparing and scoring";      "$bin/match_scoring_bench"
echo "== query latency, 1M persons";  "$bin/match_query_latency" --persons 1000000 --queries 10000
echo "== batch dedupe, 1M records"
"$bin/match_generate_people" --persons 700000 --extra-rate 0.43 --seed 7 --out "$out/people_1m.csv"
/usr/bin/time -v "$bin/match_cli" dedupe "$out/people_1m.csv" --data-dir "$data_dir" \
  --reference-year 2025 --report > "$out/clusters_1m.csv"

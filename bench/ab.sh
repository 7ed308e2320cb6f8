#!/usr/bin/env bash
# A/B of two builds of mtc: alternates `mtc train` of each, round by round, on the same machine in
# the same run, and prints per run the median epoch's samples/s (what bench/e2e.sh takes from a
# run) and the wall time of the whole command; then the medians of both. On a noisy shared host,
# only alternating runs compared by medians say whether a change helped.
#
#   bench/ab.sh [--rounds 5] [--epochs 3] [--batch 64] [--limit N] [--model examples/mnist.mt] TREE_A TREE_B
# TREE is a checkout with its own launcher (e.g. `git worktree add /tmp/a HEAD~1`); both train this
# checkout's model file, so that only the builds differ.
set -euo pipefail
export LC_ALL=C
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds=5 epochs=3 batch=64 limit=() model="$root/examples/mnist.mt"
while [ $# -gt 2 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;; --epochs) epochs=$2; shift 2 ;; --batch) batch=$2; shift 2 ;;
    --limit) limit=(--limit "$2"); shift 2 ;; --model) model=$2; shift 2 ;; *) break ;;
  esac
done
[ $# -eq 2 ] || { echo "usage: $0 [--rounds N] [--epochs N] [--batch B] [--limit N] [--model FILE] TREE_A TREE_B" >&2; exit 2; }
data="${MTC_DATA:-$root/../shared/data/mnist}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

run() {  # prints "median-epoch-samples/s wall-seconds" of one run of tree $1
  local start end
  start=$(date +%s.%N)
  "$1/mtc" train "$model" --data "$data" --epochs "$epochs" --batch "$batch" "${limit[@]}" \
    --metrics "$tmp/m.csv" >"$tmp/log" 2>&1 || { cat "$tmp/log" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$(tail -n +2 "$tmp/m.csv" | cut -d, -f7 | median) $(awk -v a="$start" -v b="$end" 'BEGIN{print b-a}')"
}

for tree in "$1" "$2"; do  # builds each launcher's jar and archives, if needed, before any timing
  "$tree/mtc" train "$model" --data "$data" --epochs 1 --limit 64 >"$tmp/log" 2>&1 ||
    { cat "$tmp/log" >&2; exit 1; }
done
printf '%-6s %-4s %14s %8s\n' round tree samples/s wall_s
for r in $(seq "$rounds"); do
  for side in A B; do
    tree=$1; [ "$side" = B ] && tree=$2
    read -r rate wall < <(run "$tree")
    echo "$rate $wall" >>"$tmp/$side"
    printf '%-6s %-4s %14.0f %8.2f\n' "$r" "$side" "$rate" "$wall"
  done
done
for side in A B; do
  printf 'MEDIAN %s samples/s=%.0f wall_s=%.2f\n' "$side" "$(cut -d' ' -f1 "$tmp/$side" | median)" \
    "$(cut -d' ' -f2 "$tmp/$side" | median)"
done

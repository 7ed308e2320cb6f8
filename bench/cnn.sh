#!/usr/bin/env bash
# Convolutional networks beside PyTorch: alternates `mtc train` and ../shared/reference/torch_cnn.py
# on the same models, batch 64, and prints each side's median samples/s and their ratio. mtc's rate
# is the median of its epochs (from --metrics); PyTorch's the better of --threads 1 and 2 (its
# RESULT line, the median epoch).
#
#   bench/cnn.sh [--rounds 3] [--epochs 2] [--limit 12800] [--models "lenet5 bnnet resnet"]
# Needs Debian's python3-torch and libopenblas0-pthread. The models: lenet5 = examples/lenet5.mt, bnnet = examples/bnnet.mt,
# resnet = bench/models/resnet.mt (torch_cnn.py's resnet).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/bench/torch-blas.sh"
require_fast_torch_blas
mtc="${MTC:-$root/mtc}"
rounds=3 epochs=2 limit=12800 models="lenet5 bnnet resnet"
data="${MTC_DATA:-$root/../shared/data/mnist}"
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;; --epochs) epochs=$2; shift 2 ;;
    --limit) limit=$2; shift 2 ;; --models) models=$2; shift 2 ;;
    *) echo "usage: $0 [--rounds N] [--epochs N] [--limit N] [--models \"lenet5 bnnet resnet\"]" >&2; exit 2 ;;
  esac
done
torch_ref="$root/../shared/reference/torch_cnn.py"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

model_file() {
  case "$1" in
    lenet5) echo "$root/examples/lenet5.mt" ;; bnnet) echo "$root/examples/bnnet.mt" ;;
    resnet) echo "$root/bench/models/resnet.mt" ;; *) echo "unknown model $1" >&2; exit 2 ;;
  esac
}

mtc_rate() {
  "$mtc" train "$(model_file "$1")" --data "$data" --epochs "$epochs" --limit "$limit" \
    --metrics "$tmp/m.csv" >"$tmp/mtc.log" 2>&1 || { cat "$tmp/mtc.log" >&2; exit 1; }
  tail -n +2 "$tmp/m.csv" | cut -d, -f7 | median
}

torch_rate() {
  local best=0 r
  for t in 1 2; do
    r=$(/usr/bin/python3 "$torch_ref" --model "$1" --data "$data" --epochs "$epochs" --limit "$limit" \
        --threads "$t" | sed -n 's/.*samples_per_s=\([0-9.]*\).*/\1/p')
    best=$(awk -v a="$best" -v b="$r" 'BEGIN {print (b > a) ? b : a}')
  done
  echo "$best"
}

printf '%-7s %-6s %14s %16s %7s\n' model round mtc_samples/s torch_samples/s ratio
for m in $models; do
  : >"$tmp/mtc.$m"; : >"$tmp/torch.$m"
  for r in $(seq "$rounds"); do
    a=$(mtc_rate "$m"); b=$(torch_rate "$m")
    echo "$a" >>"$tmp/mtc.$m"; echo "$b" >>"$tmp/torch.$m"
    printf '%-7s %-6s %14.0f %16.0f %7.2f\n' "$m" "$r" "$a" "$b" "$(awk -v x="$a" -v y="$b" 'BEGIN{print x/y}')"
  done
  a=$(median <"$tmp/mtc.$m"); b=$(median <"$tmp/torch.$m")
  printf 'MEDIAN model=%s mtc=%.0f torch=%.0f ratio=%.2f\n' "$m" "$a" "$b" "$(awk -v x="$a" -v y="$b" 'BEGIN{print x/y}')"
done

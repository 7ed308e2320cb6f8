#!/usr/bin/env bash
# Scale sweep: does training cost follow FLOPs? Trains each model of bench/models/ (widths 256,
# 1024, 4096 with one hidden layer; 2, 8, 32 hidden layers of width 256) at batch 64, and the seed model at batches
# 16, 64, 256 and 1024, each for --epochs epochs (the sweep models on the first --limit samples,
# the seed model on all 60000, so that an epoch lasts long enough to time). It reports the median
# of epochs 2..N (the 1st includes the JIT warm-up: shown apart, so a model the JIT drops shows),
# the FLOPs per sample from `mtc summary`, and the achieved GFLOP/s: a training step costs 3x the
# forward FLOPs (forward, input gradient, weight gradient), less the first layer's input gradient.
# Where the PyTorch reference can run the same model (seed model, any batch or width), it runs
# right after mtc in the same conditions (one full epoch) and the ratio is printed: the machine is
# shared and noisy, so only ratios from one run mean something.
#
#   bench/sweep.sh [--epochs 3] [--limit 20000] [--torch-threads "1"] [--no-torch]
#                  [--only widths|depths|batches]
# Prints a markdown table on stdout; progress goes to stderr.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/bench/torch-blas.sh"
require_fast_torch_blas
mtc="${MTC:-$root/mtc}"  # MTC=/path/to/other/tree/mtc measures another build (e.g. a clean copy of HEAD)
epochs=3 limit=20000 torch_threads=1 torch=yes only=all
data="${MTC_DATA:-$root/../shared/data/mnist}"
while [ $# -gt 0 ]; do
  case "$1" in
    --epochs) epochs=$2; shift 2 ;; --limit) limit=$2; shift 2 ;; --torch-threads) torch_threads=$2; shift 2 ;;
    --no-torch) torch=no; shift ;; --only) only=$2; shift 2 ;;
    *) echo "usage: $0 [--epochs N] [--limit N] [--torch-threads \"1 2\"] [--no-torch] [--only WHICH]" >&2
       exit 2 ;;
  esac
done
torch_ref="$root/../shared/reference/torch_mlp.py"
models="$root/bench/models"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# Prints "FORWARD TRAINING" FLOPs per sample: the total of `mtc summary`, and 3x that less the input
# gradient of layer 0 when it is a linear layer (nobody needs it: 2 * weights = 2 * (parameters - outputs)).
flops_per_sample() {
  "$mtc" summary "$1" 2>/dev/null | tr -d , | awk '
    $1 == "0" && $2 ~ /^linear/ {
      match($0, /\[[0-9]+\]/); out = substr($0, RSTART + 1, RLENGTH - 2); first = 2 * ($NF - out)
    }
    /^FLOPs per sample: / {fwd = $NF}
    END {print fwd, 3 * fwd - first}'
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

mtc_epochs() {  # "ep1_samples_per_s median_seconds median_samples_per_s" (epochs 2..N) of a run on $3 samples
  "$mtc" train "$1" --data "$data" --epochs "$epochs" --batch "$2" --limit "$3" --metrics "$tmp/m.csv" \
    >"$tmp/mtc.log" 2>&1 || return 1
  echo "$(sed -n 2p "$tmp/m.csv" | cut -d, -f7) $(tail -n +3 "$tmp/m.csv" | cut -d, -f6 | median)" \
       "$(tail -n +3 "$tmp/m.csv" | cut -d, -f7 | median)"
}

torch_rate() {  # samples/s of one full epoch of the reference, the best over --torch-threads
  local best=0 r
  for t in $torch_threads; do
    r=$(/usr/bin/python3 "$torch_ref" --data "$data" --epochs 1 --batch "$1" --hidden "$2" --threads "$t" \
        | sed -n 's/.*samples_per_s=\([0-9.]*\).*/\1/p')
    best=$(awk -v a="$best" -v b="${r:-0}" 'BEGIN {print (b > a) ? b : a}')
  done
  echo "$best"
}

# One table row. $1 label, $2 model file, $3 batch, $4 hidden width for the reference ("" = none),
# $5 training samples per epoch.
row() {
  local flops train_flops ep1 secs rate gflops t="" ratio=""
  echo "sweep: $1 batch $3 ..." >&2
  read -r flops train_flops < <(flops_per_sample "$2")
  if ! mtc_epochs "$2" "$3" "$5" >"$tmp/epochs"; then  # a failure is a finding: a row saying so, then go on
    printf '| %s | %s | %s | %s | fails: %s |||||||\n' "$1" "$3" "$5" "$flops, $train_flops" \
      "$(grep '^mtc:' "$tmp/mtc.log" | tail -1)"
    return
  fi
  read -r ep1 secs rate <"$tmp/epochs"
  gflops=$(awk -v f="$train_flops" -v r="$rate" 'BEGIN {printf "%.1f", f * r / 1e9}')
  if [ "$torch" = yes ] && [ -n "$4" ]; then
    t=$(torch_rate "$3" "$4")
    ratio=$(awk -v a="$rate" -v b="$t" 'BEGIN {printf "%.2f", (b > 0) ? a / b : 0}')
    t=$(printf '%.0f' "$t")
  fi
  printf '| %s | %s | %s | %s | %.0f | %.2f | %.1f | %.0f | %s | %s | %s |\n' "$1" "$3" "$5" \
    "$flops, $train_flops" "$ep1" "$secs" \
    "$(awk -v r="$rate" 'BEGIN {print 60000 / r}')" "$rate" "$gflops" "${t:--}" "${ratio:--}"
}

echo "<!-- bench/sweep.sh --epochs $epochs --limit $limit, $(date -u '+%Y-%m-%d %H:%M UTC')," \
     "load $(cut -d' ' -f1-3 /proc/loadavg) -->"
echo "| model | batch | samples/epoch | FLOPs/sample fwd, train | ep1 samples/s | s/epoch | s/epoch (60k) |" \
     "samples/s | train GFLOP/s | torch samples/s | mtc/torch |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
if [ "$only" = all ] || [ "$only" = batches ]; then
  for b in 16 64 256 1024; do row "seed (mnist.mt)" "$root/examples/mnist.mt" "$b" 256 60000; done
fi
if [ "$only" = all ] || [ "$only" = widths ]; then
  for w in 256 1024 4096; do row "width $w, 1 hidden" "$models/width-$w.mt" 64 "$w" "$limit"; done
fi
if [ "$only" = all ] || [ "$only" = depths ]; then
  for d in 2 8 32; do row "$d hidden x 256" "$models/depth-$d.mt" 64 "" "$limit"; done
fi

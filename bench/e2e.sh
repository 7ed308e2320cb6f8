#!/usr/bin/env bash
# End-to-end speed: alternates `mtc train` and the PyTorch reference on the same machine in the
# same run, and prints the median samples/s of each and their ratio. This machine is shared and
# noisy, so rounds alternate and medians are compared, never lone times.
#
#   bench/e2e.sh [--rounds 3] [--epochs 3] [--batches "64 256"] [--model examples/mnist.mt]
#                [--optimizer sgd|momentum|adam]
# --optimizer picks the optimizer of both: momentum is SGD with momentum 0.9 (mtc: --optimizer sgd
# --momentum 0.9, at the file's lr), adam is Adam at lr 1e-3 (mtc: --optimizer adam, its default).
# Needs Debian's python3-torch (apt-get install python3-torch libopenblas0-pthread). mtc's rate is
# the median of its epochs' samples/s (the first, with the JIT warm-up, included), PyTorch's the
# RESULT line of the reference (its median epoch), at the better of --threads 1 and 2.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/bench/torch-blas.sh"
require_fast_torch_blas
mtc="${MTC:-$root/mtc}"  # MTC=/path/to/other/tree/mtc measures another build (e.g. a clean copy of a commit)
rounds=3 epochs=3 batches="64 256" model="$root/examples/mnist.mt" optimizer=sgd
data="${MTC_DATA:-$root/../shared/data/mnist}"
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;; --epochs) epochs=$2; shift 2 ;;
    --batches) batches=$2; shift 2 ;; --model) model=$2; shift 2 ;; --optimizer) optimizer=$2; shift 2 ;;
    *) echo "usage: $0 [--rounds N] [--epochs N] [--batches \"64 256\"] [--model FILE] [--optimizer sgd|momentum|adam]" >&2
       exit 2 ;;
  esac
done
torch_ref="$root/../shared/reference/torch_mlp.py"
case "$optimizer" in
  sgd) mtc_opt=() ;; momentum) mtc_opt=(--optimizer sgd --momentum 0.9) ;; adam) mtc_opt=(--optimizer adam) ;;
  *) echo "$0: --optimizer must be sgd, momentum or adam" >&2; exit 2 ;;
esac
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

mtc_rate() {  # median samples/s over the epochs of one run (per-epoch rates from --metrics)
  "$mtc" train "$model" --data "$data" --epochs "$epochs" --batch "$1" --metrics "$tmp/m.csv" ${mtc_opt[@]+"${mtc_opt[@]}"} \
    >"$tmp/mtc.log" 2>&1 || { cat "$tmp/mtc.log" >&2; exit 1; }
  tail -n +2 "$tmp/m.csv" | cut -d, -f7 | median
}

torch_rate() {  # the better of 1 and 2 threads, as the speed issue defines the reference
  local best=0 r
  for t in 1 2; do
    r=$(/usr/bin/python3 "$torch_ref" --data "$data" --epochs "$epochs" --batch "$1" --threads "$t" --optimizer "$optimizer" \
        | sed -n 's/.*samples_per_s=\([0-9.]*\).*/\1/p')
    best=$(awk -v a="$best" -v b="$r" 'BEGIN {print (b > a) ? b : a}')
  done
  echo "$best"
}

printf '%-6s %-6s %14s %14s %7s\n' batch round mtc_samples/s torch_samples/s ratio
for b in $batches; do
  : >"$tmp/mtc.$b"; : >"$tmp/torch.$b"
  for r in $(seq "$rounds"); do
    m=$(mtc_rate "$b"); t=$(torch_rate "$b")
    echo "$m" >>"$tmp/mtc.$b"; echo "$t" >>"$tmp/torch.$b"
    printf '%-6s %-6s %14.0f %14.0f %7.2f\n' "$b" "$r" "$m" "$t" "$(awk -v a="$m" -v b="$t" 'BEGIN{print a/b}')"
  done
  m=$(median <"$tmp/mtc.$b"); t=$(median <"$tmp/torch.$b")
  printf 'MEDIAN batch=%s mtc=%.0f torch=%.0f ratio=%.2f\n' "$b" "$m" "$t" "$(awk -v a="$m" -v b="$t" 'BEGIN{print a/b}')"
done

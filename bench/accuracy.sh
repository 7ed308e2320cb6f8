#!/usr/bin/env bash
# Accuracy of the seed MLP with mtc's optimizers, side by side with PyTorch on the same settings
# (bench/torch_optimizers.py: the same torch.optim objects). Seeds differ in meaning between the
# two (init and shuffle draw from different generators), so several seeds are run and each side's
# median is compared.
#
#   bench/accuracy.sh [--seeds "0 1 2"] [--epochs 5]
# Runs: adam(lr = 1e-3), 5 epochs; sgd(lr = 0.01, momentum = 0.9) with cosine, 5 epochs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/bench/torch-blas.sh"
require_fast_torch_blas
mtc="${MTC:-$root/mtc}"
data="${MTC_DATA:-$root/../shared/data/mnist}"
seeds="0 1 2" epochs=5
while [ $# -gt 0 ]; do
  case "$1" in
    --seeds) seeds=$2; shift 2 ;; --epochs) epochs=$2; shift 2 ;;
    *) echo "usage: $0 [--seeds \"0 1 2\"] [--epochs N]" >&2; exit 2 ;;
  esac
done
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

mtc_acc() {  # test accuracy (%) after the last epoch
  "$mtc" train "$root/examples/mnist.mt" --data "$data" --epochs "$epochs" --seed "$1" "${@:2}" \
    | sed -n 's/.*; test accuracy \([0-9.]*\)%.*/\1/p'
}
torch_acc() {
  /usr/bin/python3 "$root/bench/torch_optimizers.py" --data "$data" --epochs "$epochs" --seed "$1" "${@:2}" \
    | sed -n 's/^RESULT test_acc=\([0-9.]*\)/\1/p' | awk '{printf "%.2f\n", 100 * $1}'
}

run() {  # name, then mtc's options, "--", torch's options
  local name=$1; shift
  local m=() t=() side=m
  for x in "$@"; do if [ "$x" = "--" ]; then side=t; elif [ $side = m ]; then m+=("$x"); else t+=("$x"); fi; done
  : >"/tmp/acc.m.$$"; : >"/tmp/acc.t.$$"
  for s in $seeds; do
    a=$(mtc_acc "$s" "${m[@]}"); b=$(torch_acc "$s" "${t[@]}")
    echo "$a" >>"/tmp/acc.m.$$"; echo "$b" >>"/tmp/acc.t.$$"
    printf '%-22s seed %-3s mtc %6s%%  torch %6s%%\n' "$name" "$s" "$a" "$b"
  done
  printf 'MEDIAN %-15s mtc %6s%%  torch %6s%%\n' "$name" "$(median <"/tmp/acc.m.$$")" "$(median <"/tmp/acc.t.$$")"
  rm -f "/tmp/acc.m.$$" "/tmp/acc.t.$$"
}

run adam --optimizer adam --lr 1e-3 -- --optimizer adam --lr 1e-3
run sgd-momentum-cosine --optimizer sgd --lr 0.01 --momentum 0.9 --schedule cosine \
  -- --optimizer sgd --lr 0.01 --momentum 0.9 --schedule cosine

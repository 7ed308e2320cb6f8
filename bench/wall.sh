#!/usr/bin/env bash
# Time to result: the wall time of the whole `mtc train` command (launcher, JVM, data, warm-up,
# training, evaluation) against the whole PyTorch reference script, for the same model, epochs and
# data, alternating round by round; then the medians, their ratio, and beside them the ratio of
# the steady-state epoch (the median training time of epochs 2 on, of the runs with 2 or more).
# mtc's own phases (its last line) are printed with each of its runs.
#
# mtc runs `mtc train` twice a round: "cold" after `mtc daemon stop` (the first command of a session:
# JVM start, JIT warm-up and all) and "warm" right after it, in the training daemon that the cold
# run left (each later command of a session). MTC_DAEMON=off measures JVMs of their own (then the
# two columns measure the same).
#
#   bench/wall.sh [--rounds 3] [--epochs "1 10"] [--model mlp|lenet5] [--torch-threads 1]
# Needs Debian's python3-torch and libopenblas0-pthread. `--model lenet5` trains examples/lenet5.mt against
# torch_cnn.py --model lenet5 (once mtc has convolutions). MTC=/path/to/tree/mtc measures another build.
set -euo pipefail
export LC_ALL=C
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/bench/torch-blas.sh"
require_fast_torch_blas
mtc="${MTC:-$root/mtc}"
rounds=3 epochs_list="1 10" model=mlp torch_threads=1
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;; --epochs) epochs_list=$2; shift 2 ;;
    --model) model=$2; shift 2 ;; --torch-threads) torch_threads=$2; shift 2 ;;
    *) echo "usage: $0 [--rounds N] [--epochs \"1 10\"] [--model mlp|lenet5] [--torch-threads T]" >&2; exit 2 ;;
  esac
done
data="${MTC_DATA:-$root/../shared/data/mnist}"
ref="$root/../shared/reference"
case "$model" in
  mlp) mt="$root/examples/mnist.mt"; torch=("$ref/torch_mlp.py") ;;
  lenet5) mt="$root/examples/lenet5.mt"; torch=("$ref/torch_cnn.py" --model lenet5) ;;
  *) echo "$0: --model is mlp or lenet5" >&2; exit 2 ;;
esac
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
now() { date +%s.%N; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

mtc_run() {  # $1 epochs, $2 cold|warm; prints the wall seconds; appends epochs 2.. to $tmp/mtc.epochs
  local start end
  if [ "$2" = cold ]; then "$mtc" daemon stop; fi
  start=$(now)
  "$mtc" train "$mt" --data "$data" --epochs "$1" --metrics "$tmp/m.csv" >"$tmp/mtc.log" 2>&1 ||
    { cat "$tmp/mtc.log" >&2; exit 1; }
  end=$(now)
  tail -n +3 "$tmp/m.csv" | cut -d, -f6 >>"$tmp/mtc.epochs"
  awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}'
}

torch_run() {  # as mtc_run, for the PyTorch script
  local start end
  start=$(now)
  /usr/bin/python3 "${torch[@]}" --data "$data" --epochs "$1" --threads "$torch_threads" >"$tmp/torch.log" 2>&1 ||
    { cat "$tmp/torch.log" >&2; exit 1; }
  end=$(now)
  sed -n 's/^epoch \([0-9]*\):.* time \([0-9.]*\)s$/\1 \2/p' "$tmp/torch.log" | awk '$1 >= 2 {print $2}' \
    >>"$tmp/torch.epochs"
  awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}'
}

# The launcher builds its jar and archives on first use: not part of any timed run.
"$mtc" train "$mt" --data "$data" --epochs 1 --limit 64 >"$tmp/mtc.log" 2>&1 || { cat "$tmp/mtc.log" >&2; exit 1; }
: >"$tmp/mtc.epochs"; : >"$tmp/torch.epochs"
printf '%-6s %-5s %-5s %7s %7s %6s  %s\n' epochs round mtc mtc_s torch_s ratio "mtc phases (s)"
summary=()
for e in $epochs_list; do
  : >"$tmp/cold.$e"; : >"$tmp/warm.$e"; : >"$tmp/torch.$e"
  for r in $(seq "$rounds"); do
    t=$(torch_run "$e"); echo "$t" >>"$tmp/torch.$e"
    for kind in cold warm; do
      m=$(mtc_run "$e" "$kind"); phases=$(tail -n 1 "$tmp/mtc.log" | sed -n 's/.*; wall [0-9.]* s: //p')
      echo "$m" >>"$tmp/$kind.$e"
      printf '%-6s %-5s %-5s %7s %7s %6s  %s\n' "$e" "$r" "$kind" "$m" "$t" "$(ratio "$t" "$m")" "$phases"
    done
  done
  t=$(median <"$tmp/torch.$e")
  for kind in cold warm; do
    m=$(median <"$tmp/$kind.$e")
    summary+=("$(printf 'MEDIAN epochs=%s mtc=%s mtc_s=%.2f torch_s=%.2f wall_ratio=%s' "$e" "$kind" "$m" "$t" \
      "$(ratio "$t" "$m")")")
  done
done
printf '%s\n' "${summary[@]}"
if [ -s "$tmp/mtc.epochs" ] && [ -s "$tmp/torch.epochs" ]; then
  m=$(median <"$tmp/mtc.epochs"); t=$(median <"$tmp/torch.epochs")
  printf 'STEADY epoch (2 on) mtc_s=%.3f torch_s=%.3f epoch_ratio=%s\n' "$m" "$t" "$(ratio "$t" "$m")"
fi

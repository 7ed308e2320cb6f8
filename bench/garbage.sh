#!/usr/bin/env bash
# Vector API code that runs uncompiled: trains a model with Java Flight Recorder's allocation
# samples on from SKIP seconds (after the JIT warm-up) and prints the mtc methods sampled most
# often (the count is the signal: a sample's weight in bytes says little for a thread that
# allocates rarely). Compiled kernels allocate nothing per step; the Vector API's Java fallback, which runs where
# C2 did not turn an operation into an instruction, allocates an array and a vector object per
# operation, so any kernel listed runs far below its speed. The last epoch lines say how long a
# steady epoch took.
#
#   bench/garbage.sh                                  # the example models and each optimizer
#   bench/garbage.sh [--skip 8] [--top 4] MODEL [TRAIN FLAGS...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mtc="${MTC:-$root/mtc}"
skip=8 top=4
data="${MTC_DATA:-$root/../shared/data/mnist}"
while [ $# -gt 0 ]; do
  case "$1" in
    --skip) skip=$2; shift 2 ;; --top) top=$2; shift 2 ;;
    -*) echo "usage: $0 [--skip S] [--top N] [MODEL [TRAIN FLAGS...]]" >&2; exit 2 ;;
    *) break ;;
  esac
done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# One training run: seconds to skip, then the model and its flags.
one() {
  local after=$1; shift
  MTC_DAEMON=off JAVA_TOOL_OPTIONS="-XX:StartFlightRecording=delay=${after}s,filename=$tmp/run.jfr,settings=profile" \
    "$mtc" train "$@" --data "$data" >"$tmp/train.log" 2>&1 || { cat "$tmp/train.log" >&2; exit 1; }
  echo "== ${*#"$root/"} (samples after ${after}s)"
  grep -E '^epoch' "$tmp/train.log" | tail -2
  if [ ! -s "$tmp/run.jfr" ]; then echo "   the run ended before ${after}s: nothing sampled"; return; fi
  jfr print --events jdk.ObjectAllocationSample --stack-depth 16 "$tmp/run.jfr" | awk -v top="$top" '
    /jdk.ObjectAllocationSample/ { if (cls != "" && owner != "") n[cls " in " owner]++; cls = ""; owner = ""; next }
    /objectClass =/ { cls = $3 }
    /line:/ && owner == "" && $1 ~ /^mtc\./ { owner = $1; sub(/\(.*/, "", owner) }
    END { if (cls != "" && owner != "") n[cls " in " owner]++
          found = 0
          for (k in n) { printf "   %5d samples  %s\n", n[k], k | "sort -rn | head -" top; found = 1 }
          if (!found) print "   no mtc allocation sampled" }'
}

if [ $# -gt 0 ]; then
  one "$skip" "$@"
  exit
fi
# Each long enough to run several seconds past its JIT warm-up.
one 3 "$root/examples/mnist.mt" --epochs 16
one 3 "$root/examples/mnist.mt" --epochs 16 --optimizer adam --lr 0.001
one 3 "$root/examples/mnist.mt" --epochs 16 --optimizer adamw --lr 0.001
one 3 "$root/examples/mnist.mt" --epochs 16 --momentum 0.9
one 5 "$root/examples/lenet5.mt" --epochs 6
one 8 "$root/examples/bnnet.mt" --epochs 5 --limit 12800
one 9 "$root/bench/models/resnet.mt" --epochs 4 --limit 12800

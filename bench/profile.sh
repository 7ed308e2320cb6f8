#!/usr/bin/env bash
# Where a training step's time goes: trains the model with Java Flight Recorder sampling the
# threads (after --skip seconds, so that JIT warm-up is left out) and prints the share of samples
# by the innermost mtc method on the stack (JDK frames, e.g. the Vector API's, count for the mtc
# method that called them); --callers N adds the N mtc methods that called it (which layer's
# kernel: `ConvKernels.tile6x4 < ConvImplicit.multiply < ConvImplicit.forwardReluMaxPool`).
#
#   bench/profile.sh [--epochs 8] [--skip 6] [--threads 1] [--model examples/mnist.mt] [--top 20] [--callers 0]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mtc="${MTC:-$root/mtc}"
epochs=8 skip=6 threads=1 model="$root/examples/mnist.mt" top=20 callers=0
data="${MTC_DATA:-$root/../shared/data/mnist}"
while [ $# -gt 0 ]; do
  case "$1" in
    --epochs) epochs=$2; shift 2 ;; --skip) skip=$2; shift 2 ;; --threads) threads=$2; shift 2 ;;
    --model) model=$2; shift 2 ;; --top) top=$2; shift 2 ;; --callers) callers=$2; shift 2 ;;
    *) echo "usage: $0 [--epochs N] [--skip S] [--threads T] [--model FILE] [--top N] [--callers N]" >&2; exit 2 ;;
  esac
done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# In a JVM of its own (not the training daemon), which writes its recording when it exits.
MTC_DAEMON=off JAVA_TOOL_OPTIONS="-XX:StartFlightRecording=delay=${skip}s,filename=$tmp/run.jfr,settings=profile,jdk.ExecutionSample#period=1ms" \
  "$mtc" train "$model" --data "$data" --epochs "$epochs" --threads "$threads" >"$tmp/train.log" 2>&1 \
  || { cat "$tmp/train.log" >&2; exit 1; }
grep -E '^epoch' "$tmp/train.log" | tail -3
jfr print --events jdk.ExecutionSample --stack-depth 64 "$tmp/run.jfr" >"$tmp/samples.txt"
awk -v top="$top" -v callers="$callers" '
  /jdk.ExecutionSample/ { if (owner != "") count[owner]++; owner = ""; frames = 0; next }
  /^[ \t]+[A-Za-z0-9_.$]+\.[A-Za-z0-9_$<>]+\(/ {
    frame = $1; sub(/\(.*/, "", frame)
    if (frame ~ /^mtc\./ && frames <= callers) { owner = frames++ ? owner " < " frame : frame }
  }
  END {
    if (owner != "") count[owner]++
    for (f in count) total += count[f]
    printf "%d samples after the first %ss (threads %s)\n", total, skip, threads
    for (f in count) printf "%5.1f%%  %s\n", 100 * count[f] / total, f | "sort -rn | head -" top
  }' skip="$skip" threads="$threads" "$tmp/samples.txt"

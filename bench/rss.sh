#!/usr/bin/env bash
# Memory of training: peak RSS of `mtc train` on the seed model from /usr/bin/time -v (target
# 512 MB), and growth from epoch to epoch: the running JVM's VmRSS (/proc/PID/status) is sampled
# every 0.1 s and summed up per epoch (its maximum and its last value), so a leak shows as a climb.
#
#   bench/rss.sh [--epochs 3] [--model examples/mnist.mt]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mtc="${MTC:-$root/mtc}"  # MTC=/path/to/other/tree/mtc measures another build (e.g. a clean copy of HEAD)
epochs=3 model="$root/examples/mnist.mt"
data="${MTC_DATA:-$root/../shared/data/mnist}"
while [ $# -gt 0 ]; do
  case "$1" in
    --epochs) epochs=$2; shift 2 ;; --model) model=$2; shift 2 ;;
    *) echo "usage: $0 [--epochs N] [--model FILE]" >&2; exit 2 ;;
  esac
done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mb() { awk -v k="$1" 'BEGIN {printf "%.0f", k / 1024}'; }

# The JVM under /usr/bin/time: a child of the launcher (which passes its stderr through a filter),
# in a JVM of its own, not the training daemon's client (MTC_DAEMON=off).
java_below() {  # the first java process among the descendants of process $1
  local child found
  for child in $(pgrep -P "$1" || true); do
    if [ "$(cat "/proc/$child/comm" 2>/dev/null)" = java ]; then echo "$child"; return; fi
    found=$(java_below "$child") && [ -n "$found" ] && { echo "$found"; return; }
  done
}
MTC_DAEMON=off /usr/bin/time -v -o "$tmp/time" "$mtc" train "$model" --data "$data" --epochs "$epochs" \
  >"$tmp/out" 2>"$tmp/err" &
timer=$!
pid=""
while [ -z "$pid" ] && kill -0 "$timer" 2>/dev/null; do pid=$(java_below "$timer"); sleep 0.05; done

# Samples the JVM's VmRSS every 0.1 s, tagged with the epoch under way (epoch lines printed + 1).
while kill -0 "$timer" 2>/dev/null; do
  n=$(grep -c '^epoch *[0-9]*/' "$tmp/out" || true)  # "epoch  3/10" pads the number
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
  [ -n "$rss" ] && echo "$((n + 1)) $rss" >>"$tmp/samples"
  sleep 0.1
done
wait "$timer" || { cat "$tmp/err" >&2; exit 1; }

peak=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/time")
echo "<!-- bench/rss.sh --epochs $epochs, $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg) -->"
echo "peak RSS (/usr/bin/time -v, $epochs epochs): $(mb "$peak") MB (target <= 512 MB:" \
     "$(awk -v k="$peak" 'BEGIN {print (k <= 512 * 1024) ? "yes" : "NO"}'))"
echo
echo "| epoch | max VmRSS during the epoch, MB | VmRSS at its end, MB |"
echo "|---:|---:|---:|"
awk -v last="$epochs" '$1 <= last {if ($2 > max[$1]) max[$1] = $2; end[$1] = $2}
  END {for (e = 1; e <= last; e++) if (e in max) printf "| %d | %.0f | %.0f |\n", e, max[e] / 1024, end[e] / 1024}' \
  "$tmp/samples"

#!/usr/bin/env bash
# Front-end latency: wall time of `mtc check` and `mtc compile` of the seed model as whole
# processes (JVM start included), the median of --runs runs after one warm-up run (the first
# front-end run after a build has the launcher write the class-data-sharing archive
# cli/target/mtc.jsa, or on a JDK 25 the AOT cache cli/target/mtc.aot, from a compile of the seed
# model; --diagnose measures JDK 17's archives with the `java` of the PATH). The plain forms of check and compile run
# without picocli (cli QuickCommands): in --diagnose only the `--version` row still loads picocli.
# The target is 0.5 s each. With --diagnose it also prints what the start-up is made of: classes
# loaded, how many came from the CDS archive, and the time of variants of the launcher's flags.
#
#   bench/latency.sh [--runs 10] [--model examples/mnist.mt] [--diagnose]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mtc="${MTC:-$root/mtc}"  # MTC=/path/to/other/tree/mtc measures another build (e.g. a clean copy of HEAD)
runs=10 model="$root/examples/mnist.mt" diagnose=no
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;; --model) model=$2; shift 2 ;; --diagnose) diagnose=yes; shift ;;
    *) echo "usage: $0 [--runs N] [--model FILE] [--diagnose]" >&2; exit 2 ;;
  esac
done
jar="$(dirname "$mtc")/cli/target/mtc.jar" cds="$(dirname "$mtc")/cli/target/mtc.jsa"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

wall() {  # "wall_seconds cpu_seconds" (cpu = user + sys, all threads) of one run of the command given
  /usr/bin/time -f '%e %U %S' -o "$tmp/one" "$@" >/dev/null 2>&1 || { echo "latency: failed: $*" >&2; exit 1; }
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$tmp/one"
}

# Prints "median min max median_cpu" of --runs runs, after one unmeasured warm-up run.
measure() {
  wall "$@" >/dev/null
  for _ in $(seq "$runs"); do wall "$@"; done >"$tmp/times"
  echo "$(cut -d' ' -f1 "$tmp/times" | median) $(sort -g "$tmp/times" | head -1 | cut -d' ' -f1)" \
       "$(sort -g "$tmp/times" | tail -1 | cut -d' ' -f1) $(cut -d' ' -f2 "$tmp/times" | median)"
}

report() {  # one markdown row: $1 label, the rest the command
  local label=$1; shift
  read -r med lo hi cpu < <(measure "$@")
  printf '| %s | %s | %s | %s | %s | %s |\n' "$label" "$med" "$lo" "$hi" "$cpu" \
    "$(awk -v m="$med" 'BEGIN {print (m <= 0.5) ? "yes" : "NO"}')"
}

echo "<!-- bench/latency.sh --runs $runs, $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg) -->"
echo "| command (whole process) | median s | min s | max s | median cpu s | <= 0.5 s |"
echo "|---|---:|---:|---:|---:|---|"
report "mtc check" "$mtc" check "$model"
report "mtc compile -o" "$mtc" compile "$model" -o "$tmp/out"
[ "$diagnose" = yes ] || exit 0

# What start-up is made of, measured by calling java directly with variants of the launcher's flags.
base=(-XX:+UseSerialGC -Xshare:auto -XX:TieredStopAtLevel=1 -Xss16m)
with_cds=("${base[@]}" -XX:SharedArchiveFile="$cds" -Xlog:cds=off -Xlog:cds+dynamic=off)
java "${with_cds[@]}" -Xlog:class+load=info -jar "$jar" check "$model" >"$tmp/classes" 2>&1 || true
echo
echo "classes loaded by one check: $(grep -c 'source:' "$tmp/classes")," \
     "from the CDS archive: $(grep -c 'shared objects file' "$tmp/classes")," \
     "from the jar (parsed and verified every run): $(grep -c 'source: file:' "$tmp/classes")," \
     "of them picocli: $(grep 'source: file:' "$tmp/classes" | grep -c ' picocli\.')"
# CDS refuses classes older than Java 6; picocli ships Java 5 class files, so it never gets archived.
unzip -p "$jar" picocli/CommandLine.class 2>/dev/null | head -c 8 | od -An -tu1 \
  | awk '{print "picocli class-file major version: " $7 * 256 + $8 " (CDS needs >= 50)"}' || true
# Phases of one check from the uptime stamps of class loading, the median over --runs runs.
phases() {
  java "${with_cds[@]}" -Xlog:class+load=info:file="$tmp/cl":uptime -jar "$jar" check "$model" >/dev/null 2>&1 || true
  awk '{t = substr($1, 2) + 0}
       !m && / mtc\.cli\./ {m = t} !f && / mtc\.(syntax|grammar)\./ {f = t} END {print m, f - m, t - f}' "$tmp/cl"
}
for _ in $(seq "$runs"); do phases; done >"$tmp/phases"
echo
echo "start-up phases of check (median s, from class-load times): JVM start to mtc's main" \
     "$(cut -d' ' -f1 "$tmp/phases" | median), main to the front end (picocli, options)" \
     "$(cut -d' ' -f2 "$tmp/phases" | median), front end to exit $(cut -d' ' -f3 "$tmp/phases" | median)"
echo
echo "| java variant (check) | median s | min s | max s | median cpu s | <= 0.5 s |"
echo "|---|---:|---:|---:|---:|---|"
report "java -version, no CDS archive (JVM floor)" java -Xshare:auto -XX:TieredStopAtLevel=1 -version
report "launcher flags, default CDS only" java "${base[@]}" -jar "$jar" check "$model"
report "launcher flags + app CDS (as ./mtc)" java "${with_cds[@]}" -jar "$jar" check "$model"
report "+ -Xint (no JIT at all)" java "${with_cds[@]}" -Xint -jar "$jar" check "$model"
report "mtc --version (JVM + picocli, no front end)" java "${with_cds[@]}" -jar "$jar" --version

# The same front end without picocli: a 10-line main calling what CheckCommand calls, with its own
# CDS archive. The difference to the ./mtc row is what the command-line layer costs at start-up.
mkdir -p "$tmp/nocli/mtc/cli" "$tmp/nocli-classes"
cat >"$tmp/nocli/mtc/cli/NoCliCheck.java" <<'JAVA'
package mtc.cli;

/** mtc check without picocli, for bench/latency.sh only. */
public final class NoCliCheck {
    public static void main(String[] args) {
        java.io.PrintWriter err = new java.io.PrintWriter(System.err, true);
        mtc.diag.DiagnosticRenderer renderer = new mtc.diag.DiagnosticRenderer(false);
        boolean failed = false;
        for (String f : args) failed |= Sources.check(java.nio.file.Path.of(f), renderer, err).hasErrors();
        System.exit(failed ? 1 : 0);
    }
}
JAVA
if javac -d "$tmp/nocli-classes" -cp "$jar" "$tmp/nocli/mtc/cli/NoCliCheck.java" 2>/dev/null; then
  jar --create --file "$tmp/nocli.jar" -C "$tmp/nocli-classes" .
  nocli=("${base[@]}" -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$jar:$tmp/nocli.jar")
  java "${nocli[@]}" -XX:ArchiveClassesAtExit="$tmp/nocli.jsa" mtc.cli.NoCliCheck "$model" >/dev/null 2>&1 || true
  report "check without picocli, app CDS" java "${nocli[@]}" -XX:SharedArchiveFile="$tmp/nocli.jsa" mtc.cli.NoCliCheck \
    "$model"
else
  echo "(check without picocli: skipped, Sources.check no longer compiles against this jar)"
fi

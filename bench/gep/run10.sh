#!/usr/bin/env bash
# The whole city at 10 m (issue 3 goal: <= 60 s wall, heap <= 4 GB, 2 cores): one run of the GEP
# engine (GepRun through GepBench.java, no Spring, no PostgreSQL) on a synthesised inputs
# directory, printing the stage times, wall clock, CPU (user + sys), max RSS and the largest heap
# in use after a GC. Builds kernel, raster and gep from this checkout first (package, no install).
#
# Usage: bench/gep/run10.sh SYNTH_DIR [OUT_DIR=bench/gep/work/run10-out] [BASE_DIR]
#   SYNTH_DIR: output of `gep synth --seed 1 --cell-size 10` (with villages.geojson), read only.
#   BASE_DIR:  an earlier run's output; zones.csv and the 8 maps are compared byte for byte.
#   Env: XMX (default 4g), THP (default 1: -XX:+UseTransparentHugePages, the Java heap on
#   transparent huge pages where the kernel allows it (Linux, THP "madvise" or "always"); the flood's
#   random access over ~3 GB of arrays then misses the TLB far less; THP=0 for 4 KiB pages),
#   JAVA_OPTS (extra JVM flags, e.g. JFR), SKIP_BUILD=1.
set -euo pipefail
IN=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$HERE/work
OUT=${2:-$WORK/run10-out}
BASE=${3:-}
XMX=${XMX:-4g}
THP_FLAG=
if [ "${THP:-1}" = 1 ]; then THP_FLAG=-XX:+UseTransparentHugePages; fi
mkdir -p "$WORK"
OUT=$(realpath -m "$OUT")
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  (cd "$ROOT" && ./mvnw -q -pl gep -am -DskipTests package dependency:build-classpath \
    -DexcludeGroupIds=liangshan -DincludeScope=runtime -Dmdep.outputFile="$WORK/gep-deps.cp" >&2)
fi
CP="$ROOT/kernel/target/classes:$ROOT/raster/target/classes:$ROOT/gep/target/classes:$(cat "$WORK/gep-deps.cp")"
mkdir -p "$WORK/classes10"
javac -cp "$CP" -d "$WORK/classes10" "$HERE/GepBench.java"
rm -rf "$OUT"
LOG=$WORK/run10.log
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)   huge pages: ${THP_FLAG:-off} (kernel: $(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || echo n/a))"
# shellcheck disable=SC2086
/usr/bin/time -v java -Xmx$XMX $THP_FLAG -Xlog:gc:file="$WORK/run10-gc.log" ${JAVA_OPTS:-} -cp "$WORK/classes10:$CP" \
  GepBench "$IN" "$IN/villages.geojson" quzhou-2025-v1 2025 "$OUT" 2> "$LOG"
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
grep '^\[java\]' "$LOG"
field() { grep "$1" "$LOG" | sed 's/.*: //'; }
cpu=$(awk -v u="$(field 'User time')" -v s="$(field 'System time')" 'BEGIN{print u+s}')
heap=$(grep -o '[0-9]*M->[0-9]*M' "$WORK/run10-gc.log" | sed 's/.*->//; s/M//' | sort -n | tail -1)
printf 'wall %s   cpu (user+sys) %.1f s (user %s, sys %s)   max RSS %s kB   largest heap after a GC %s MB (-Xmx%s)\n' \
  "$(field 'Elapsed (wall clock)')" "$cpu" "$(field 'User time')" "$(field 'System time')" \
  "$(field 'Maximum resident set size')" "${heap:-?}" "$XMX"
if [ -n "$BASE" ]; then
  same=identical
  cmp -s "$BASE/zones.csv" "$OUT/zones.csv" || same=ZONES-DIFFER
  for m in "$BASE"/maps/*.tif; do cmp -s "$m" "$OUT/maps/$(basename "$m")" || same="$same MAP-DIFFERS:$(basename "$m")"; done
  echo "zones.csv and maps against $BASE: $same"
fi

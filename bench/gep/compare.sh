#!/usr/bin/env bash
# Issue 3 performance comparison: the Java GEP engine (GepRun, called directly by GepBench.java:
# no Spring, no embedded PostgreSQL) against a plain numpy/GDAL implementation of the same
# regulating formulas (gep_numpy.py, Debian python3-gdal + python3-numpy, /usr/bin/python3), on the
# same synthetic inputs, in one run. Prints wall and CPU time, peak RSS of each process, the ratio
# and the largest per-village differences per indicator.
#
# Usage: bench/gep/compare.sh [cell-size-m=30]   (env: XMX=4g, SEED=1, THP=1, NUMPY_THP=0)
# THP=1 (default) runs the JVM with -XX:+UseTransparentHugePages, as docs recommend for the engine
# (Linux, THP "madvise" or "always"); THP=0 without. numpy runs as the issue specifies (Debian's
# /usr/bin/python3, default malloc); NUMPY_THP=1 gives it huge pages too (glibc tunable
# glibc.malloc.hugetlb=1, glibc >= 2.35) for a like-for-like check.
#
# What each side does (be explicit about fairness):
#   Java  : validate (read headers, rasterise villages, land-cover scan, table indicators),
#           LS factor (Horn, priority-flood, D8, accumulation), capacity pass, indicator pass
#           (8 regulating indicators, per-village sums, and writing 8 Float32 map GeoTIFFs),
#           then zones.csv, provenance.json, report.html and report.pdf ("write" stage).
#   numpy : rasterise villages, LS factor, the 8 regulating indicators, per-village sums, CSV.
# The Java process therefore does more (maps, table indicators, reports). The table printed
# shows the whole process and the Java engine time up to the "write" stage (computing, including
# maps); the ratio is given for both.
set -euo pipefail
cd "$(dirname "$0")"
CELL=${1:-30}
XMX=${XMX:-4g}
SEED=${SEED:-1}
JAVA_THP=
PY_ENV=()
if [ "${THP:-1}" = 1 ]; then JAVA_THP=-XX:+UseTransparentHugePages; fi
if [ "${NUMPY_THP:-0}" = 1 ]; then PY_ENV=(env GLIBC_TUNABLES=glibc.malloc.hugetlb=1); fi
JAR=../../app/target/liangshan.jar
WORK=work
SYN=$WORK/synth-$CELL
PARAMS=../../gep/src/main/resources/liangshan/gep/params/quzhou-2025-v1.json
mkdir -p $WORK
[ -f $JAR ] || { echo "build first: ./mvnw -q -DskipTests -Dweb.skip=true package" >&2; exit 1; }
if [ ! -f $SYN/villages.geojson ]; then
  echo "synthesising $CELL m landscape into $SYN (once)…" >&2
  java -Xmx$XMX -jar $JAR gep synth --seed $SEED --cell-size $CELL --out $SYN --liangshan.data-dir=$WORK/data >&2
fi
if [ ! -d $WORK/lib ] || [ $JAR -nt $WORK/lib ]; then
  rm -rf $WORK/lib && mkdir -p $WORK/lib
  (cd $WORK/lib && unzip -q -o -j ../../$JAR 'BOOT-INF/lib/*')
fi
mkdir -p $WORK/classes
javac -cp "$WORK/lib/*" -d $WORK/classes GepBench.java

OUT=$WORK/run-$CELL
rm -rf $OUT $WORK/java-$CELL.log $WORK/numpy-$CELL.log
echo "load before: $(uptime)"
echo "huge pages: java ${THP:-1}, numpy ${NUMPY_THP:-0} (kernel: $(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || echo n/a))"
/usr/bin/time -v java -Xmx$XMX $JAVA_THP -cp "$WORK/classes:$WORK/lib/*" GepBench \
  $SYN $SYN/villages.geojson quzhou-2025-v1 2025 $OUT 2> $WORK/java-$CELL.log
"${PY_ENV[@]}" /usr/bin/time -v /usr/bin/python3 gep_numpy.py $SYN $SYN/villages.geojson $PARAMS \
  $WORK/numpy-$CELL.csv 2> $WORK/numpy-$CELL.log
echo "load after:  $(uptime)"

field() { grep "$2" "$1" | sed 's/.*: //'; }
secs() { awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }' <<< "$1"; }
report() { # log name
  local wall cpu rss
  wall=$(secs "$(field "$1" 'Elapsed (wall clock)')")
  cpu=$(awk -v u="$(field "$1" 'User time')" -v s="$(field "$1" 'System time')" 'BEGIN{print u+s}')
  rss=$(field "$1" 'Maximum resident set size')
  printf '%-6s wall %8.1f s   cpu (user+sys) %8.1f s   max RSS %6.2f GB\n' "$2" "$wall" "$cpu" "$(awk -v k=$rss 'BEGIN{print k/1048576}')"
  echo "$wall $cpu" > "$1.t"
}
echo
grep -h '^\[java\]' $WORK/java-$CELL.log
grep -h '^\[numpy\]' $WORK/numpy-$CELL.log
echo
report $WORK/java-$CELL.log java
report $WORK/numpy-$CELL.log numpy
read -r jw jc < $WORK/java-$CELL.log.t
read -r nw nc < $WORK/numpy-$CELL.log.t
jcompute=$(grep '^\[java\].*write 0/1' $WORK/java-$CELL.log | awk '{print $2}')
awk -v jw=$jw -v jc=$jc -v nw=$nw -v nc=$nc -v je=$jcompute 'BEGIN{
  printf "ratio numpy/java: wall %.2f×, cpu %.2f×; java engine up to the write stage %.1f s → %.2f× (wall)\n", nw/jw, nc/jc, je, nw/je }'
echo
/usr/bin/python3 diff_zones.py $OUT/zones.csv $WORK/numpy-$CELL.csv

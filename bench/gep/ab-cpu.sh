#!/usr/bin/env bash
# Alternating A/B of two builds of the GEP engine on the same inputs, for a loaded machine where
# wall-clock times are not comparable: prints CPU (user + sys), wall time, max RSS and whether
# zones.csv and the 8 map GeoTIFFs are byte-identical to those of the first run of OLD.
#
# Usage: bench/gep/ab-cpu.sh OLD_JAR NEW_JAR INPUTS_DIR [RUNS=3]
#   OLD_JAR, NEW_JAR: app jars (./mvnw -q -DskipTests -Dweb.skip=true package), e.g. one copied
#   aside before a change; INPUTS_DIR: output of `gep synth` (with villages.geojson). Env XMX=4g.
# Each engine runs through GepBench.java (GepRun directly, no Spring), as compare.sh does.
set -euo pipefail
OLD=$(realpath "$1"); NEW=$(realpath "$2"); IN=$(realpath "$3"); RUNS=${4:-3}; XMX=${XMX:-4g}
cd "$(dirname "$0")"
WORK=work/ab
rm -rf $WORK && mkdir -p $WORK/old-lib $WORK/new-lib $WORK/classes
(cd $WORK/old-lib && unzip -q -o -j "$OLD" 'BOOT-INF/lib/*')
(cd $WORK/new-lib && unzip -q -o -j "$NEW" 'BOOT-INF/lib/*')
javac -cp "$WORK/old-lib/*" -d $WORK/classes GepBench.java
field() { grep "$2" "$1" | sed 's/.*: //'; }
for i in $(seq 1 "$RUNS"); do
  for v in old new; do
    out=$WORK/$v-$i
    load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -v java -Xmx$XMX -cp "$WORK/classes:$WORK/$v-lib/*" GepBench \
      "$IN" "$IN/villages.geojson" quzhou-2025-v1 2025 $out 2> $out.log
    cpu=$(awk -v u="$(field $out.log 'User time')" -v s="$(field $out.log 'System time')" 'BEGIN{print u+s}')
    same=identical
    cmp -s $out/zones.csv $WORK/old-1/zones.csv || same=ZONES-DIFFER
    for m in $WORK/old-1/maps/*.tif; do cmp -s "$m" "$out/maps/$(basename "$m")" || same="$same MAP-DIFFERS:$(basename "$m")"; done
    printf '%s %-3s cpu %6.1f s  wall %8s  max RSS %8s kB  load %s  %s\n' "$i" $v "$cpu" \
      "$(field $out.log 'Elapsed (wall clock)')" "$(field $out.log 'Maximum resident set size')" "$load" "$same"
  done
done

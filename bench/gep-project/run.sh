#!/usr/bin/env bash
# Project-level GEP latency benchmark (see ProjectBench.java).
# Usage: bench/gep-project/run.sh [DIR] [CELL_M] [REQUESTS] [SEED]
#   DIR       where the illustrative landscape is generated once (default: target/bench-gep-project)
#   CELL_M    cell size in metres (default 30)
#   REQUESTS  warm 1 km² requests to time (default 200)
# Compiles kernel, raster and gep (no install), then runs the single-file program on their classes.
set -euo pipefail
cd "$(dirname "$0")/../.."
DIR=${1:-target/bench-gep-project}
CELL=${2:-30}
REQUESTS=${3:-200}
SEED=${4:-1}
./mvnw -q -o -pl gep -am -DskipTests -Dspotless.check.skip=true -Dcheckstyle.skip compile
./mvnw -q -o -pl gep dependency:build-classpath -Dmdep.outputFile="$PWD/target/gep-project-bench.cp" >/dev/null
# The reactor's own modules come from their target/classes (never from ~/.m2).
EXTERNAL=$(tr ':' '\n' < target/gep-project-bench.cp | grep -v '/liangshan/' | paste -sd: -)
CP="kernel/target/classes:raster/target/classes:gep/target/classes:$EXTERNAL"
mkdir -p "$DIR"
exec java -Xmx${BENCH_XMX:-3g} -cp "$CP" bench/gep-project/ProjectBench.java "$DIR" "$CELL" "$REQUESTS" "$SEED"

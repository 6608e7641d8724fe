#!/usr/bin/env bash
# Village e-ledger at county scale: loads the benchmark dataset (300 villages × 200 parcels, ~100,000
# households, ~300,000 right rows; `eledger load --profile bench`) into a data directory and reports
# the load time, then starts the server on it and drives the village page APIs (resources list and
# GeoJSON, rights as-of now and as recorded in the past, packages) with CLIENTS concurrent signed-in
# clients (bench/eledger/EledgerLoad.java), printing p50/p95/p99 per endpoint.
# Usage: bench/eledger/run.sh [DATA_DIR] [CLIENTS] [SECONDS]
#   DATA_DIR is reused: the load runs once per directory (a second load would skip every village).
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${1:-$(mktemp -d)}; clients=${2:-20}; secs=${3:-60}
jar=app/target/liangshan.jar; port=${PORT:-18091}
[ -f "$jar" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 2; }
mkdir -p "$dir"
echo "machine: $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ ! -f "$dir/.eledger-bench-loaded" ]; then
  /usr/bin/time -f "load: %e s wall, %M KB max RSS" \
    java -Xmx1g -jar "$jar" eledger load --profile bench --liangshan.data-dir="$dir" 2>&1 \
    | grep -a "loaded\|load:\|ERROR"
  touch "$dir/.eledger-bench-loaded"
fi
user=bench$RANDOM
pw=$(java -jar "$jar" users add --username "$user" --role CITY_ADMIN --scope 3308 --liangshan.data-dir="$dir" 2>&1 \
  | grep -a "one-time password (shown only now)" | sed 's/.*: //')
java -Xmx1g -jar "$jar" --liangshan.data-dir="$dir" --server.port=$port >"$dir/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' http://localhost:$port/actuator/health/readiness)" = 200 ]; do sleep 0.5; done
echo "load at start of measurement: $(cut -d' ' -f1-3 /proc/loadavg)"
java bench/eledger/EledgerLoad.java "http://localhost:$port" "$user" "$pw" "Bench-$RANDOM-pw!" "$clients" "$secs" 15
echo "load at end of measurement: $(cut -d' ' -f1-3 /proc/loadavg)"

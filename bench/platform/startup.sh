#!/usr/bin/env bash
# Time from the run command to the first HTTP 200 of /actuator/health/readiness, for a fresh data
# directory (first start: initdb, migrations, division load, boundary generation) and for a
# second start on the same directory (the usual case). Needs a built jar:
#   ./mvnw -B -DskipTests package
# Usage: bench/platform/startup.sh [runs]   (prints one line per run and the median)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
jar=app/target/liangshan.jar
port=18080
[ -f "$jar" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 2; }

measure() { # $1 = data dir; prints seconds to first 200
  local dir=$1 start end pid
  start=$(date +%s.%N)
  java -jar "$jar" --liangshan.data-dir="$dir" --server.port=$port >"$dir.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' http://localhost:$port/actuator/health/readiness)" = 200 ]; do
    kill -0 $pid 2>/dev/null || { echo "server died, see $dir.log" >&2; exit 1; }
    sleep 0.05
  done
  end=$(date +%s.%N)
  kill $pid; wait $pid 2>/dev/null || true
  echo "$end - $start" | bc
}

tmp=$(mktemp -d)
first=(); again=()
for i in $(seq 1 "$runs"); do
  f=$(measure "$tmp/fresh$i"); first+=("$f")
  a=$(measure "$tmp/fresh$i"); again+=("$a")
  printf 'run %d: first start %.1f s, restart %.1f s\n' "$i" "$f" "$a"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
printf 'median: first start %.1f s, restart %.1f s (goal < 15 s)\n' "$(median "${first[@]}")" "$(median "${again[@]}")"
rm -rf "$tmp"

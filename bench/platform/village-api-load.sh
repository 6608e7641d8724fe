#!/usr/bin/env bash
# p50/p99 latency of the village page API (GET /api/v1/divisions/{code} for villages spread over
# all counties) under 50 concurrent clients, with wrk (Debian package `wrk`). Starts the built jar
# on a fresh data directory, warms up, then measures for 30 s.
# Usage: bench/platform/village-api-load.sh [connections] [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
conns=${1:-50}; secs=${2:-30}
jar=app/target/liangshan.jar; port=18081
command -v wrk >/dev/null || { echo "apt-get install -y wrk" >&2; exit 2; }
[ -f "$jar" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 2; }
dir=$(mktemp -d)
java -Xmx1g -jar "$jar" --liangshan.data-dir="$dir" --server.port=$port >"$dir/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' http://localhost:$port/actuator/health/readiness)" = 200 ]; do sleep 0.2; done
# Village codes from the API itself (every 7th village, ~240 codes).
curl -s "http://localhost:$port/api/v1/divisions?level=village&size=500&page=0" > "$dir/p0.json"
for p in 1 2 3; do curl -s "http://localhost:$port/api/v1/divisions?level=village&size=500&page=$p" >> "$dir/p0.json"; done
grep -o '"code":"[0-9]\{12\}"' "$dir/p0.json" | cut -d'"' -f4 | awk 'NR%7==0' > "$dir/codes.txt"
cat > "$dir/script.lua" <<LUA
local codes = {}
for line in io.lines("$dir/codes.txt") do codes[#codes + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/v1/divisions/" .. codes[(i % #codes) + 1])
end
LUA
echo "villages in rotation: $(wc -l < "$dir/codes.txt")"
wrk -t2 -c"$conns" -d10s -s "$dir/script.lua" "http://localhost:$port" >/dev/null   # warm-up
wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$dir/script.lua" "http://localhost:$port"

#!/usr/bin/env bash
# Eco-credit settlements per second (listing purchase as one DvP linked batch + retirement against the
# buyer's obligation, one transaction, every registry and ledger check on) through the credits service
# layer into PostgreSQL, against pgbench's built-in TPC-B-like script on the same embedded server
# (fsync off, as in all tests), in one run; prints the ratio. Rounds interleave both; medians.
# The zonky PostgreSQL binaries ship no pgbench: Debian's postgresql-client provides it.
# Usage: bench/credits/run.sh [seconds] [clients] [rounds]    (defaults 20 8 3)
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v pgbench >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }
./mvnw -q -pl app -am -Dweb.skip=true test -Dtest=CreditsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dcredits.bench=true -Dcredits.bench.seconds="${1:-20}" -Dcredits.bench.clients="${2:-8}" \
  -Dcredits.bench.rounds="${3:-3}" >/dev/null
cat app/target/bench-credits.txt

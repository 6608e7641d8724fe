#!/usr/bin/env bash
# Transfers per second through the money service layer (scope check, row locks, every ledger check,
# audit record, one transaction per batch) into PostgreSQL, against pgbench's built-in TPC-B-like
# script on the same embedded server (fsync off, as in all tests), in one run; prints the ratio.
# The zonky PostgreSQL binaries ship no pgbench: Debian's postgresql-client provides it.
# Three interleaved rounds (service 1/batch, service 10/batch, pgbench); medians and their ratio.
# Usage: bench/money/run.sh [seconds] [clients] [accounts]    (defaults 20 8 1000)
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v pgbench >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }
./mvnw -q -pl app -am -Dweb.skip=true test -Dtest=MoneyBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dmoney.bench=true -Dmoney.bench.seconds="${1:-20}" -Dmoney.bench.clients="${2:-8}" \
  -Dmoney.bench.accounts="${3:-1000}" >/dev/null
cat app/target/bench-money.txt

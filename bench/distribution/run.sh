#!/usr/bin/env bash
# A year's distribution: one run per village (retention with cap, low-income priority, largest remainder),
# previewed, approved by a second person and posted as ONE linked ledger batch per run through the real
# service layer into the embedded PostgreSQL (fsync off, as in all tests). Goal: 100,000 households < 30 s.
# Usage: bench/distribution/run.sh [households] [villages] [threads]    (defaults 100000 100 2)
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -pl app -am -Dweb.skip=true test -Dtest=DistributionBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Ddistribution.bench=true -Ddistribution.bench.households="${1:-100000}" \
  -Ddistribution.bench.villages="${2:-100}" -Ddistribution.bench.threads="${3:-2}" >/dev/null
cat app/target/bench-distribution.txt

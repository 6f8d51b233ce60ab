#!/usr/bin/env bash
# Hostile input at volume: the suite's HostileInputFuzzTest with N requests (default 10,000) against the booted app
# on the real embedded stores. Prints the status and problem-code histogram (also in web/target/hostile-input-report.md)
# and fails if any answer was a 5xx, a 4xx that is not problem+json, a refusal that stored an event, or if any read
# model parked an event. Usage: benchmarks/hostile-input.sh [REQUESTS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-10000}
seed=${2:-20261130}
./mvnw -q -pl web -am test -Dtest=HostileInputFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dplenum.fuzz.requests="$requests" -Dplenum.fuzz.seed="$seed" >/dev/null
cat web/target/hostile-input-report.md

#!/usr/bin/env bash
# Onboards N simulated devices at once through the whole application (REST-free: operations are
# started the way the API starts them), half of them upgraded on the way, and prints the figures.
#   ops/onboard-bench/run.sh [N ...]      (default: 100 1000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
./mvnw -q -B -DskipTests install
for n in "${@:-100 1000}"; do
  for count in $n; do
    ./mvnw -q -B -pl app test -Dtest=OnboardingBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
      -Dbenchmark.devices="$count" -DargLine="-Xmx2g -Dbenchmark.devices=$count" 2>&1 | grep -A3 "ONBOARDING BENCHMARK" || true
  done
done
echo "nproc: $(nproc)"

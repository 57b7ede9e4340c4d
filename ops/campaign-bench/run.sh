#!/usr/bin/env bash
# N simulated devices onboarded with zero touch, one upgrade campaign over all of them (waves
# [10, "10%", "30%", "60%"], no approval, no soak), then one compliance run; prints the figures.
# Not part of CI.
#   ops/campaign-bench/run.sh [N ...]      (default: 1000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
for n in ${@:-1000}; do
  ./mvnw -q -B verify -pl app -am -Dtest=CampaignBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dspotless.check.skip=true -DargLine="-Xmx2g -Dbenchmark.devices=$n" 2>&1 | grep -A3 "CAMPAIGN BENCHMARK" || true
done
echo "nproc: $(nproc)  load: $(cut -d' ' -f1-3 /proc/loadavg)"

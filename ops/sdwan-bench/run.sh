#!/usr/bin/env bash
# Two hubs and N spokes (two WAN links each, four tunnels per spoke) onboarded with zero touch,
# then one sdwan-rollout; prints the figures. Not part of CI.
#   ops/sdwan-bench/run.sh [N ...]      (default: 100 1000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
for n in ${@:-100 1000}; do
  ./mvnw -q -B verify -pl app -am -Dtest=SdwanRolloutBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dspotless.check.skip=true -DargLine="-Xmx2g -Dbenchmark.spokes=$n" 2>&1 | grep -A3 "SDWAN BENCHMARK" || true
done
echo "nproc: $(nproc)  load: $(cut -d' ' -f1-3 /proc/loadavg)"

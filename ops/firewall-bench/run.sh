#!/usr/bin/env bash
# A 500-rule policy deployed with firewall-policy-deploy to N simulated SRXs over NETCONF, then one
# rule moved and deployed again; prints the figures. Not part of CI.
#   ops/firewall-bench/run.sh [N ...]      (default: 100 1000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
for n in ${@:-100 1000}; do
  ./mvnw -q -B verify -pl app -am -Dtest=FirewallDeployBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dspotless.check.skip=true -DargLine="-Xmx3g -Dbenchmark.devices=$n" 2>&1 | grep -A3 "FIREWALL BENCHMARK" || true
done
echo "nproc: $(nproc)  load: $(cut -d' ' -f1-3 /proc/loadavg)"

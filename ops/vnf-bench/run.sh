#!/usr/bin/env bash
# One VNF instantiated on each of N simulated NFX250 uCPEs at once; prints the figures. Not CI.
#   ops/vnf-bench/run.sh [N ...]      (default: 100 500)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
for n in ${@:-100 500}; do
  ./mvnw -q -B verify -pl app -am -Dtest=VnfInstantiationBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dspotless.check.skip=true -DargLine="-Xmx2g -Dbenchmark.ucpes=$n" 2>&1 | grep -A3 "VNF BENCHMARK" || true
done
echo "nproc: $(nproc)  load: $(cut -d' ' -f1-3 /proc/loadavg)"

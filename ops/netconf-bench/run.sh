#!/usr/bin/env bash
# NETCONF push benchmark: a configuration change with confirmed commit, then confirm, on N simulated
# devices through the Junos routes. Usage: ops/netconf-bench/run.sh [--window W] [--max-sessions S] [N...]
# (default N: 100 1000). Heap is capped at 1 GiB (override with BENCH_HEAP=2g).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

MVN=./mvnw
[ -x "$MVN" ] || MVN=mvn
echo "building camel-routes and its test classpath..." >&2
"$MVN" -q -B -pl camel-routes -am -DskipTests install >&2
"$MVN" -q -B -pl camel-routes test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >&2

CP="camel-routes/target/test-classes:camel-routes/target/classes:$(cat camel-routes/target/bench.classpath)"
exec java -Xmx"${BENCH_HEAP:-1g}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dlogback.configurationFile=ops/netconf-bench/logback.xml \
  -cp "$CP" io.switchboard.camel.bench.NetconfPushBenchmark "$@"

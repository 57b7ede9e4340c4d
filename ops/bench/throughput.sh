#!/usr/bin/env bash
# Throughput benchmark of the embedded engine through the official Camunda client.
#   ops/bench/throughput.sh [h2|mariadb] [benchmark options...]
# Builds if needed, starts the application on a free loopback port with a fresh database and the
# hello demo off, runs ThroughputBenchmark (default: 15 s warm-up, 60 s measured, 16 in flight),
# prints instances/s, latency percentiles and the core count, and stops the application.
# Extra options go to the benchmark, e.g. --concurrency 16 --duration 30s. APP_JAVA_OPTS and
# BENCH_JAVA_OPTS override the JVM flags of the application and of the benchmark client;
# STARTUP_TIMEOUT (seconds, default 120) how long the application may take to report healthy
# (a loaded shared machine needs more).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/app.sh"

db="${1:-h2}"
[[ $# -gt 0 ]] && shift
work="$(mktemp -d "${TMPDIR:-/tmp}/switchboard-bench.XXXXXX")"
app_pid=""
cleanup() {
  stop_pid "$app_pid" 30
  if [[ "${KEEP_WORK:-0}" != 1 ]]; then rm -rf "$work"; else log "kept $work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ops_build
ops_credentials
use_db "$db" switchboard_bench
port="$(free_port)"
log "starting the application on 127.0.0.1:$port ($db, log $work/app.log)"
start_app "$port" "$work" "$work/app.log"
app_pid=$APP_PID
if ! wait_healthy "$port" "$app_pid" "${STARTUP_TIMEOUT:-120}"; then
  tail -n 40 "$work/app.log" >&2
  exit 1
fi
log "application up (pid $app_pid); load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# shellcheck disable=SC2086
timeout 600 java ${BENCH_JAVA_OPTS:--Xmx512m} -jar "$OPS_JAR" throughput \
  --address "http://127.0.0.1:$port" --label "$db" "$@"
echo "nproc: $(nproc)"

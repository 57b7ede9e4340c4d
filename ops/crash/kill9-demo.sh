#!/usr/bin/env bash
# Crash-safety demonstration: kill -9 the application while commands are in flight, restart it on
# the same database, and check that nothing the engine acknowledged was lost.
#   ops/crash/kill9-demo.sh [h2|mariadb]
# 1. builds if needed, starts the application on a free loopback port with a fresh database
#    (H2: the default ./data/switchboard inside a temp folder; MariaDB: the mysql profile on a
#    database switchboard_crash made anew) and the hello demo off;
# 2. runs `crash-check prepare`, which creates instances, publishes messages (some buffered for
#    instances that do not exist yet), completes some jobs and holds others, journalling every
#    command the engine acknowledged;
# 3. after CRASH_AFTER seconds (default 15; later if fewer than CRASH_MIN_INSTANCES=100 instances
#    were acknowledged by then, at most CRASH_MAX_WAIT=120 s) sends SIGKILL to the application's
#    JVM mid-load;
# 4. restarts the application on the same database and runs `crash-check verify`: every
#    acknowledged instance must reach its end (jobs, timer, message), buffered messages must
#    correlate and held jobs must come back after their timeout.
# Prints PASS or FAIL and exits 0 or 1. Bounded: about 1-2 minutes when it passes, under 10 at worst.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/app.sh"

db="${1:-h2}"
crash_after="${CRASH_AFTER:-15}"
min_instances="${CRASH_MIN_INSTANCES:-100}"
max_wait="${CRASH_MAX_WAIT:-120}"
work="$(mktemp -d "${TMPDIR:-/tmp}/switchboard-crash.XXXXXX")"
app_pid=""
prepare_pid=""
result=1
cleanup() {
  stop_pid "$prepare_pid" 5
  stop_pid "$app_pid" 30
  if [[ $result -eq 0 && "${KEEP_WORK:-0}" != 1 ]]; then
    rm -rf "$work"
  else
    log "logs and journal kept in $work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ops_build
ops_credentials
use_db "$db" switchboard_crash
port="$(free_port)"
address="http://127.0.0.1:$port"
journal="$work/journal.txt"

log "starting the application on $address ($db, log $work/app-1.log)"
start_app "$port" "$work" "$work/app-1.log"
app_pid=$APP_PID
wait_healthy "$port" "$app_pid" 120 || { tail -n 40 "$work/app-1.log" >&2; exit 1; }

log "crash-check prepare: loading the engine and journalling acknowledged commands"
java -Xmx256m -jar "$OPS_JAR" crash-check prepare --address "$address" --journal "$journal" \
  >"$work/prepare.log" 2>&1 &
prepare_pid=$!
# Crash once prepare has run CRASH_AFTER seconds and journalled CRASH_MIN_INSTANCES instances
# (so a slow engine still gets a real load), but never later than CRASH_MAX_WAIT seconds.
began=$SECONDS
while :; do
  sleep 1
  kill -0 "$prepare_pid" 2>/dev/null || { log "prepare ended early"; cat "$work/prepare.log" >&2; exit 1; }
  acknowledged=$(grep -c ' instance ' "$journal" 2>/dev/null || true)
  acknowledged=${acknowledged:-0}
  if (((SECONDS - began >= crash_after && acknowledged >= min_instances) || SECONDS - began >= max_wait)); then
    break
  fi
done
kill -9 "$app_pid"
log "kill -9 $app_pid (the application's JVM) sent while prepare had commands in flight"
wait "$app_pid" 2>/dev/null || true
app_pid=""
sleep 2 # prepare keeps calling the dead engine: its failed calls show commands were in flight
stop_pid "$prepare_pid" 5
prepare_pid=""
grep "^prepare:" "$work/prepare.log" | tail -n 2 | sed "s/^/  /" >&2
log "journal: $(grep -c ' instance ' "$journal" || true) instances, $(grep -c ' message ' "$journal" || true) messages, $(grep -c ' hoarded ' "$journal" || true) held jobs acknowledged before the crash"

log "restarting the application on the same database (log $work/app-2.log)"
restart_began=$(date +%s)
start_app "$port" "$work" "$work/app-2.log"
app_pid=$APP_PID
wait_healthy "$port" "$app_pid" 180 || { tail -n 40 "$work/app-2.log" >&2; exit 1; }
log "application up again after $(($(date +%s) - restart_began)) s"

set +e
timeout 420 java -Xmx256m -jar "$OPS_JAR" crash-check verify --address "$address" --journal "$journal" \
  2>&1 | tee "$work/verify.log"
result=${PIPESTATUS[0]}
set -e
if [[ $result -eq 0 ]]; then
  echo "PASS: every command acknowledged before kill -9 survived ($db)"
else
  echo "FAIL: see $work (journal.txt, prepare.log, verify.log, app-1.log, app-2.log)"
fi
exit "$result"

#!/usr/bin/env bash
# Crash between the commit and the process start: an operation that was recorded (committed) but
# whose process never started before a kill -9 starts exactly once after the restart.
#   ops/crash/outbox-crash.sh
# 1. starts the application (H2 in a temp folder) with switchboard.operations.enabled=false, so it
#    records operations and never starts their processes (the moment just after the commit);
# 2. deploys a process that ends at once and POSTs an operation of it, which answers PENDING;
# 3. kill -9, restarts the application normally on the same database;
# 4. checks the operation reaches COMPLETED and that exactly one process instance carries its id.
# Prints PASS or FAIL; about a minute. Run by .ci/run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/app.sh"

work="$(mktemp -d "${TMPDIR:-/tmp}/switchboard-outbox.XXXXXX")"
result=1
cleanup() {
  stop_pid "${APP_PID:-}" 20
  if [[ $result -eq 0 ]]; then rm -rf "$work"; else log "logs kept in $work"; fi
}
trap cleanup EXIT

ops_credentials
port="$(free_port)"
base="http://127.0.0.1:$port"
auth=(-u "admin:$SWITCHBOARD_ADMIN_PASSWORD" -H Content-Type:application/json)
APP_DB_ARGS=()

log "starting the application with operations recorded but never started"
APP_ARGS="--switchboard.operations.enabled=false" start_app "$port" "$work" "$work/app-1.log"
wait_healthy "$port" "$APP_PID" 180 || { tail -n 40 "$work/app-1.log" >&2; exit 1; }
# a process that ends at once, deployed through the engine's Camunda REST API
cat >"$work/outbox-noop.bpmn" <<'BPMN'
<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://switchboard.io/ops">
  <process id="outbox-noop" isExecutable="true">
    <startEvent id="start"/>
    <sequenceFlow id="f" sourceRef="start" targetRef="end"/>
    <endEvent id="end"/>
  </process>
</definitions>
BPMN
curl -sf -u "admin:$SWITCHBOARD_ADMIN_PASSWORD" "$base/v2/deployments" \
  -F "resources=@$work/outbox-noop.bpmn;type=application/xml" >/dev/null
tenant=$(curl -sf "${auth[@]}" "$base/api/v1/tenants" -d '{"name":"outbox-crash"}' | jq -r .id)
op=$(curl -sf "${auth[@]}" "$base/api/v1/operations" \
  -d "{\"type\":\"outbox-noop\",\"target\":{\"kind\":\"TENANT\",\"id\":\"$tenant\"}}")
id=$(echo "$op" | jq -r .id)
[[ "$(echo "$op" | jq -r .state)" == PENDING ]] || { log "FAIL: expected PENDING, got $op"; exit 1; }
log "operation $id committed PENDING; kill -9"
kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true

log "restarting on the same database"
start_app "$port" "$work" "$work/app-2.log"
wait_healthy "$port" "$APP_PID" 180 || { tail -n 40 "$work/app-2.log" >&2; exit 1; }
state=""
for _ in $(seq 1 60); do
  state=$(curl -sf "${auth[@]}" "$base/api/v1/operations/$id" | jq -r .state)
  [[ "$state" == COMPLETED ]] && break
  sleep 1
done
instances=$(curl -sf "${auth[@]}" "$base/v2/process-instances/search" \
  -d "{\"filter\":{\"processDefinitionId\":\"outbox-noop\",\"variables\":[{\"name\":\"operationId\",\"value\":\"\\\"$id\\\"\"}]}}" |
  jq '.items | length')
if [[ "$state" == COMPLETED && "$instances" == 1 ]]; then
  result=0
  log "PASS: the operation left pending by the crash started once and completed"
else
  log "FAIL: state $state, $instances instance(s) carry the operation's id"
  tail -n 40 "$work/app-2.log" >&2
  exit 1
fi

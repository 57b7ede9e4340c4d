#!/usr/bin/env bash
# Writes the database fixture of a release for the upgrade check (ops/upgrade/upgrade-check.sh):
#   ops/upgrade/make-fixture.sh <release's application jar> <release's simulator jar> <out dir>
# Run it ONCE per release, with that release's jars (not this checkout's), on MariaDB
# (MARIADB_HOST/PORT/USER/PASSWORD as in ops/README.md; database switchboard_fixture, dropped and
# recreated). It starts the release on an empty database and leaves in it:
#   - a tenant, a site and a device (DONE00001) onboarded to the end by a simulated CPE;
#   - an onboarding of device WAIT00001 waiting for its phone-home, its activation timer pending
#     (due in ten years, so that the fixture stays in flight);
# then stops the release (SIGKILL: the database as a crash or a stop would leave it) and dumps the
# database (mysqldump) to <out dir>/database.sql.gz, with fixture.env naming what is in it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/app.sh"
app="${1:?usage: make-fixture.sh APP_JAR SIMULATOR_JAR OUT_DIR}"
sim="${2:?usage: make-fixture.sh APP_JAR SIMULATOR_JAR OUT_DIR}"
out="${3:?usage: make-fixture.sh APP_JAR SIMULATOR_JAR OUT_DIR}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

work="$(mktemp -d "${TMPDIR:-/tmp}/switchboard-fixture.XXXXXX")"
SIM_PID=""
cleanup() {
  stop_pid "$SIM_PID" 5
  stop_pid "${APP_PID:-}" 20
  log "logs kept in $work"
}
trap cleanup EXIT

# fixed secrets: the fixture's encrypted credentials are only readable with this key (test data)
export SWITCHBOARD_ADMIN_PASSWORD=fixture-admin-password
export SWITCHBOARD_CREDENTIALS_KEY="$(cat "$(dirname "${BASH_SOURCE[0]}")/fixtures/credentials.key")"
use_db mariadb switchboard_fixture
port="$(free_port)"
base="http://127.0.0.1:$port"
api() { curl -sSf -u "admin:$SWITCHBOARD_ADMIN_PASSWORD" -H Content-Type:application/json "$@"; }

log "starting $(basename "$app") on an empty database"
APP_JAR="$app" start_app "$port" "$work" "$work/app.log"
wait_healthy "$port" "$APP_PID" "${START_TIMEOUT:-900}" || { tail -n 40 "$work/app.log" >&2; exit 1; }
for _ in $(seq 1 300); do
  curl -fs "$base/actuator/health/readiness" | grep -q '"UP"' && break
  sleep 1
done

tenant=$(api "$base/api/v1/tenants" -d '{"name":"fixture-acme"}' | jq -r .id)
model=$(api "$base/api/v1/device-models" -d '{"name":"SRX300","vendor":"Juniper","family":"srx"}' | jq -r .id)
# the waiting onboarding's activation timer: due in ten years, so the fixture stays in flight
onboard() { # serial site -> operation id
  api "$base/api/v1/onboardings" -d "{\"tenantId\":\"$tenant\",\"activationTimeout\":\"P3650D\",
    \"site\":{\"name\":\"$2\",\"type\":\"BRANCH\"},
    \"device\":{\"serialNumber\":\"$1\",\"modelId\":\"$model\",\"activationSecret\":\"activate-$1\",
    \"credentials\":{\"username\":\"admin\",\"password\":\"admin123\"}}}"
}
done_json=$(onboard DONE00001 fixture-paris)
wait_json=$(onboard WAIT00001 fixture-lyon)

log "onboarding DONE00001 with a simulated CPE"
java -jar "$sim" --count 1 --serial-prefix DONE --base-port 0 --orchestrator "$base" \
  --activation-secret activate-DONE00001 >"$work/sim.log" 2>&1 &
SIM_PID=$!
done_op=$(echo "$done_json" | jq -r .operationId)
state=""
for _ in $(seq 1 300); do
  state=$(api "$base/api/v1/operations/$done_op" | jq -r .state)
  [[ "$state" == COMPLETED || "$state" == FAILED ]] && break
  sleep 1
done
[[ "$state" == COMPLETED ]] || { log "DONE00001's onboarding ended $state"; exit 1; }
stop_pid "$SIM_PID" 5

wait_op=$(echo "$wait_json" | jq -r .operationId)
[[ "$(api "$base/api/v1/operations/$wait_op" | jq -r .state)" == RUNNING ]] ||
  { log "WAIT00001's onboarding is not waiting"; exit 1; }
log "stopping the release (SIGKILL) with WAIT00001's onboarding waiting for its phone-home"
kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""

MYSQL_PWD="${MARIADB_PASSWORD:-}" mysqldump --single-transaction --hex-blob --skip-dump-date \
  -h "${MARIADB_HOST:-127.0.0.1}" -P "${MARIADB_PORT:-3306}" -u "${MARIADB_USER:-root}" \
  switchboard_fixture | gzip -n >"$out/database.sql.gz"
cat >"$out/fixture.env" <<ENV
# written by ops/upgrade/make-fixture.sh from $(basename "$app") on $(date -u +%Y-%m-%d)
FIXTURE_ADMIN_PASSWORD=$SWITCHBOARD_ADMIN_PASSWORD
FIXTURE_TENANT=$tenant
FIXTURE_DONE_DEVICE=$(echo "$done_json" | jq -r .deviceId)
FIXTURE_DONE_OPERATION=$done_op
FIXTURE_WAIT_DEVICE=$(echo "$wait_json" | jq -r .deviceId)
FIXTURE_WAIT_OPERATION=$wait_op
ENV
log "fixture written to $out"

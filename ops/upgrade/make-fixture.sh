#!/usr/bin/env bash
# Writes the database fixture of a release for the upgrade check (ops/upgrade/upgrade-check.sh):
#   ops/upgrade/make-fixture.sh <release's application jar> <simulator jar> <out dir>
# Run it ONCE per release, with that release's application jar (not this checkout's:
# ops/upgrade/release-jar.sh builds it from the release's commit), on MariaDB
# (MARIADB_HOST/PORT/USER/PASSWORD as in ops/README.md; database FIXTURE_DB, by default
# switchboard_fixture, dropped and recreated). The simulator jar stands for the devices, which are not part of the release: it must
# keep device state across restarts (--state-dir, this checkout's simulator has it). It starts the
# release on an empty database and leaves in it:
#   - a tenant, a site and a device (DONE00001) onboarded to the end by a simulated CPE;
#   - an onboarding of device WAIT00001 waiting for its phone-home, its activation timer pending
#     (due in ten years, so that the fixture stays in flight);
#   - a device (UPG00001) onboarded, then upgraded to a signed image: installed, rebooted, and the
#     upgrade waiting for it to come back (its reboot timer due in ten years); the simulated device
#     is stopped mid-reboot and its state (configuration, staged image) kept in <out dir>/devices;
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
UPG_PID=""
cleanup() {
  stop_pid "$SIM_PID" 5
  stop_pid "$UPG_PID" 5
  stop_pid "${APP_PID:-}" 20
  log "logs kept in $work"
}
trap cleanup EXIT

# fixed secrets: the fixture's encrypted credentials are only readable with this key (test data)
export SWITCHBOARD_ADMIN_PASSWORD=fixture-admin-password
export SWITCHBOARD_CREDENTIALS_KEY="$(cat "$(dirname "${BASH_SOURCE[0]}")/fixtures/credentials.key")"
db="${FIXTURE_DB:-switchboard_fixture}"
use_db mariadb "$db"
port="$(free_port)"
base="http://127.0.0.1:$port"
api() { curl -sSf -u "admin:$SWITCHBOARD_ADMIN_PASSWORD" -H Content-Type:application/json "$@"; }

# a throw-away image-signing key the release trusts: the upgrade's image is signed with it
openssl genpkey -algorithm ed25519 -out "$work/image-key.pem" 2>/dev/null
trusted="$(openssl pkey -in "$work/image-key.pem" -pubout -outform DER | base64 -w0)"

log "starting $(basename "$app") on an empty database"
APP_JAR="$app" APP_ARGS="--switchboard.images.trusted-keys.fixture=$trusted" \
  start_app "$port" "$work" "$work/app.log"
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
upg_json=$(onboard UPG00001 fixture-nice)

log "onboarding DONE00001 with a simulated CPE"
java -jar "$sim" --count 1 --serial-prefix DONE --base-port 0 --orchestrator "$base" \
  --activation-secret activate-DONE00001 >"$work/sim.log" 2>&1 &
SIM_PID=$!
# UPG00001 keeps its state in a directory; a reboot keeps it away for a day (it is stopped first)
java -jar "$sim" --count 1 --serial-prefix UPG --base-port 0 --orchestrator "$base" \
  --activation-secret activate-UPG00001 --state-dir "$work/devices" --reboot-delay 86400 \
  >"$work/sim-upg.log" 2>&1 &
UPG_PID=$!
await_op() { # operation id, then the state it must end in
  local state=""
  for _ in $(seq 1 300); do
    state=$(api "$base/api/v1/operations/$1" | jq -r .state)
    [[ "$state" == COMPLETED || "$state" == FAILED ]] && break
    sleep 1
  done
  [[ "$state" == "$2" ]] || { log "operation $1 ended $state: $(api "$base/api/v1/operations/$1")"; exit 1; }
}
done_op=$(echo "$done_json" | jq -r .operationId)
await_op "$done_op" COMPLETED
stop_pid "$SIM_PID" 5
await_op "$(echo "$upg_json" | jq -r .operationId)" COMPLETED

log "upgrading UPG00001 to a signed image until it reboots"
version=23.4R1.9
image="$work/junos-srxsme-$version.tgz"
head -c 65536 /dev/urandom >"$image"
openssl dgst -sha256 -binary "$image" >"$image.sha256"
signature="$(openssl pkeyutl -sign -rawin -inkey "$work/image-key.pem" -in "$image.sha256" | base64 -w0)"
curl -sSf -u "admin:$SWITCHBOARD_ADMIN_PASSWORD" "$base/api/v1/images" -F file=@"$image" \
  -F version=$version -F modelFamily=srx -F signature="$signature" >/dev/null
upg_device=$(echo "$upg_json" | jq -r .deviceId)
# the generic operation start: 0.1.0's upgrade endpoint takes no reboot timeout, and the default
# (15 minutes) would have expired by the time the fixture is used
upgrade_op=$(api "$base/api/v1/operations" -d "{\"type\":\"device-upgrade\",
  \"target\":{\"kind\":\"DEVICE\",\"id\":\"$upg_device\"},
  \"variables\":{\"targetSoftwareVersion\":\"$version\",\"rebootTimeout\":\"P3650D\"}}" | jq -r .id)
for _ in $(seq 1 300); do
  grep -q "UPG00001: rebooting" "$work/sim-upg.log" && break
  sleep 1
done
grep -q "UPG00001: rebooting" "$work/sim-upg.log" || { log "UPG00001 was not rebooted: $(api "$base/api/v1/operations/$upgrade_op")"; exit 1; }
sleep 3 # the reboot job's completion reaches the engine
[[ "$(api "$base/api/v1/devices/$upg_device" | jq -r .lifecycleState)" == UPGRADING ]] ||
  { log "UPG00001 is not UPGRADING"; exit 1; }
stop_pid "$UPG_PID" 10
[[ -f "$work/devices/UPG00001.json" ]] || { log "the simulator kept no state of UPG00001"; exit 1; }

wait_op=$(echo "$wait_json" | jq -r .operationId)
[[ "$(api "$base/api/v1/operations/$wait_op" | jq -r .state)" == RUNNING ]] ||
  { log "WAIT00001's onboarding is not waiting"; exit 1; }
log "stopping the release (SIGKILL) with WAIT00001's onboarding and UPG00001's upgrade in flight"
kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""

MYSQL_PWD="${MARIADB_PASSWORD:-}" mysqldump --single-transaction --hex-blob --skip-dump-date \
  -h "${MARIADB_HOST:-127.0.0.1}" -P "${MARIADB_PORT:-3306}" -u "${MARIADB_USER:-root}" \
  "$db" | gzip -n >"$out/database.sql.gz"
rm -rf "$out/devices" && mkdir -p "$out/devices"
cp "$work/devices/UPG00001.json" "$out/devices/"
cat >"$out/fixture.env" <<ENV
# written by ops/upgrade/make-fixture.sh from $(basename "$app") on $(date -u +%Y-%m-%d)
FIXTURE_ADMIN_PASSWORD=$SWITCHBOARD_ADMIN_PASSWORD
FIXTURE_TENANT=$tenant
FIXTURE_DONE_DEVICE=$(echo "$done_json" | jq -r .deviceId)
FIXTURE_DONE_OPERATION=$done_op
FIXTURE_WAIT_DEVICE=$(echo "$wait_json" | jq -r .deviceId)
FIXTURE_WAIT_OPERATION=$wait_op
FIXTURE_UPGRADE_DEVICE=$upg_device
FIXTURE_UPGRADE_OPERATION=$upgrade_op
FIXTURE_UPGRADE_VERSION=$version
ENV
log "fixture written to $out"

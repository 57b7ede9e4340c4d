#!/usr/bin/env bash
# Checks the in-place upgrade end to end (run by .ci/run, on MariaDB, after ./mvnw verify built the
# jars): ops/upgrade/upgrade.sh on a systemd-less layout in a temp folder, against a database
# written by release 0.1.0 (ops/upgrade/fixtures/v0.1.0, made by make-fixture.sh):
#   1. a new release that fails (its migration breaks half-way, so it never gets ready) is rolled
#      back: 0.1.0's own application (built from its commit by release-jar.sh, cached) runs again
#      on the database as it was before the upgrade and serves it;
#   2. this checkout's release, signed, is installed over it: verified, backed up, migrated, ready;
#   3. what 0.1.0 left is intact (tenant, the onboarded device), its onboarding that waited for a
#      phone-home (with its activation timer pending) carries on to its end when the CPE calls, and
#      its device upgrade that waited for the device's reboot completes when the device, restarted
#      from the state the simulator kept (fixture devices/), comes back on the new image.
# Database: MARIADB_HOST/PORT/USER/PASSWORD (ops/README.md), name UPGRADE_CHECK_DB
# (switchboard_ci_upgrade), dropped and recreated. Prints PASS or fails naming the step.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/app.sh"
cd "$OPS_ROOT"
fixture="ops/upgrade/fixtures/v0.1.0"
RELEASE_0_1_0_COMMIT=cd031e758abe6d648901c18e8d893e3f763c80e2 # tag v0.1.0
db="${UPGRADE_CHECK_DB:-switchboard_ci_upgrade}"

work="$(mktemp -d "${TMPDIR:-/tmp}/switchboard-upgrade.XXXXXX")"
result=1
SIM_PID=""
UPG_PID=""
home="$work/opt"
pidfile="$work/switchboard.pid"
cleanup() {
  stop_pid "$SIM_PID" 5
  stop_pid "$UPG_PID" 5
  [[ -f "$pidfile" ]] && stop_pid "$(cat "$pidfile")" 20
  if [[ $result -eq 0 ]]; then rm -rf "$work"; else log "logs kept in $work"; fi
}
trap cleanup EXIT
fail() { log "FAIL: $*"; exit 1; }
command -v zip >/dev/null || fail "zip is missing (apt-get install zip): it builds the failing release"

# shellcheck disable=SC1091
source "$fixture/fixture.env"
use_db mariadb "$db"
gunzip -c "$fixture/database.sql.gz" | MYSQL_PWD="${MARIADB_PASSWORD:-}" mysql \
  -h "${MARIADB_HOST:-127.0.0.1}" -P "${MARIADB_PORT:-3306}" -u "${MARIADB_USER:-root}" "$db"
port="$(free_port)"
base="http://127.0.0.1:$port"

# the node's environment file and the systemd stand-ins upgrade.sh calls
export SWITCHBOARD_ENV_FILE="$work/switchboard.env"
cat >"$SWITCHBOARD_ENV_FILE" <<ENV
SWITCHBOARD_DB_URL=$SWITCHBOARD_DB_URL
SWITCHBOARD_DB_USERNAME=$SWITCHBOARD_DB_USERNAME
SWITCHBOARD_DB_PASSWORD=$SWITCHBOARD_DB_PASSWORD
SWITCHBOARD_DATA_DIR=$work/data
ENV
mkdir -p "$work/data" "$home"
cat >"$work/start.sh" <<START
#!/usr/bin/env bash
set -a; . "$SWITCHBOARD_ENV_FILE"; set +a
cd "$work/data"
nohup java -Xms256m -Xmx700m -XX:TieredStopAtLevel=1 -jar "$home/current/switchboard.jar" \
  --spring.profiles.active=mysql --server.port=$port --server.address=127.0.0.1 \
  --switchboard.hello.enabled=false --switchboard.data-dir="$work/data" \
  >>"$work/switchboard.log" 2>&1 &
echo \$! >"$pidfile"
START
cat >"$work/stop.sh" <<STOP
#!/usr/bin/env bash
source "$OPS_ROOT/ops/lib/app.sh"
[[ -f "$pidfile" ]] && stop_pid "\$(cat "$pidfile")" 30
rm -f "$pidfile"
STOP
cat >"$work/failed.sh" <<FAILED
#!/usr/bin/env bash
# "the service has failed": its process is gone
[[ ! -f "$pidfile" ]] || ! kill -0 "\$(cat "$pidfile")" 2>/dev/null
FAILED
chmod +x "$work"/*.sh
export SWITCHBOARD_HOME="$home" SWITCHBOARD_URL="$base" BACKUP_DIR="$work/backups" \
  SWITCHBOARD_START="$work/start.sh" SWITCHBOARD_STOP="$work/stop.sh" \
  SWITCHBOARD_FAILED="$work/failed.sh" READY_TIMEOUT="${READY_TIMEOUT:-900}" \
  SWITCHBOARD_ADMIN_PASSWORD="$FIXTURE_ADMIN_PASSWORD" \
  SWITCHBOARD_CREDENTIALS_KEY="$(cat ops/upgrade/fixtures/credentials.key)"

# the node as 0.1.0 left it: 0.1.0's own jar unpacked and current pointing at it
release_jar="$(bash ops/upgrade/release-jar.sh 0.1.0 "$RELEASE_0_1_0_COMMIT")"
previous="$home/switchboard-0.1.0"
mkdir -p "$previous"
cp "$release_jar" "$previous/switchboard-0.1.0.jar"
ln -s switchboard-0.1.0.jar "$previous/switchboard.jar"
ln -s "$previous" "$home/current"

log "signed bundles: this checkout (0.2.0-check) and a failing one (0.3.0-broken)"
bash ops/release/keygen.sh "$work/keys" >/dev/null
key="$work/keys/release-key.pem"
pub="$work/keys/release-key.pub.pem"
# UPGRADE_CHECK_SBOM: an SBOM to bundle when the build wrote none (an offline build skips it)
bash ops/release/build.sh --no-build --key "$key" --version 0.2.0-check --out "$work/release" \
  ${UPGRADE_CHECK_SBOM:+--sbom "$UPGRADE_CHECK_SBOM"} >/dev/null
good="$work/release/switchboard-0.2.0-check.tar.gz"
# the failing release: this jar plus a migration that creates a table, then breaks; MySQL cannot
# roll DDL back, so the half-done migration stays behind unless the backup is restored
broken="$work/broken/switchboard-0.3.0-broken"
mkdir -p "$work/broken" && tar -xzf "$good" -C "$work/broken"
mv "$work/broken/switchboard-0.2.0-check" "$broken"
mv "$broken/switchboard-0.2.0-check.jar" "$broken/switchboard-0.3.0-broken.jar"
mkdir -p "$work/migration/BOOT-INF/classes/db/inventory/mysql"
printf 'CREATE TABLE upgrade_half_done (id INT);\nSELECT no_such_column FROM upgrade_half_done;\n' \
  >"$work/migration/BOOT-INF/classes/db/inventory/mysql/V9999__breaks_half_way.sql"
(cd "$work/migration" && zip -q -0 -r "$broken/switchboard-0.3.0-broken.jar" BOOT-INF)
echo 0.3.0-broken >"$broken/VERSION"
(cd "$broken" && find . -type f ! -name SHA256SUMS -print0 | LC_ALL=C sort -z | xargs -0 sha256sum |
  sed 's:  \./:  :' >SHA256SUMS)
bad="$work/release/switchboard-0.3.0-broken.tar.gz"
tar -C "$work/broken" -czf "$bad" switchboard-0.3.0-broken
openssl pkeyutl -sign -rawin -inkey "$key" -in "$bad" -out "$bad.sig"

count() { MYSQL_PWD="${MARIADB_PASSWORD:-}" mysql -N -h "${MARIADB_HOST:-127.0.0.1}" \
  -P "${MARIADB_PORT:-3306}" -u "${MARIADB_USER:-root}" "$db" -e "$1"; }

log "1. upgrade to the failing release: expect a rollback"
set +e
bash ops/upgrade/upgrade.sh "$bad" --pubkey "$pub" >"$work/upgrade-1.log" 2>&1
rc=$?
set -e
cat "$work/upgrade-1.log" >&2
[[ $rc -eq 1 ]] || fail "upgrade.sh to the failing release exited $rc (expected 1: rolled back)"
grep -q "rolled back to switchboard-0.1.0" "$work/upgrade-1.log" || fail "no rollback message"
[[ "$(readlink -f "$home/current")" == "$previous" ]] || fail "current does not point at 0.1.0 again"
[[ "$(count "select count(*) from information_schema.tables where table_schema='$db' and table_name='upgrade_half_done'")" == 0 ]] ||
  fail "the failed release's half-done migration is still in the database (no restore)"
curl -fs "$base/actuator/health/readiness" | grep -q '"UP"' || fail "0.1.0 is not ready after the rollback"
running_jar="$(tr '\0' '\n' <"/proc/$(cat "$pidfile")/cmdline" | grep '\.jar$' | head -n1)"
cmp -s "$(readlink -f "$running_jar")" "$release_jar" || fail "the process after the rollback does not run 0.1.0's jar ($running_jar)"
api() { curl -sSf -u "admin:$FIXTURE_ADMIN_PASSWORD" -H Content-Type:application/json "$@"; }
[[ "$(api "$base/api/v1/tenants/$FIXTURE_TENANT" | jq -r .name)" == fixture-acme ]] || fail "0.1.0 does not serve the restored tenant"
[[ "$(api "$base/api/v1/operations/$FIXTURE_UPGRADE_OPERATION" | jq -r .state)" == RUNNING ]] || fail "0.1.0 does not serve the restored upgrade"
log "ok: rolled back, database restored, 0.1.0's own code ready and serving it"

log "2. upgrade to this checkout's release"
bash ops/upgrade/upgrade.sh "$good" --pubkey "$pub" >"$work/upgrade-2.log" 2>&1 ||
  { cat "$work/upgrade-2.log" >&2; fail "upgrade.sh to 0.2.0-check failed"; }
cat "$work/upgrade-2.log" >&2
[[ "$(readlink -f "$home/current")" == "$home/switchboard-0.2.0-check" ]] || fail "current is not 0.2.0-check"
log "ok: upgraded and ready"

log "3. what 0.1.0 wrote carries on"
[[ "$(api "$base/api/v1/tenants/$FIXTURE_TENANT" | jq -r .name)" == fixture-acme ]] || fail "tenant lost"
[[ "$(api "$base/api/v1/devices/$FIXTURE_DONE_DEVICE" | jq -r .lifecycleState)" == ACTIVE ]] || fail "onboarded device lost"
[[ "$(api "$base/api/v1/operations/$FIXTURE_DONE_OPERATION" | jq -r .state)" == COMPLETED ]] || fail "completed operation lost"
[[ "$(api "$base/api/v1/operations/$FIXTURE_WAIT_OPERATION" | jq -r .state)" == RUNNING ]] || fail "waiting onboarding not RUNNING"
[[ "$(api "$base/api/v1/operations/$FIXTURE_UPGRADE_OPERATION" | jq -r .state)" == RUNNING ]] || fail "upgrade waiting for its reboot not RUNNING"
[[ "$(api "$base/api/v1/devices/$FIXTURE_UPGRADE_DEVICE" | jq -r .lifecycleState)" == UPGRADING ]] || fail "UPG00001 not UPGRADING"
simulator="$(ls devices/target/switchboard-devices-*-all.jar | head -1)"
java -jar "$simulator" --count 1 --serial-prefix WAIT \
  --base-port 0 --orchestrator "$base" --activation-secret activate-WAIT00001 >"$work/sim.log" 2>&1 &
SIM_PID=$!
# UPG00001 powered up again: from its kept state it boots into the image 0.1.0 staged and phones home
cp -r "$fixture/devices" "$work/devices"
java -jar "$simulator" --count 1 --serial-prefix UPG --base-port 0 --orchestrator "$base" \
  --activation-secret activate-UPG00001 --state-dir "$work/devices" >"$work/sim-upg.log" 2>&1 &
UPG_PID=$!
await_end() { # operation id: prints the state it ends in (or is in after 300 s)
  local state=""
  for _ in $(seq 1 300); do
    state=$(api "$base/api/v1/operations/$1" | jq -r .state)
    [[ "$state" == RUNNING || "$state" == PENDING ]] || break
    sleep 1
  done
  echo "$state"
}
state="$(await_end "$FIXTURE_WAIT_OPERATION")"
[[ "$state" == COMPLETED ]] || fail "the onboarding 0.1.0 left waiting ended $state: $(api "$base/api/v1/operations/$FIXTURE_WAIT_OPERATION")"
[[ "$(api "$base/api/v1/devices/$FIXTURE_WAIT_DEVICE" | jq -r .lifecycleState)" == ACTIVE ]] || fail "WAIT00001 not ACTIVE"
state="$(await_end "$FIXTURE_UPGRADE_OPERATION")"
[[ "$state" == COMPLETED ]] || fail "the upgrade 0.1.0 left waiting for the reboot ended $state: $(api "$base/api/v1/operations/$FIXTURE_UPGRADE_OPERATION")"
upgraded="$(api "$base/api/v1/devices/$FIXTURE_UPGRADE_DEVICE")"
[[ "$(echo "$upgraded" | jq -r .lifecycleState)" == ACTIVE ]] || fail "UPG00001 not ACTIVE after its upgrade: $upgraded"
[[ "$(echo "$upgraded" | jq -r .softwareVersion)" == "$FIXTURE_UPGRADE_VERSION" ]] || fail "UPG00001 does not run $FIXTURE_UPGRADE_VERSION: $upgraded"
result=0
log "PASS: failed upgrade rolled back to 0.1.0's own code on the restored database; upgrade from the 0.1.0 database ready; its waiting onboarding and its upgrade waiting for the reboot completed"

#!/usr/bin/env bash
# In-place upgrade of one Switchboard node (systemd layout of ops/deploy/RUNBOOK.md):
#   upgrade.sh switchboard-<new>.tar.gz --pubkey publisher.pub.pem
# 1. verify the bundle (signature and sums; nothing happens when refused)
# 2. back up the database, images and key (ops/deploy/single-node/backup.sh)
# 3. stop Switchboard, unpack the new version beside the old one, switch /opt/switchboard/current
# 4. start it (its migrations run) and wait for /actuator/health/readiness to be UP
# 5. on failure: stop, switch back to the previous version, restore the backup, start it again
# Exit 0: upgraded and ready. Exit 1: refused, or failed and rolled back (the previous version runs
# on the database as it was). Exit 2: the rollback failed too (restore by hand, RUNBOOK section 4).
# Overridable for other layouts: SWITCHBOARD_HOME (/opt/switchboard), SWITCHBOARD_URL
# (http://127.0.0.1:8080), SWITCHBOARD_STOP / SWITCHBOARD_START (systemctl stop|start switchboard),
# SWITCHBOARD_FAILED (systemctl is-failed --quiet switchboard: true once the new version has died,
# so a release that crashes at start is rolled back at once rather than after READY_TIMEOUT),
# BACKUP_DIR (/var/backups/switchboard), READY_TIMEOUT seconds (300).
# Tested by ops/upgrade/upgrade-check.sh (run by .ci/run) on a layout in a temp folder.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bundle="${1:?usage: upgrade.sh switchboard-<version>.tar.gz --pubkey FILE}"
shift
home="${SWITCHBOARD_HOME:-/opt/switchboard}"
url="${SWITCHBOARD_URL:-http://127.0.0.1:8080}"
stop_cmd="${SWITCHBOARD_STOP:-systemctl stop switchboard}"
start_cmd="${SWITCHBOARD_START:-systemctl start switchboard}"
failed_cmd="${SWITCHBOARD_FAILED:-systemctl is-failed --quiet switchboard}"
backup_dir="${BACKUP_DIR:-/var/backups/switchboard}"
timeout="${READY_TIMEOUT:-300}"
say() { echo "upgrade: $*"; }

verify="$here/../verify.sh"
[ -f "$verify" ] || verify="$here/../release/verify.sh"
bash "$verify" "$bundle" "$@"

deploy="$here/../deploy/single-node"
backup="$(bash "$deploy/backup.sh" "$backup_dir")"
say "backed up to $backup"

previous="$(readlink -f "$home/current")"
# awk reads the listing to its end: head would make tar die of SIGPIPE, fatal under pipefail
name="$(tar -tzf "$bundle" | awk -F/ 'NR == 1 { print $1 }')"
version="${name#switchboard-}"
tar -xzf "$bundle" -C "$home"
ln -sfn "switchboard-${version}.jar" "$home/$name/switchboard.jar"

ready() {
  local deadline=$((SECONDS + timeout))
  while [ $SECONDS -lt $deadline ]; do
    if curl -fs "$url/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then
      return 0
    fi
    if $failed_cmd; then
      say "it stopped before it was ready"
      return 1
    fi
    sleep 3
  done
  return 1
}

say "stopping $(basename "$previous")"
$stop_cmd
ln -sfn "$home/$name" "$home/current"
say "starting $name"
$start_cmd
if ready; then
  say "$name is ready; the previous version stays in $previous for a manual rollback"
  exit 0
fi

say "$name did not become ready: rolling back to $(basename "$previous")"
$stop_cmd || true
ln -sfn "$previous" "$home/current"
SWITCHBOARD_RESTORE_DROP=1 bash "$deploy/restore.sh" "$backup" || {
  say "restore failed: restore $backup by hand (RUNBOOK section 4) before starting"; exit 2; }
$start_cmd
ready || { say "the previous version is not ready either; see the log"; exit 2; }
say "rolled back to $(basename "$previous") with the database as before the upgrade"
exit 1

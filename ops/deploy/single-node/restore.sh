#!/usr/bin/env bash
# Restores a backup made by backup.sh into an EMPTY database: restore.sh BACKUP_DIR
# (SWITCHBOARD_RESTORE_DROP=1 drops and recreates the database first: ops/upgrade's rollback)
# Stop Switchboard first (systemctl stop switchboard); start it afterwards. See ../RUNBOOK.md.
set -euo pipefail
src="${1:?usage: restore.sh BACKUP_DIR}"
(cd "$src" && sha256sum --quiet -c SHA256SUMS) || { echo "restore.sh: $src is damaged" >&2; exit 1; }
env_file="${SWITCHBOARD_ENV_FILE:-/etc/switchboard/switchboard.env}"
# shellcheck disable=SC1090
[ -z "${SWITCHBOARD_DB_URL:-}" ] && [ -r "$env_file" ] && set -a && . "$env_file" && set +a
url="${SWITCHBOARD_DB_URL:?SWITCHBOARD_DB_URL is not set}"
hostport="${url#jdbc:mysql://}"; hostport="${hostport%%/*}"
db="${url##*/}"; db="${db%%\?*}"
host="${hostport%%:*}"; port="${hostport##*:}"; [ "$port" = "$hostport" ] && port=3306
export MYSQL_PWD="${SWITCHBOARD_DB_PASSWORD:-}"
user="${SWITCHBOARD_DB_USERNAME:-root}"
if [ "${SWITCHBOARD_RESTORE_DROP:-0}" = "1" ]; then
  # the upgrade's rollback: the database the failed version touched goes, the backup comes back
  mysql -h "$host" -P "$port" -u "$user" -e "DROP DATABASE IF EXISTS \`$db\`; CREATE DATABASE \`$db\` CHARACTER SET utf8mb4"
fi
tables="$(mysql -N -h "$host" -P "$port" -u "$user" -e "select count(*) from information_schema.tables where table_schema='$db'")"
[ "$tables" = "0" ] || { echo "restore.sh: database $db is not empty ($tables tables); drop and recreate it first" >&2; exit 1; }
gunzip -c "$src/database.sql.gz" | mysql -h "$host" -P "$port" -u "$user" "$db"
data="${SWITCHBOARD_DATA_DIR:-/var/lib/switchboard}"
[ -f "$src/images.tar.gz" ] && tar -C "$data" -xzf "$src/images.tar.gz"
echo "restored $src into $db; put $src/credentials.key back if the key was lost, then start Switchboard"

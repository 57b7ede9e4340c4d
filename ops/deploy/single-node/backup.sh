#!/usr/bin/env bash
# Consistent online backup of one Switchboard node: backup.sh [DIR]  (default /var/backups/switchboard)
# Dumps the database in one transaction (the engine's tables and the inventory together, so a
# restore brings back processes and operations that agree), and copies the image store and the
# credentials key (stored credentials are useless without it: keep this backup as secret as the key).
# Reads SWITCHBOARD_DB_* from /etc/switchboard/switchboard.env unless set.
set -euo pipefail
dir="${1:-/var/backups/switchboard}"
env_file="${SWITCHBOARD_ENV_FILE:-/etc/switchboard/switchboard.env}"
# shellcheck disable=SC1090
[ -z "${SWITCHBOARD_DB_URL:-}" ] && [ -r "$env_file" ] && set -a && . "$env_file" && set +a
url="${SWITCHBOARD_DB_URL:?SWITCHBOARD_DB_URL is not set}"
hostport="${url#jdbc:mysql://}"; hostport="${hostport%%/*}"
db="${url##*/}"; db="${db%%\?*}"
host="${hostport%%:*}"; port="${hostport##*:}"; [ "$port" = "$hostport" ] && port=3306
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
target="$dir/$stamp"
umask 077
mkdir -p "$target"
MYSQL_PWD="${SWITCHBOARD_DB_PASSWORD:-}" mysqldump --single-transaction --routines --triggers \
  --hex-blob -h "$host" -P "$port" -u "${SWITCHBOARD_DB_USERNAME:-root}" "$db" | gzip > "$target/database.sql.gz"
data="${SWITCHBOARD_DATA_DIR:-/var/lib/switchboard}"
[ -d "$data/images" ] && tar -C "$data" -czf "$target/images.tar.gz" images
key="${SWITCHBOARD_SECURITY_CREDENTIALS_KEY_FILE:-/etc/switchboard/credentials.key}"
key="${key/\$\{CREDENTIALS_DIRECTORY\}//etc/switchboard}"
[ -r "$key" ] && cp "$key" "$target/credentials.key"
(cd "$target" && sha256sum ./* > SHA256SUMS)
echo "$target"

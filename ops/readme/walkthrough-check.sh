#!/usr/bin/env bash
# Runs the README's Admin API walkthrough, exactly as the README has it (the block between the
# walkthrough markers), against the README's first command: the application jar on the demo
# profile with SWITCHBOARD_ADMIN_PASSWORD=admin-demo, on a fresh H2 database. Called by .ci/run
# after the build; needs the app jar (./mvnw verify or package), curl, jq and openssl.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/app.sh"

work="$(mktemp -d)"
port="$(free_port)"
trap 'stop_pid "${APP_PID:-}"; rm -rf "$work"' EXIT

sed -n '/<!-- walkthrough:begin -->/,/<!-- walkthrough:end -->/p' "$OPS_ROOT/README.md" |
  sed '1,2d;$d' | sed '$d' >"$work/walkthrough.sh"
[[ -s "$work/walkthrough.sh" ]] || { log "no walkthrough block found in README.md"; exit 1; }
# the README talks to localhost:8080; here the application listens on a free port
sed -i "s#^SB=localhost:8080#SB=127.0.0.1:$port#" "$work/walkthrough.sh"
ln -s "$OPS_ROOT/app" "$work/app"

export SWITCHBOARD_ADMIN_PASSWORD=admin-demo
APP_DB_ARGS=(--spring.profiles.active=demo)
log "starting the application (demo profile) on port $port"
# the README's first command keeps the hello process on; so does this check
(cd "$work" && exec java -Xms512m -Xmx1g -jar "$(app_jar)" --server.port="$port" \
  --server.address=127.0.0.1 "${APP_DB_ARGS[@]}" >>"$work/app.log" 2>&1) &
APP_PID=$!
wait_healthy "$port" "$APP_PID" 120 || { tail -50 "$work/app.log"; exit 1; }

log "running the README walkthrough"
if ! (cd "$work" && bash -euo pipefail walkthrough.sh); then
  log "the README walkthrough failed; the application's log ends with:"
  tail -40 "$work/app.log"
  exit 1
fi
log "README walkthrough passed"

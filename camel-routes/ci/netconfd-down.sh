#!/usr/bin/env bash
# Stops the netconfd and sshd that netconfd-up.sh started (by their pid files). Idempotent.
set -euo pipefail

STATE="${SWITCHBOARD_NETCONFD_DIR:-/tmp/switchboard-netconfd}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo -n"
fi

for name in sshd netconfd; do
  pidfile="$STATE/$name.pid"
  if [ -f "$pidfile" ]; then
    pid="$(cat "$pidfile")"
    if $SUDO kill "$pid" 2>/dev/null; then
      for _ in $(seq 1 50); do
        $SUDO kill -0 "$pid" 2>/dev/null || break
        sleep 0.2
      done
      echo "netconfd-down: stopped $name (pid $pid)" >&2
    fi
    $SUDO rm -f "$pidfile"
  fi
done

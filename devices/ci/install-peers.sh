#!/usr/bin/env bash
# Installs the real peers the devices/ suite tests against (DESIGN.md section 7): Debian's
# python3-ncclient, run by NcclientInteropIT under /usr/bin/python3. Idempotent: does nothing
# when ncclient already imports. Needs root (or passwordless sudo) for apt-get.
set -euo pipefail

if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import ncclient' >/dev/null 2>&1; then
  echo "python3-ncclient already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo -n"
fi

echo "installing python3-ncclient"
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends python3-ncclient
/usr/bin/python3 -c 'import ncclient' >/dev/null
echo "python3-ncclient installed"

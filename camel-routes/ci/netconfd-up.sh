#!/usr/bin/env bash
# Starts a real NETCONF server for NetconfdInteropIT: yuma123 netconfd behind OpenSSH's netconf
# subsystem on 127.0.0.1:$PORT (DESIGN.md section 7). Idempotent: installs what is missing, reuses
# a running server. Prints the environment the test reads, as export lines, on stdout:
#   eval "$(bash camel-routes/ci/netconfd-up.sh)"
# Everything else goes to stderr. Needs root (apt-get, useradd) or password-less sudo.
set -euo pipefail

PORT="${SWITCHBOARD_NETCONFD_PORT:-18830}"
USER_NAME="${SWITCHBOARD_NETCONFD_USER:-sbnetconf}"
PASSWORD="${SWITCHBOARD_NETCONFD_PASSWORD:-sb-netconf-test-1}"
STATE="${SWITCHBOARD_NETCONFD_DIR:-/tmp/switchboard-netconfd}"
WAIT_SECONDS=30

log() { echo "netconfd-up: $*" >&2; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo -n"
fi

if [ ! -x /usr/sbin/netconfd ] || [ ! -x /usr/sbin/sshd ] || [ ! -x /usr/sbin/netconf-subsystem ]; then
  log "installing netconfd, openssh-server, python3-ncclient"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq netconfd openssh-server python3-ncclient >&2
fi

if ! id "$USER_NAME" >/dev/null 2>&1; then
  log "creating test user $USER_NAME"
  $SUDO useradd --create-home --shell /bin/sh "$USER_NAME"
fi
echo "$USER_NAME:$PASSWORD" | $SUDO chpasswd

$SUDO mkdir -p "$STATE" /run/sshd
$SUDO chmod 755 "$STATE"
[ -f "$STATE/ssh_host_ed25519_key" ] || $SUDO ssh-keygen -q -t ed25519 -N '' -f "$STATE/ssh_host_ed25519_key"
[ -f "$STATE/ssh_host_ecdsa_key" ] || $SUDO ssh-keygen -q -t ecdsa -b 256 -N '' -f "$STATE/ssh_host_ecdsa_key"
[ -f "$STATE/client_ecdsa" ] || $SUDO ssh-keygen -q -t ecdsa -b 256 -N '' -C "$USER_NAME@switchboard-test" -f "$STATE/client_ecdsa"
$SUDO cp "$STATE/client_ecdsa.pub" "$STATE/authorized_keys"
$SUDO chmod 644 "$STATE/authorized_keys" "$STATE/client_ecdsa"

$SUDO tee "$STATE/sshd_config" >/dev/null <<CONF
Port $PORT
ListenAddress 127.0.0.1
HostKey $STATE/ssh_host_ed25519_key
HostKey $STATE/ssh_host_ecdsa_key
PidFile $STATE/sshd.pid
UsePAM no
StrictModes no
PermitRootLogin no
PasswordAuthentication yes
KbdInteractiveAuthentication no
PubkeyAuthentication yes
AuthorizedKeysFile $STATE/authorized_keys
AllowUsers $USER_NAME
MaxStartups 100:30:200
MaxSessions 20
Subsystem netconf /usr/sbin/netconf-subsystem
CONF

port_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }
alive() { [ -f "$1" ] && $SUDO kill -0 "$(cat "$1")" 2>/dev/null; }

if alive "$STATE/netconfd.pid"; then
  log "netconfd already running (pid $(cat "$STATE/netconfd.pid"))"
else
  if [ -S /tmp/ncxserver.sock ] && ! pgrep -x netconfd >/dev/null; then
    $SUDO rm -f /tmp/ncxserver.sock
  fi
  if pgrep -x netconfd >/dev/null; then
    echo "netconfd-up: a netconfd not started by this script runs; stop it first (one per machine: /tmp/ncxserver.sock)" >&2
    exit 1
  fi
  log "starting netconfd --port=$PORT"
  $SUDO setsid nohup /usr/sbin/netconfd --superuser="$USER_NAME" --no-startup --target=candidate \
    --port="$PORT" --log="$STATE/netconfd.log" --log-level=info </dev/null >"$STATE/netconfd.out" 2>&1 &
  echo $! | $SUDO tee "$STATE/netconfd.pid" >/dev/null
  for _ in $(seq 1 "$WAIT_SECONDS"); do
    [ -S /tmp/ncxserver.sock ] && break
    sleep 1
  done
  [ -S /tmp/ncxserver.sock ] || { log "netconfd did not create /tmp/ncxserver.sock"; cat "$STATE/netconfd.out" >&2; exit 1; }
fi

if alive "$STATE/sshd.pid"; then
  log "sshd already running (pid $(cat "$STATE/sshd.pid"))"
else
  log "starting sshd on 127.0.0.1:$PORT"
  $SUDO /usr/sbin/sshd -f "$STATE/sshd_config" -E "$STATE/sshd.log" ||
    { log "sshd did not start"; cat "$STATE/sshd.log" >&2; exit 1; }
fi
for _ in $(seq 1 "$WAIT_SECONDS"); do
  port_answers && break
  sleep 1
done
port_answers || { log "nothing answers on 127.0.0.1:$PORT"; cat "$STATE/sshd.log" >&2; exit 1; }
log "ready on 127.0.0.1:$PORT"

cat <<ENV
export SWITCHBOARD_NETCONFD_HOST=127.0.0.1
export SWITCHBOARD_NETCONFD_PORT=$PORT
export SWITCHBOARD_NETCONFD_USER=$USER_NAME
export SWITCHBOARD_NETCONFD_PASSWORD=$PASSWORD
export SWITCHBOARD_NETCONFD_KEY=$STATE/client_ecdsa
ENV

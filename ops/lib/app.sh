# Shared by ops/bench and ops/crash scripts: build, pick a port, start and stop the application.
# Source it; it defines functions only. Needs bash, java 17, maven, curl and (for mariadb) the
# mariadb client. Everything listens on 127.0.0.1 only.

OPS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OPS_JAR="$OPS_ROOT/ops/benchmark/target/switchboard-ops-benchmark.jar"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# Builds the application and the ops jar (and only the modules they need) unless both exist;
# OPS_REBUILD=1 forces a build. Offline first; online only if a dependency is missing locally.
ops_build() {
  if [[ "${OPS_REBUILD:-0}" != 1 ]] && ls "$OPS_ROOT"/app/target/switchboard-app-*.jar >/dev/null 2>&1 \
      && [[ -f "$OPS_JAR" ]]; then
    return 0
  fi
  log "building the application and the ops jar (mvn -DskipTests package)"
  # Spring Boot repackages an already repackaged jar without refreshing its nested libraries:
  # remove it so the build always nests the engine and modules just compiled.
  rm -f "$OPS_ROOT"/app/target/switchboard-app-*.jar "$OPS_ROOT"/app/target/switchboard-app-*.jar.original
  local mvn_args=(-B -q -DskipTests -pl app,ops/benchmark -am package)
  (cd "$OPS_ROOT" && { mvn -o "${mvn_args[@]}" || mvn "${mvn_args[@]}"; }) >&2
}

# The application jar: APP_JAR if set (to measure another build), else this checkout's.
app_jar() {
  if [[ -n "${APP_JAR:-}" ]]; then
    echo "$APP_JAR"
  else
    ls "$OPS_ROOT"/app/target/switchboard-app-*.jar | grep -v '\.original$' | head -n1
  fi
}

# A TCP port nobody listens on right now.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || shuf -i 20000-60000 -n 1
}

# use_db <h2|mariadb> <database name>: prepares a fresh database for the application and sets
# APP_DB_ARGS. H2 uses the application's own default URL (./data/switchboard, so every setting in
# application.yml is what is tested) inside the work folder the application runs in; MariaDB uses
# the `mysql` profile with its SWITCHBOARD_DB_* variables, on a database dropped and created anew.
use_db() {
  local db="$1" name="$2"
  APP_DB_ARGS=()
  case "$db" in
    h2) ;;
    mariadb)
      local host="${MARIADB_HOST:-127.0.0.1}" port="${MARIADB_PORT:-3306}" user="${MARIADB_USER:-root}"
      mariadb -u"$user" ${MARIADB_PASSWORD:+-p"$MARIADB_PASSWORD"} -h"$host" -P"$port" \
        -e "DROP DATABASE IF EXISTS \`$name\`; CREATE DATABASE \`$name\`" >&2 || {
        log "cannot reach MariaDB at $host:$port as $user (set MARIADB_HOST/PORT/USER/PASSWORD)"
        return 1
      }
      export SWITCHBOARD_DB_URL="jdbc:mysql://$host:$port/$name"
      export SWITCHBOARD_DB_USERNAME="$user"
      export SWITCHBOARD_DB_PASSWORD="${MARIADB_PASSWORD:-}"
      APP_DB_ARGS=(--spring.profiles.active=mysql)
      ;;
    *)
      log "unknown database '$db' (expected h2 or mariadb)"
      return 1
      ;;
  esac
}

# The provider administrator that the application creates on its first start, and as whom the
# ops jar calls /v2 (HTTP Basic): a fresh password per run unless SWITCHBOARD_ADMIN_PASSWORD is set.
ops_credentials() {
  if [[ -z "${SWITCHBOARD_ADMIN_PASSWORD:-}" ]]; then
    SWITCHBOARD_ADMIN_PASSWORD="ops-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  fi
  export SWITCHBOARD_ADMIN_PASSWORD
}

# start_app <port> <work dir> <log file>: starts the application in the background in <work dir>
# (where H2 keeps ./data) and sets APP_PID to the JVM's pid. APP_JAVA_OPTS replaces the JVM flags; APP_ARGS adds
# application arguments (for experiments, e.g. another datasource URL).
start_app() {
  local port="$1" dir="$2" logfile="$3" jar
  jar="$(app_jar)"
  # shellcheck disable=SC2086
  (cd "$dir" && exec java ${APP_JAVA_OPTS:--Xms1g -Xmx1g} -jar "$jar" \
    --server.port="$port" --server.address=127.0.0.1 \
    --switchboard.hello.enabled=false \
    "${APP_DB_ARGS[@]}" ${APP_ARGS:-} >>"$logfile" 2>&1) &
  APP_PID=$!
}

# wait_healthy <port> <pid> <seconds>: waits for /actuator/health to answer UP.
wait_healthy() {
  local port="$1" pid="$2" seconds="$3" i
  for ((i = 0; i < seconds * 4; i++)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "the application (pid $pid) exited during startup"
      return 1
    fi
    if curl -fsS "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; then
      return 0
    fi
    sleep 0.25
  done
  log "the application did not report healthy within ${seconds}s"
  return 1
}

# stop_pid <pid> [seconds]: TERM, then KILL after the grace period; quiet if already gone.
stop_pid() {
  local pid="$1" grace="${2:-20}" i
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < grace * 4; i++)); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.25
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

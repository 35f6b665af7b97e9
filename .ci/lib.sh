# Shared shell functions for .ci/serve, .ci/test, .ci/bench and .ci/dbctl.
# Everything lives under var/<instance>/: a private MariaDB, the worker pool and nginx, all on loopback.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="/opt/swift/usr/bin:$PATH"

PACKAGES=(curl pkg-config libfcgi-dev libmariadb-dev mariadb-server nginx-light libcurl4-openssl-dev wrk
    chromium chromium-driver python3-venv)

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Installs the Debian packages that are missing (needs root on a fresh machine).
ensure_packages() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        log "installing ${missing[*]}"
        [ "$(id -u)" = 0 ] || die "run as root to install: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
    command -v swift >/dev/null || die "Swift 6 is required (expected at /opt/swift/usr/bin)"
}

# Creates var/secrets.env once: the database password and the server's encryption key.
ensure_secrets() {
    mkdir -p "$ROOT/var"
    if [ ! -f "$ROOT/var/secrets.env" ]; then
        umask 077
        {
            echo "DB_PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
            echo "SECRET_KEY=$(head -c 32 /dev/urandom | base64)"
        } >"$ROOT/var/secrets.env"
        umask 022
    fi
    # shellcheck disable=SC1091
    . "$ROOT/var/secrets.env"
}

# ensure_python [PACKAGE...]: creates var/venv once, installs Tests/requirements.txt into it (again only
# when that file changed), then any extra PyPI packages named that are missing (their import name is
# the lower-cased name; .ci/bench asks for a few). Quiet and idempotent; sets PYTHON.
ensure_python() {
    local venv="$ROOT/var/venv" requirements="$ROOT/Tests/requirements.txt" missing=() p sum
    [ -x "$venv/bin/python3" ] || python3 -m venv "$venv" || die "python3 -m venv failed (python3-venv missing?)"
    sum="$(sha256sum "$requirements" | cut -d' ' -f1)"
    if [ "$(cat "$venv/.requirements.sha256" 2>/dev/null)" != "$sum" ]; then
        log "installing Tests/requirements.txt into var/venv"
        "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements" >"$ROOT/var/pip.log" 2>&1 ||
            die "pip install -r Tests/requirements.txt failed; see var/pip.log"
        echo "$sum" >"$venv/.requirements.sha256"
    fi
    for p in "$@"; do
        "$venv/bin/python3" -c "import ${p,,}" 2>/dev/null || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        log "installing ${missing[*]} into var/venv"
        "$venv/bin/pip" install --quiet --disable-pip-version-check "${missing[@]}" >"$ROOT/var/pip.log" 2>&1 ||
            die "pip install ${missing[*]} failed; see var/pip.log"
    fi
    PYTHON="$venv/bin/python3"
}

# instance_paths NAME: sets VAR_DIR and the paths inside it.
instance_paths() {
    INSTANCE="$1"
    VAR_DIR="$ROOT/var/$INSTANCE"
    DB_SOCKET="$VAR_DIR/run/mysqld.sock"
    FCGI_SOCKET="$VAR_DIR/run/claimscore.sock"
    PORTAL_SOCKET="$VAR_DIR/run/claimscore-portal.sock"
    CONF_FILE="$VAR_DIR/claimscore.conf"
    mkdir -p "$VAR_DIR/run" "$VAR_DIR/log" "$VAR_DIR/nginx/tmp"
    chmod 755 "$ROOT/var" "$VAR_DIR" "$VAR_DIR/run"
}

db_running() { [ -S "$DB_SOCKET" ] && mariadb-admin --no-defaults --socket="$DB_SOCKET" -uroot ping >/dev/null 2>&1; }

# Initialises (first time only) and starts the instance's MariaDB on its private socket, no TCP.
db_start() {
    if db_running; then return 0; fi
    if [ ! -d "$VAR_DIR/mysql/mysql" ]; then
        log "initialising MariaDB data directory $VAR_DIR/mysql"
        mariadb-install-db --no-defaults --user=root --datadir="$VAR_DIR/mysql" \
            --auth-root-authentication-method=socket --skip-test-db >"$VAR_DIR/log/mariadb-install.log" 2>&1 ||
            die "mariadb-install-db failed; see $VAR_DIR/log/mariadb-install.log"
    fi
    rm -f "$DB_SOCKET"
    mariadbd --no-defaults --user=root --datadir="$VAR_DIR/mysql" --socket="$DB_SOCKET" \
        --pid-file="$VAR_DIR/run/mysqld.pid" --skip-networking --log-error="$VAR_DIR/log/mariadb.log" \
        --innodb-buffer-pool-size=512M --max-connections=500 --character-set-server=utf8mb4 \
        --collation-server=utf8mb4_unicode_ci >/dev/null 2>&1 &
    # A daemon, not a job: the outage test SIGKILLs it, and bash would report that as "Killed".
    disown
    local i
    for i in $(seq 1 120); do
        db_running && return 0
        sleep 0.25
    done
    die "MariaDB did not start; see $VAR_DIR/log/mariadb.log"
}

db_stop() {
    [ -f "$VAR_DIR/run/mysqld.pid" ] || return 0
    local pid i
    pid="$(cat "$VAR_DIR/run/mysqld.pid" 2>/dev/null || true)"
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
    for i in $(seq 1 120); do
        [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || break
        sleep 0.25
    done
    rm -f "$VAR_DIR/run/mysqld.pid"
}

# Simulates a crash: SIGKILL, no shutdown; the next db_start runs InnoDB recovery.
db_kill() {
    local pid i
    pid="$(cat "$VAR_DIR/run/mysqld.pid" 2>/dev/null || true)"
    [ -n "$pid" ] || return 0
    kill -KILL "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    rm -f "$VAR_DIR/run/mysqld.pid" "$DB_SOCKET"
}

# db_setup DBNAME [fresh]: creates the database and the application user.
db_setup() {
    local name="$1" fresh="${2:-}"
    local sql="CREATE DATABASE IF NOT EXISTS \`$name\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
    [ "$fresh" = fresh ] && sql="DROP DATABASE IF EXISTS \`$name\`; $sql"
    mariadb --no-defaults --socket="$DB_SOCKET" -uroot -e "$sql
        CREATE USER IF NOT EXISTS 'claimscore'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
        ALTER USER 'claimscore'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
        GRANT ALL PRIVILEGES ON \`$name\`.* TO 'claimscore'@'localhost';"
    DB_NAME="$name"
}

# write_config PORT [THREADS] [PROCESSES]: the worker pool's configuration file for this instance
# (the portal socket is socket_path's default sibling, $PORTAL_SOCKET).
write_config() {
    local port="$1" threads="${2:-}" processes="${3:-}"
    {
        echo "# Generated by .ci/lib.sh for the $INSTANCE instance."
        echo "socket_path = $FCGI_SOCKET"
        echo "socket_mode = 0666"
        [ -n "$processes" ] && echo "processes = $processes"
        [ -n "$threads" ] && echo "threads = $threads"
        echo "db_socket = $DB_SOCKET"
        echo "db_user = claimscore"
        echo "db_password = $DB_PASSWORD"
        echo "db_name = $DB_NAME"
        echo "public_url = http://127.0.0.1:$port"
        echo "migrations_dir = $ROOT/sql"
        echo "log_level = ${LOG_LEVEL:-info}"
        echo "secret_key = $SECRET_KEY"
        [ -n "${ALLOW_NETWORKS:-}" ] && echo "webhook_allow_networks = $ALLOW_NETWORKS"
        [ -n "${RATE_LIMIT:-}" ] && echo "rate_limit = $RATE_LIMIT" && echo "rate_burst = $RATE_LIMIT"
        [ -n "${EXTRA_CONFIG:-}" ] && printf '%s\n' "$EXTRA_CONFIG"
        true
    } >"$CONF_FILE"
    chmod 600 "$CONF_FILE"
}

# workers_start BINARY: starts the `claimscore serve` master (its pid goes to run/claimscore.pid; it
# starts the worker processes) and waits for both sockets.
workers_start() {
    local binary="$1" i
    workers_stop
    rm -f "$FCGI_SOCKET" "$PORTAL_SOCKET"
    "$binary" serve --config "$CONF_FILE" >>"$VAR_DIR/log/claimscore.log" 2>&1 &
    echo $! >"$VAR_DIR/run/claimscore.pid"
    for i in $(seq 1 100); do
        [ -S "$FCGI_SOCKET" ] && [ -S "$PORTAL_SOCKET" ] && return 0
        kill -0 "$(cat "$VAR_DIR/run/claimscore.pid")" 2>/dev/null || die "claimscore exited; see $VAR_DIR/log/claimscore.log"
        sleep 0.1
    done
    die "claimscore did not open $FCGI_SOCKET"
}

# workers_stop: SIGTERM to the master, which drains its workers; SIGKILL after 12 s (the workers
# die with it: PR_SET_PDEATHSIG).
workers_stop() {
    [ -f "$VAR_DIR/run/claimscore.pid" ] || return 0
    local pid i
    pid="$(cat "$VAR_DIR/run/claimscore.pid")"
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 120); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$VAR_DIR/run/claimscore.pid"
}

# nginx_start PORT [keep-conn KEEPALIVE] [ACCESS_LOG]: renders the templates and starts nginx.
# NGINX_LIMITS=lifted exempts 127.0.0.1 and 127.0.1.0/24 from the per-address limits (the test suite's
# clients: tests of the app's own per-address limits use addresses of their own in 127.0.1.0/24; other
# loopback addresses keep the shipped ones), NGINX_LIMITS=off removes them (throughput benchmarks).
nginx_start() {
    local port="$1" keep="${2:-off}" keepalive="${3:-0}" access="${4:-$VAR_DIR/log/nginx-access.log}"
    local conf="$VAR_DIR/nginx"
    nginx_stop
    mkdir -p "$conf/tmp"
    cp /etc/nginx/mime.types /etc/nginx/fastcgi_params "$conf/"
    local keepalive_line="# no upstream keep-alive" limits=()
    [ "$keep" = on ] && keepalive_line="keepalive $keepalive;"
    case "${NGINX_LIMITS:-shipped}" in
    # Zones keyed by $claimscore_limit_key: empty (not counted) for the test clients, the address for others.
    lifted) limits=(-e 's/_zone \$binary_remote_addr/_zone $claimscore_limit_key/') ;;
    off) limits=(-e '/limit_req zone=/d; /limit_conn claimscore_conn/d') ;;
    esac
    {
        sed -e "s|@SOCKET@|$FCGI_SOCKET|g" -e "s|@PORTAL_SOCKET@|$PORTAL_SOCKET|g" -e "s|@KEEPALIVE@|$keepalive_line|g" \
            "${limits[@]}" "$ROOT/nginx/claimscore-upstream.conf"
        [ "${NGINX_LIMITS:-}" = lifted ] &&
            printf 'map $remote_addr $claimscore_limit_key {\n    127.0.0.1 "";\n    ~^127\\.0\\.1\\. "";\n    default $binary_remote_addr;\n}\n'
        true
    } >"$conf/claimscore-upstream.conf"
    sed -e "s|@PUBLIC@|$ROOT/public|g" "${limits[@]}" \
        "$ROOT/nginx/claimscore-locations.conf" >"$conf/claimscore-locations.conf"
    sed -e "s|@KEEP_CONN@|$keep|g" "$ROOT/nginx/claimscore-fastcgi.conf" >"$conf/claimscore-fastcgi.conf"
    sed -e "s|@VAR@|$VAR_DIR|g" -e "s|@PORT@|$port|g" -e "s|@ACCESS_LOG@|$access|g" \
        "$ROOT/nginx/dev.conf.template" >"$conf/nginx.conf"
    nginx -p "$conf" -c "$conf/nginx.conf" -t >"$VAR_DIR/log/nginx-test.log" 2>&1 ||
        die "nginx configuration invalid: $(cat "$VAR_DIR/log/nginx-test.log")"
    nginx -p "$conf" -c "$conf/nginx.conf"
    local i
    for i in $(seq 1 50); do
        [ -s "$VAR_DIR/run/nginx.pid" ] && return 0
        sleep 0.1
    done
    die "nginx did not start; see $VAR_DIR/log/nginx-error.log"
}

nginx_stop() {
    [ -s "$VAR_DIR/run/nginx.pid" ] || return 0
    local pid i
    pid="$(cat "$VAR_DIR/run/nginx.pid")"
    kill -QUIT "$pid" 2>/dev/null || true
    for i in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$VAR_DIR/run/nginx.pid"
}

stack_stop() {
    nginx_stop
    workers_stop
    db_stop
}

# wait_http URL: waits (bounded) until the URL answers 200.
wait_http() {
    local i
    for i in $(seq 1 100); do
        curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    die "$1 did not answer 200"
}


#!/usr/bin/env bash
# Installs (when missing) and starts a throwaway PostgreSQL server on 127.0.0.1 for the tests.
#
# Prints one line on stdout, the URL of an empty database on it, so CI can do:
#   export LINIMASA_TEST_PG_URL="$(bash scripts/ci_postgres.sh)"
# Everything else goes to stderr. The server runs as the `postgres` user from a data folder under /tmp
# and is left running for the test session; `pg_ctl -D "$PGDATA" stop` ends it.
set -euo pipefail

PORT="${LINIMASA_PG_PORT:-54329}"
DATABASE="linimasa_test"
log() { echo "ci_postgres: $*" >&2; }

find_bindir() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; fi
    done | sort -V | tail -n 1
}

BINDIR="$(find_bindir)"
if [ -z "$BINDIR" ]; then
    log "installing Debian's postgresql"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    BINDIR="$(find_bindir)"
fi
if [ -z "$BINDIR" ]; then
    log "no PostgreSQL server binaries after installing; the postgres tests will skip"
    exit 1
fi

run_as_postgres() {
    if [ "$(id -un)" = "postgres" ]; then "$@"; else su postgres -s /bin/bash -c "$(printf '%q ' "$@")"; fi
}

if [ "$(id -u)" = "0" ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi

if run_as_postgres "$BINDIR/pg_isready" -q -h 127.0.0.1 -p "$PORT" 2>/dev/null; then
    log "a server already answers on 127.0.0.1:$PORT"
else
    PGDATA="$(mktemp -d /tmp/linimasa-pg.XXXXXX)"
    chown postgres "$PGDATA" 2>/dev/null || true
    log "initdb in $PGDATA"
    run_as_postgres "$BINDIR/initdb" -D "$PGDATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >&2
    run_as_postgres "$BINDIR/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$PGDATA -c fsync=off -c max_connections=200" \
        start >&2
    log "server started on 127.0.0.1:$PORT (data $PGDATA; stop with: pg_ctl -D $PGDATA stop)"
fi

if ! run_as_postgres "$BINDIR/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname='$DATABASE'" | grep -q 1; then
    run_as_postgres "$BINDIR/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DATABASE"
fi
echo "postgresql://postgres@127.0.0.1:$PORT/$DATABASE"

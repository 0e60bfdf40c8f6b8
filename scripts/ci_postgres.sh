#!/usr/bin/env bash
# Installs (when missing) and starts a throwaway PostgreSQL server on 127.0.0.1 for the tests.
#
# Either source it, which exports LINIMASA_TEST_PG_URL (what .ci/run does):
#     source scripts/ci_postgres.sh || echo "PostgreSQL did not start; its tests will skip"
# or run it, which prints that URL as its only line on stdout:
#     export LINIMASA_TEST_PG_URL="$(bash scripts/ci_postgres.sh)"
# Progress goes to stderr. The server runs as the `postgres` user from a data folder under /tmp and is
# left running for the test session; `pg_ctl -D <that folder> stop` ends it. Every failure returns
# non-zero instead of exiting, so a sourcing shell goes on (the tests then skip, saying why).

_linimasa_pg_bindir() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; fi
    done | sort -V | tail -n 1
}

_linimasa_pg_as_postgres() {
    if [ "$(id -un)" = "postgres" ]; then "$@"; else su postgres -s /bin/bash -c "$(printf '%q ' "$@")"; fi
}

_linimasa_pg_start() {
    local port="${LINIMASA_PG_PORT:-54329}" database="linimasa_test" bindir pgdata
    bindir="$(_linimasa_pg_bindir)"
    if [ -z "$bindir" ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "ci_postgres: installing Debian's postgresql" >&2
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || true
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 || true
        bindir="$(_linimasa_pg_bindir)"
    fi
    if [ -z "$bindir" ]; then
        echo "ci_postgres: no PostgreSQL server binaries (apt-get install postgresql); its tests will skip" >&2
        return 1
    fi
    if [ "$(id -u)" = "0" ] && ! id postgres >/dev/null 2>&1; then
        useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres || return 1
    fi
    if _linimasa_pg_as_postgres "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" 2>/dev/null; then
        echo "ci_postgres: a server already answers on 127.0.0.1:$port" >&2
    else
        pgdata="$(mktemp -d /tmp/linimasa-pg.XXXXXX)" || return 1
        chown postgres "$pgdata" 2>/dev/null || true
        _linimasa_pg_as_postgres "$bindir/initdb" -D "$pgdata" -U postgres --auth=trust --encoding=UTF8 \
            --locale=C.UTF-8 >/dev/null 2>&1 || { echo "ci_postgres: initdb failed in $pgdata" >&2; return 1; }
        _linimasa_pg_as_postgres "$bindir/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w \
            -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$pgdata -c fsync=off -c max_connections=200" \
            start >/dev/null 2>&1 || { echo "ci_postgres: the server did not start; see $pgdata/server.log" >&2; return 1; }
        echo "ci_postgres: server on 127.0.0.1:$port (data $pgdata; stop with: pg_ctl -D $pgdata stop)" >&2
    fi
    if ! _linimasa_pg_as_postgres "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc \
            "SELECT 1 FROM pg_database WHERE datname='$database'" | grep -q 1; then
        _linimasa_pg_as_postgres "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres "$database" || return 1
    fi
    LINIMASA_TEST_PG_URL="postgresql://postgres@127.0.0.1:$port/$database"
}

if (return 0 2>/dev/null); then
    _linimasa_pg_start && export LINIMASA_TEST_PG_URL && echo "ci_postgres: LINIMASA_TEST_PG_URL=$LINIMASA_TEST_PG_URL" >&2
else
    _linimasa_pg_start || exit 1
    echo "$LINIMASA_TEST_PG_URL"
fi

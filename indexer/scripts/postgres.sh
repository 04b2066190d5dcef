#!/usr/bin/env bash
# A throwaway Postgres cluster on a loopback port, for the indexer's tests and benchmark.
#
#   scripts/postgres.sh start DIR [PORT]   initdb DIR (if new) and start it; prints its DATABASE_URL
#   scripts/postgres.sh stop DIR           stops it (safe when it is not running)
#   scripts/postgres.sh psql URL [ARGS...]  runs that installation's psql against URL
#
# Uses the Debian `postgresql` package's binaries (PG_BIN, default /usr/lib/postgresql/15/bin or
# whatever pg_ctl is on PATH). As root it runs the cluster as the `postgres` user, since initdb
# refuses to run as root; CI installs the package first (.ci/run).
set -euo pipefail

pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -n "$found" ]; then echo "$found"; return; fi
  if command -v pg_ctl >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v pg_ctl)")"; return; fi
  echo "postgres.sh: no Postgres binaries found: apt-get install -y postgresql (or set PG_BIN)" >&2
  exit 1
}

# Runs a Postgres binary as the cluster's owner: ourselves, or `postgres` when we are root.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cmd=${1:?usage: postgres.sh start|stop DIR [PORT] | psql URL [ARGS...]}
dir=${2:?usage: postgres.sh start|stop DIR [PORT] | psql URL [ARGS...]}
bin=$(pg_bin)

case "$cmd" in
  start)
    port=${3:-54329}
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then
      chown postgres: "$dir"
      # A private temporary parent (mktemp -d is 0700) would keep the postgres user out.
      chmod a+x "$(dirname "$dir")"
    fi
    if [ ! -f "$dir/PG_VERSION" ]; then
      # trust on 127.0.0.1 only: a throwaway cluster that nothing but this machine can reach.
      as_owner "$bin/initdb" -D "$dir" -U postgres --auth=trust --no-sync -E UTF8 >/dev/null
    fi
    # fsync off: the data is thrown away; durability only costs the tests time.
    as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start \
      -o "-h 127.0.0.1 -p $port -k '' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -f "$dir/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null
    fi
    ;;
  psql)
    url=$dir
    shift 2
    exec "$bin/psql" "$url" "$@"
    ;;
  *)
    echo "postgres.sh: unknown command $cmd (start, stop or psql)" >&2
    exit 2
    ;;
esac

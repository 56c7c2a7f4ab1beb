#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster on a unix socket, then stop and remove the cluster.
# Usage: scripts/with-postgres.sh COMMAND...   (DATABASE_URL is set for COMMAND)
# Exits 3 without running COMMAND when PostgreSQL's server binaries are not installed.
set -euo pipefail
initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$initdb" ]; then
  echo "with-postgres: PostgreSQL server not installed (apt-get install postgresql)" >&2
  exit 3
fi
B=$(dirname "$initdb")
D=$(mktemp -d /tmp/treatywatch-pg.XXXXXX)
PORT=${PGTEST_PORT:-54329}
as_pg=()
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$D"
  as_pg=(runuser -u postgres --)
fi
cleanup() {
  "${as_pg[@]}" "$B/pg_ctl" -D "$D/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$D"
}
trap cleanup EXIT
"${as_pg[@]}" "$B/initdb" -D "$D/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$B/pg_ctl" -D "$D/data" -l "$D/log" -w start -o "-k $D -p $PORT -c listen_addresses='' -c fsync=off" >/dev/null
export DATABASE_URL="postgres://postgres@/treatywatch?host=$D&port=$PORT"
"${as_pg[@]}" "$B/createdb" -h "$D" -p "$PORT" -U postgres treatywatch
"$@"

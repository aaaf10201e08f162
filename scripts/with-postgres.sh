#!/usr/bin/env bash
# Runs a command with TEST_DATABASE_URL pointing at a throwaway PostgreSQL server on 127.0.0.1,
# then stops the server (by its PID) and removes its data, whatever the command's outcome.
# Usage: scripts/with-postgres.sh npm test     (needs Debian's postgresql package)
set -euo pipefail

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "with-postgres: PostgreSQL server binaries not found (apt-get install -y postgresql)" >&2
  exit 1
fi

work=$(mktemp -d /tmp/agp-pg.XXXXXX)
as_pg=()
if [ "$(id -u)" = "0" ]; then
  # initdb refuses to run as root: run the server as the postgres user the package created.
  chown postgres "$work"
  as_pg=(runuser -u postgres --)
fi

port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -INT "$pid" 2>/dev/null || true # fast shutdown
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$work"
}
trap cleanup EXIT

"${as_pg[@]}" "$pg_bin/initdb" -D "$work/data" -U postgres --auth=trust --encoding=UTF8 --no-sync >"$work/initdb.log" 2>&1 ||
  { cat "$work/initdb.log" >&2; exit 1; }
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/data" -l "$work/server.log" -w -t 30 \
  -o "-p $port -c listen_addresses=127.0.0.1 -k $work -c fsync=off -c full_page_writes=off" start >/dev/null ||
  { cat "$work/server.log" >&2; exit 1; }
pid=$(head -n 1 "$work/data/postmaster.pid")

export TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (pid $pid)" >&2
set +e
"$@"
status=$?
set -e
exit $status

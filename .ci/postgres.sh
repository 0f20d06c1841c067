#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1 for the tests (sourced by .ci/run; usable by hand too):
#   source .ci/postgres.sh && postgres_start   # exports RECONCILER_TEST_POSTGRES
#   postgres_stop                              # stops the server and removes its directory
# Installs Debian's postgresql package when no server binaries are found. initdb refuses to run as root,
# so as root the cluster belongs to the 'postgres' user (created by the package).

postgres_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

postgres_start() {
  local bin
  if ! bin=$(postgres_bin); then
    if command -v apt-get >/dev/null 2>&1; then
      echo "installing PostgreSQL (Debian package postgresql)"
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) ||
        echo "warning: could not install postgresql"
    fi
    bin=$(postgres_bin) || { echo "warning: PostgreSQL is not available; its tests will be skipped"; return 0; }
  fi

  local as=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    as=(runuser -u postgres --)
  fi

  PG_TEST_DIR=$(mktemp -d /tmp/reconciler-pg.XXXXXX)
  chmod 755 "$PG_TEST_DIR"
  [ ${#as[@]} -gt 0 ] && chown postgres "$PG_TEST_DIR"
  # A free port: ask the kernel for one, then hand it to the server.
  PG_TEST_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || shuf -i 20000-60000 -n 1)
  "${as[@]}" "$bin/initdb" -D "$PG_TEST_DIR/data" -A trust -U reconciler -E UTF8 --locale=C.UTF-8 >"$PG_TEST_DIR/initdb.log" 2>&1 ||
    "${as[@]}" "$bin/initdb" -D "$PG_TEST_DIR/data" -A trust -U reconciler -E UTF8 >"$PG_TEST_DIR/initdb.log" 2>&1 ||
    { echo "warning: initdb failed (see $PG_TEST_DIR/initdb.log); PostgreSQL tests will be skipped"; return 0; }
  # fsync off: a test cluster is thrown away; max_connections for three replicas per test and parallel test classes.
  "${as[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $PG_TEST_PORT -k $PG_TEST_DIR -c fsync=off -c full_page_writes=off -c max_connections=300" start >/dev/null ||
    { echo "warning: PostgreSQL did not start (see $PG_TEST_DIR/server.log); its tests will be skipped"; return 0; }
  PG_TEST_BIN=$bin
  PG_TEST_AS=("${as[@]}")
  export RECONCILER_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_TEST_PORT;Username=reconciler;Database=postgres"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_TEST_PORT for the tests"
}

postgres_stop() {
  if [ -n "${PG_TEST_DIR:-}" ] && [ -d "$PG_TEST_DIR" ]; then
    [ -n "${PG_TEST_BIN:-}" ] && "${PG_TEST_AS[@]}" "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -m immediate -w stop >/dev/null 2>&1
    rm -rf "$PG_TEST_DIR"
  fi
}

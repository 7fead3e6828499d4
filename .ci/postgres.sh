#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL cluster in a temporary folder.
#   .ci/postgres.sh start   prints the DATABASE_URL of a new cluster
#   .ci/postgres.sh stop DIR
# PostgreSQL refuses to run as root, so the cluster runs as the `postgres` user.
set -euo pipefail

find_bin() {
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/pg_ctl" ] && { echo "$dir"; return; }
  done
  return 1
}

case "${1:-}" in
  start)
    if ! BIN=$(find_bin); then
      echo "Installing PostgreSQL from Debian's packages…" >&2
      apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
      BIN=$(find_bin)
    fi
    RUN_AS=()
    if [ "$(id -u)" = "0" ]; then RUN_AS=(runuser -u postgres --); fi
    DIR=$(mktemp -d /tmp/radiant-pg.XXXXXX)
    chmod 755 "$DIR"
    [ "$(id -u)" = "0" ] && chown postgres "$DIR"
    PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    "${RUN_AS[@]}" "$BIN/initdb" -D "$DIR/data" -U radiant --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
      -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
    echo "$DIR" > "$DIR/.dir"
    echo "postgresql://radiant@127.0.0.1:$PORT/postgres|$DIR"
    ;;
  stop)
    DIR="${2:?folder}"
    BIN=$(find_bin)
    RUN_AS=()
    if [ "$(id -u)" = "0" ]; then RUN_AS=(runuser -u postgres --); fi
    "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null || true
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac

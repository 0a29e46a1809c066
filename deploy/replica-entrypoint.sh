#!/bin/sh
# Entrypoint of the streaming replica (official postgres image): on an empty data volume, copy the
# primary with pg_basebackup (-R writes standby.signal and primary_conninfo, -S uses the slot
# made by deploy/primary-replication.sh, -X stream copies the WAL written meanwhile), then start
# PostgreSQL through the image's own entrypoint, which leaves a non-empty data directory alone.
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h db -p 5432 -U replicator -q; do sleep 1; done
  mkdir -p "$PGDATA"
  chown postgres:postgres "$PGDATA"
  chmod 700 "$PGDATA"
  PGPASSWORD="$REPLICATION_PASSWORD" gosu postgres \
    pg_basebackup --host=db --port=5432 --username=replicator --pgdata="$PGDATA" \
      --write-recovery-conf --slot=replica1 --wal-method=stream --checkpoint=fast --progress
fi
exec docker-entrypoint.sh postgres -c hot_standby=on -c hot_standby_feedback=on -c shared_preload_libraries=pg_prewarm

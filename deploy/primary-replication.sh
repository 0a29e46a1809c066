#!/bin/sh
# Runs once, when the primary's container initialises an empty data volume (after
# docker/initdb-roles.sh): a login role for streaming replication, a physical replication slot
# for the standby (so the primary keeps the WAL it has not received yet, even while it is down),
# and the pg_hba line that lets that role connect for replication from the compose network.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v password="$REPLICATION_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE replicator WITH LOGIN REPLICATION PASSWORD %L', :'password') \gexec
SELECT pg_create_physical_replication_slot('replica1');
SQL
# "all" in pg_hba's database column does not cover replication connections: they need their own line
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"

#!/bin/sh
# Runs once, when the postgres container initialises an empty data volume: creates the owner and
# app roles (prisma/sql/create-roles.sql) with the passwords of the compose file's environment.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$INBURGERING_OWNER_PASSWORD" \
  -v app_password="$INBURGERING_APP_PASSWORD" \
  -v database="$POSTGRES_DB" \
  -f /inburgering/create-roles.sql

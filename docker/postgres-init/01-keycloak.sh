#!/bin/bash
# Creates Keycloak's own role and database next to DigiLit's.
# The postgres image runs this once, when the data volume is initialised for the first time.
set -eo pipefail

: "${KEYCLOAK_DB_USER:?KEYCLOAK_DB_USER must be set on the postgres container}"
: "${KEYCLOAK_DB_PASSWORD:?KEYCLOAK_DB_PASSWORD must be set on the postgres container}"

# psql variables (:"name" quotes an identifier, :'name' a literal) keep the credentials out of the SQL text.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    --set=kc_user="$KEYCLOAK_DB_USER" --set=kc_password="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE ROLE :"kc_user" WITH LOGIN PASSWORD :'kc_password';
CREATE DATABASE keycloak OWNER :"kc_user";
SQL

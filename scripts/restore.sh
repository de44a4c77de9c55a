#!/usr/bin/env bash
# Restores a backup.sh file into an EMPTY database, then says how to bring it to the current schema:
#
#   createdb … aisalesdb_restored                     # or create it on the managed server
#   ConnectionStrings__aisalesdb="Host=…;Database=aisalesdb_restored;…" scripts/restore.sh backups/aisales-…-v….dump
#   ConnectionStrings__aisalesdb="…" dotnet AiSales.MigrationService.dll   # migrates from the backup's version
#
# Connection: as backup.sh (ConnectionStrings__aisalesdb or PG*), naming the target database. It refuses a database
# that already holds tables: restoring over live data would mix two histories. Objects are restored without their
# original owner and grants (--no-owner --no-privileges: the managed server's user is not the one that dumped), in one
# transaction (all or nothing). Exit codes: 0 restored, 1 pg_restore failed (nothing kept), 2 bad settings or input.
set -euo pipefail
source "$(dirname "$0")/lib/pg-connection.sh"

[ $# -eq 1 ] || pg_fail "usage: scripts/restore.sh BACKUP_FILE (the target database comes from ConnectionStrings__aisalesdb or PG*)"
file="$1"
[ -f "$file" ] && [ -r "$file" ] || pg_fail "backup file '$file' does not exist or cannot be read"
pg_connection_from_environment
pg_find_tools

list=$(mktemp)
trap 'rm -f "$list"' EXIT
"$PG_RESTORE" --list "$file" >"$list" 2>/dev/null || pg_fail "'$file' is not a pg_dump custom-format archive (write one with scripts/backup.sh)"

tables=$(pg_scalar "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                      AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'")
[ "$tables" = "0" ] || pg_fail "the target $(pg_describe) is not empty ($tables tables, views or sequences): restore only into a new, empty database"

# A comment on an extension can only be restored by the extension's owner (a superuser): skipped, it is documentation only.
sed -i '/ COMMENT - EXTENSION /d' "$list"

echo "restore.sh: restoring $file into $(pg_describe)"
started=$(date +%s)
"$PG_RESTORE" --no-password --no-owner --no-privileges --exit-on-error --single-transaction \
  --use-list="$list" --dbname="$PGDATABASE" "$file" \
  || { echo "restore.sh: pg_restore failed; the transaction was rolled back and $(pg_describe) is still empty" >&2; exit 1; }

version=$(pg_scalar 'SELECT coalesce(max("Version"), 0) FROM "VersionInfo"')
echo "restore.sh: restored in $(( $(date +%s) - started )) s; the database is at schema version $version"
echo "restore.sh: next, run the migrator (AiSales.MigrationService) with this connection: it applies the migrations newer than $version, then start api and ai-agent"

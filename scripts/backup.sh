#!/usr/bin/env bash
# Backs up the AiSales database with pg_dump (custom format: compressed, restorable table by table) into
#   OUTPUT_DIR/aisales-<database>-v<schema version>-<UTC time>.dump
# where the schema version is the newest FluentMigrator VersionInfo row, so the file says which build wrote it.
#
#   scripts/backup.sh [OUTPUT_DIR]        default: $BACKUP_DIR, else ./backups
#
# Connection: ConnectionStrings__aisalesdb (the services' own setting) or PGHOST/PGPORT/PGDATABASE/PGUSER/PGPASSWORD
# (see scripts/lib/pg-connection.sh). BACKUP_KEEP=N keeps only the N newest backups of this database in OUTPUT_DIR.
# Exit codes: 0 written and verified, 1 pg_dump or the check failed, 2 bad settings. Never prints the password.
set -euo pipefail
source "$(dirname "$0")/lib/pg-connection.sh"

output_dir="${1:-${BACKUP_DIR:-./backups}}"
pg_connection_from_environment
pg_find_tools
if [ -n "${BACKUP_KEEP:-}" ] && ! [[ "$BACKUP_KEEP" =~ ^[1-9][0-9]*$ ]]; then
  pg_fail "BACKUP_KEEP='$BACKUP_KEEP' is not a whole number of backups to keep (1 or more)"
fi
mkdir -p "$output_dir" || pg_fail "cannot create the output folder '$output_dir'"

has_history=$(pg_scalar "SELECT to_regclass('public.\"VersionInfo\"') IS NOT NULL")
[ "$has_history" = "t" ] || pg_fail "$(pg_describe) has no VersionInfo table: not an AiSales database, or never migrated"
version=$(pg_scalar 'SELECT coalesce(max("Version"), 0) FROM "VersionInfo"')

name="aisales-$(echo "$PGDATABASE" | tr -c 'A-Za-z0-9_-' '_' | sed 's/_*$//')"
file="$output_dir/$name-v$version-$(date -u +%Y%m%dT%H%M%SZ).dump"
partial="$file.partial"
trap 'rm -f "$partial"' EXIT

echo "backup.sh: dumping $(pg_describe) at schema version $version"
started=$(date +%s)
# A half-written dump never carries the final name: it is written aside, checked, then renamed.
"$PG_DUMP" --format=custom --compress=6 --no-password --file="$partial" \
  || { echo "backup.sh: pg_dump failed for $(pg_describe)" >&2; exit 1; }
"$PG_RESTORE" --list "$partial" >/dev/null \
  || { echo "backup.sh: the dump cannot be read back by pg_restore; not kept" >&2; exit 1; }
mv "$partial" "$file"
echo "backup.sh: wrote $file ($(du -h "$file" | cut -f1), $(( $(date +%s) - started )) s)"

if [ -n "${BACKUP_KEEP:-}" ]; then
  ls -1t "$output_dir/$name"-v*.dump | tail -n +$((BACKUP_KEEP + 1)) | while read -r old; do
    rm -f -- "$old" && echo "backup.sh: removed old backup $old"
  done
fi

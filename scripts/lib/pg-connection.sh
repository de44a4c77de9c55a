# Sourced by backup.sh and restore.sh: turns the operator's connection settings into libpq's environment and finds
# the PostgreSQL client tools. Never prints the password.
#
# Settings, in this order:
#   ConnectionStrings__aisalesdb   the services' own connection string (Npgsql form: Host=…;Port=…;Database=…;
#                                  Username=…;Password=…;SSL Mode=…), when set it wins;
#   PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD (or ~/.pgpass), PGSSLMODE   libpq's own variables otherwise.
#   PG_BIN                         folder of pg_dump/pg_restore/psql (default: the newest /usr/lib/postgresql/*/bin,
#                                  else PATH).

pg_fail() {
  echo "$(basename "$0"): $*" >&2
  exit 2
}

# Npgsql's keywords → libpq variables. Values containing ';' or quotes are not supported: use the PG* variables then.
pg_from_connection_string() {
  local pair key value
  local IFS=';'
  for pair in $1; do
    [ -z "${pair// /}" ] && continue
    [[ "$pair" == *=* ]] || pg_fail "ConnectionStrings__aisalesdb: '${pair%%=*}' is not a key=value pair"
    key=$(echo "${pair%%=*}" | tr '[:upper:]' '[:lower:]' | tr -d ' ')
    value="${pair#*=}"
    value="${value#"${value%%[![:space:]]*}"}"
    value="${value%"${value##*[![:space:]]}"}"
    case "$key" in
      host|server) export PGHOST="$value" ;;
      port) export PGPORT="$value" ;;
      database|db) export PGDATABASE="$value" ;;
      username|userid|user|uid) export PGUSER="$value" ;;
      password|pwd) export PGPASSWORD="$value" ;;
      sslmode)
        # Npgsql's Require/VerifyCA/VerifyFull/Prefer/Disable → libpq's require/verify-ca/verify-full/prefer/disable.
        case "$(echo "$value" | tr '[:upper:]' '[:lower:]')" in
          verifyca|verify-ca) export PGSSLMODE=verify-ca ;;
          verifyfull|verify-full) export PGSSLMODE=verify-full ;;
          *) export PGSSLMODE="$(echo "$value" | tr '[:upper:]' '[:lower:]')" ;;
        esac ;;
      *) ;; # pool, timeout and Npgsql-only settings mean nothing to pg_dump
    esac
  done
}

pg_connection_from_environment() {
  if [ -n "${ConnectionStrings__aisalesdb:-}" ]; then
    pg_from_connection_string "$ConnectionStrings__aisalesdb"
    PG_SETTINGS_SOURCE="ConnectionStrings__aisalesdb"
  else
    PG_SETTINGS_SOURCE="PGHOST/PGPORT/PGDATABASE/PGUSER"
  fi

  [ -n "${PGHOST:-}" ] || pg_fail "no database host: set ConnectionStrings__aisalesdb (Host=…) or PGHOST"
  [ -n "${PGDATABASE:-}" ] || pg_fail "no database name: set ConnectionStrings__aisalesdb (Database=…) or PGDATABASE"
  [ -n "${PGUSER:-}" ] || pg_fail "no database user: set ConnectionStrings__aisalesdb (Username=…) or PGUSER"
  if [ -n "${PGPORT:-}" ] && ! [[ "$PGPORT" =~ ^[0-9]{1,5}$ ]]; then
    pg_fail "the database port '$PGPORT' is not a number (from $PG_SETTINGS_SOURCE)"
  fi
  export PGPORT="${PGPORT:-5432}"
  export PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-10}"
  # The application name shows the job in pg_stat_activity; never the password.
  export PGAPPNAME="aisales-$(basename "$0" .sh)"
}

# "user@host:port/database", for messages: no password.
pg_describe() {
  echo "$PGUSER@$PGHOST:$PGPORT/$PGDATABASE"
}

pg_tool() {
  if [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/$1" ]; then
    echo "$PG_BIN/$1"
  elif command -v "$1" >/dev/null; then
    command -v "$1"
  else
    return 1
  fi
}

pg_find_tools() {
  if [ -z "${PG_BIN:-}" ]; then
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  fi
  local missing="pg_fail 'not found: install the PostgreSQL client (apt-get install postgresql-client) or set PG_BIN to its folder'"
  PG_DUMP=$(pg_tool pg_dump) || eval "$missing"
  PG_RESTORE=$(pg_tool pg_restore) || eval "$missing"
  PG_PSQL=$(pg_tool psql) || eval "$missing"
}

# Runs one query, prints its single value; a connection failure stops the script naming the target (not the password).
pg_scalar() {
  local output
  if ! output=$("$PG_PSQL" -X -w -A -t -v ON_ERROR_STOP=1 -c "$1" 2>&1); then
    pg_fail "cannot query $(pg_describe) (settings from $PG_SETTINGS_SOURCE): $(echo "$output" | head -3)"
  fi
  echo "$output"
}

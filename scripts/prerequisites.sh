#!/usr/bin/env bash
# Makes sure the machine can run AiSales locally without a container engine: PostgreSQL (with pg_trgm)
# and Redis server binaries, which the AppHost starts as local executables. Installs them with apt when
# they are missing (as root, or through sudo); otherwise says exactly what to install.
set -euo pipefail

need=()
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  need+=(postgresql postgresql-contrib)
elif ! ls /usr/share/postgresql/*/extension/pg_trgm.control >/dev/null 2>&1; then
  need+=(postgresql-contrib)
fi
command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || need+=(redis-server)
# Extra packages a caller asks for (the browser tests add chromium and fonts).
for pkg in "$@"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done

if ! command -v dotnet >/dev/null 2>&1; then
  echo "prerequisites: the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH." >&2
  exit 1
fi

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi

echo "prerequisites: installing ${need[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  apt_get=(apt-get)
elif command -v sudo >/dev/null 2>&1; then
  apt_get=(sudo apt-get)
else
  echo "prerequisites: missing ${need[*]}; install them with your package manager (e.g. apt-get install -y ${need[*]}) and run again." >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "prerequisites: missing ${need[*]} and no apt-get here; install them with your package manager and run again." >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
"${apt_get[@]}" update -qq
"${apt_get[@]}" install -y -qq --no-install-recommends "${need[@]}" >/dev/null
# The Debian package starts its own servers; the AppHost runs private ones, so stop those to free resources.
if [ "$(id -u)" -eq 0 ]; then
  (service redis-server stop || true) >/dev/null 2>&1
  (service postgresql stop || true) >/dev/null 2>&1
fi
echo "prerequisites: installed ${need[*]}" >&2

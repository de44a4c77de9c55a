#!/usr/bin/env bash
# Runs the whole platform locally: PostgreSQL, Redis, the migrator, the API and the agent, with the
# Aspire dashboard at http://localhost:15080. Ctrl+C stops everything and removes the local data.
set -euo pipefail
cd "$(dirname "$0")"
scripts/prerequisites.sh
exec dotnet run --project AiSales.AppHost --launch-profile http -- "$@"

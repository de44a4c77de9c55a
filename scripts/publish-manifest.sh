#!/usr/bin/env bash
# Writes the deployment manifest that azd consumes (secrets as parameters without values; PostgreSQL and Redis as trial
# containers, or with Deployment__DataStores=external as connection-string parameters) to out/aspire-manifest.json,
# or to the path given, with the migrations job's module beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
output="${1:-out/aspire-manifest.json}"
mkdir -p "$(dirname "$output")"
dotnet run --project AiSales.AppHost --launch-profile http -- --publisher manifest --output-path "$PWD/$output"
echo "manifest written to $output"

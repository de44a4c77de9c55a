#!/usr/bin/env bash
# Writes the deployment manifest that azd consumes (containers for PostgreSQL and Redis, secrets as
# parameters without values) to out/aspire-manifest.json, or to the path given.
set -euo pipefail
cd "$(dirname "$0")/.."
output="${1:-out/aspire-manifest.json}"
mkdir -p "$(dirname "$output")"
dotnet run --project AiSales.AppHost --launch-profile http -- --publisher manifest --output-path "$PWD/$output"
echo "manifest written to $output"

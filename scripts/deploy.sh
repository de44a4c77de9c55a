#!/usr/bin/env bash
# One deploy to Azure Container Apps in the order that keeps new revisions off an old schema (docs/deployment.md):
# provision, give the migrations job its new image, run it once and wait for it, then deploy the services.
# Needs azd and az, both logged in, and an azd environment (azd env new / azd env select).
set -euo pipefail
cd "$(dirname "$0")/.."
timeout_seconds="${MIGRATION_TIMEOUT_SECONDS:-1800}"

azd provision --no-prompt
azd deploy migrations --no-prompt
group=$(azd env get-value AZURE_RESOURCE_GROUP)

execution=$(az containerapp job start --name migrations --resource-group "$group" --query name --output tsv)
echo "deploy: migrations execution $execution started"
deadline=$(( $(date +%s) + timeout_seconds ))
while :; do
  status=$(az containerapp job execution show --name migrations --resource-group "$group" \
    --job-execution-name "$execution" --query properties.status --output tsv)
  case "$status" in
    Succeeded) echo "deploy: migrations succeeded"; break ;;
    Failed|Stopped|Degraded)
      echo "deploy: migrations $status; the services were not deployed (the old revisions keep serving)." >&2
      echo "deploy: logs: az containerapp job logs show --name migrations --resource-group $group --execution $execution --container migrations" >&2
      exit 1 ;;
  esac
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "deploy: migrations still $status after ${timeout_seconds}s; stopping here." >&2
    exit 1
  fi
  sleep 10
done

azd deploy --all --no-prompt

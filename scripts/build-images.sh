#!/usr/bin/env bash
# Builds the deployable images without a Docker engine: `dotnet publish -t:PublishContainer` writes each service,
# published self-contained for linux-x64 (so the base needs no .NET runtime), as an OCI image archive at
# out/images/<service>.tar, on top of the Debian base from scripts/build-base-image.sh, running as the non-root user
# `app` (1654). The SDK reads a base image only from a registry, so the base is served for the duration of the build
# by Debian's docker-registry on 127.0.0.1, fed with skopeo; nothing is pulled from or pushed to anywhere else.
#   scripts/build-images.sh                 # api ai-agent migrations web
#   scripts/build-images.sh migrations      # just one
# IMAGE_TAG (default: the commit's short hash) names the tag; OUT (default out/images) the folder; BASE (default
# $OUT/base) the base image's OCI layout, built once and reused while its package list is unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${OUT:-out/images}")"
base_layout="$(realpath -m "${BASE:-$out/base}")"
tag="${IMAGE_TAG:-$(git rev-parse --short HEAD 2>/dev/null || echo latest)}"
services=("$@")
[ ${#services[@]} -gt 0 ] || services=(api ai-agent migrations web)

project_of() {
  case "$1" in
    api) echo AiSales.Api ;;
    ai-agent) echo AiSales.AiAgent ;;
    migrations) echo AiSales.MigrationService ;;
    web) echo AiSales.Web ;;
    *) echo "build-images: unknown service '$1' (api, ai-agent, migrations, web)" >&2; return 1 ;;
  esac
}
for service in "${services[@]}"; do project_of "$service" >/dev/null; done

scripts/prerequisites.sh mmdebstrap umoci skopeo docker-registry >/dev/null
scripts/build-base-image.sh "$base_layout"

# A throw-away registry on a free loopback port, stopped on exit.
work=$(mktemp -d /tmp/aisales-images-XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$work/registry.yml" <<YAML
version: 0.1
storage: { filesystem: { rootdirectory: $work/registry } }
http: { addr: 127.0.0.1:$port }
log: { level: error }
YAML
docker-registry serve "$work/registry.yml" > "$work/registry.log" 2>&1 &
registry_pid=$!
trap 'kill "$registry_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -fsS "http://127.0.0.1:$port/v2/" >/dev/null 2>&1 && break; sleep 0.2; done
base="127.0.0.1:$port/aisales-base:bookworm"
skopeo copy --quiet --dest-tls-verify=false "oci:$base_layout:bookworm" "docker://$base"
export DOTNET_CONTAINER_INSECURE_REGISTRIES="127.0.0.1:$port"

mkdir -p "$out"
for service in "${services[@]}"; do
  project=$(project_of "$service")
  started=$(date +%s)
  # --artifacts-path keeps the linux-x64 build apart from the everyday bin/ and obj/ folders.
  nice -n 19 dotnet publish "$project" -c Release -r linux-x64 --self-contained --nologo -v quiet \
    --artifacts-path "$work/artifacts" \
    -t:PublishContainer \
    -p:ContainerBaseImage="$base" \
    -p:ContainerRepository="aisales/$service" \
    -p:ContainerImageTag="$tag" \
    -p:ContainerUser=1654 \
    -p:ContainerArchiveOutputPath="$out/$service.tar"
  echo "build-images: $out/$service.tar ($(du -h "$out/$service.tar" | cut -f1), $(( $(date +%s) - started )) s)"
done

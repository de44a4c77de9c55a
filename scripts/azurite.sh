#!/usr/bin/env bash
# Installs Azurite (Microsoft's Azure Storage emulator, from npm) into .tools/azurite for the Azure Blob backend's test
# (docs/media.md). No Docker: the test starts azurite-blob as a local process. Needs node and npm; without them, or
# offline, it says so and the test is skipped with that reason.
set -euo pipefail
cd "$(dirname "$0")/.."
version=3.37.0
target=.tools/azurite
if [ -x "$target/node_modules/.bin/azurite-blob" ] && grep -q "\"version\": \"$version\"" "$target/node_modules/azurite/package.json" 2>/dev/null; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "azurite: npm is not installed; the Azure Blob backend's test is skipped (apt-get install npm)." >&2
  exit 1
fi
mkdir -p "$target"
npm install --prefix "$target" --no-audit --no-fund --loglevel=error "azurite@$version" >/dev/null
echo "azurite: installed $version in $target" >&2

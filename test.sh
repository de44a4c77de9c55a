#!/usr/bin/env bash
# Runs every test against the real platform (the AppHost starts PostgreSQL and Redis as local
# executables), then prints one closing line "N passed, N failed, N skipped" and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
# Browser tests drive Debian's Chromium (Playwright never downloads a browser here); Noto has the Arabic glyphs.
# The image test builds the migrator's OCI image (scripts/build-images.sh: a Debian base by mmdebstrap, which needs
# root) and starts its entrypoint; elsewhere it is skipped. AISALES_IMAGE_TESTS=0 skips it, =1 insists on it.
packages=(chromium fonts-noto-core)
if [ -z "${AISALES_IMAGE_TESTS:-}" ]; then
  if [ "$(id -u)" -eq 0 ]; then export AISALES_IMAGE_TESTS=1; else export AISALES_IMAGE_TESTS=0; fi
fi
[ "$AISALES_IMAGE_TESTS" = 1 ] && packages+=(mmdebstrap umoci skopeo docker-registry)
scripts/prerequisites.sh "${packages[@]}" || exit 1
# The Azure Blob backend's test runs against Azurite from npm (a local process); without it that test is skipped.
scripts/azurite.sh || echo "test.sh: Azurite could not be installed; the Azure Blob backend's test will be skipped." >&2

results="$PWD/TestResults"
rm -rf "$results"
export AISALES_TEST_INFRASTRUCTURE="${AISALES_TEST_INFRASTRUCTURE:-executables}"
dotnet test AiSales.sln -c Release \
  --logger "trx;LogFilePrefix=results" \
  --logger "console;verbosity=normal" \
  --blame-hang-timeout 10m \
  --results-directory "$results" "$@"
status=$?

passed=0 failed=0 skipped=0 files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$(value total); executed=$(value executed)
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + total - executed))
done

if [ "$files" -eq 0 ]; then
  echo "test.sh: no test results were written (the build or the test host failed)." >&2
  echo "0 passed, 1 failed"
  exit 1
fi
if [ "$failed" -ne 0 ]; then
  # The failures' names and first message lines last, next to the count, where a CI log's tail shows them.
  echo "Failed tests:"
  for trx in "$results"/*.trx; do
    [ -f "$trx" ] && scripts/trx-failures.sh "$trx"
  done
fi
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi

#!/usr/bin/env bash
# Measures the images from scripts/build-images.sh without a container engine (root only): each archive's layers are
# unpacked into a root file system and its entrypoint run there as the image's user (uid 1654) in a private mount and
# PID namespace, against a throw-away PostgreSQL on 127.0.0.1. Prints size and start-up time per image:
#   migrations: from start to exit 0 on an empty database (every migration applied);
#   api, ai-agent, web: from start to GET /alive = 200, then to GET /health = 200 (api, ai-agent: schema checked).
set -euo pipefail
cd "$(dirname "$0")/.."
images="${OUT:-out/images}"
[ "$(id -u)" -eq 0 ] || { echo "image-start-times: needs root (unshare, chroot)" >&2; exit 1; }
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
work=$(mktemp -d /tmp/aisales-start-XXXXXX)
chmod 755 "$work"
pids=()
pgpid=
stop() { # unshare ignores TERM and its --kill-child does not survive chroot's change of user: stop the app under it
  kill $(cat "/proc/$1/task/$1/children" 2>/dev/null) 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
cleanup() {
  for p in "${pids[@]}"; do stop "$p"; done
  [ -z "$pgpid" ] || { kill -INT "$pgpid" 2>/dev/null || true; wait "$pgpid" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

pgport=$(free_port)
install -d -o postgres "$work/pg"
setpriv --reuid=postgres --regid=postgres --init-groups -- "$pgbin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 >/dev/null
setpriv --reuid=postgres --regid=postgres --init-groups -- "$pgbin/postgres" -D "$work/pg" -k "$work/pg" \
  -c listen_addresses=127.0.0.1 -p "$pgport" >"$work/pg.log" 2>&1 &
pgpid=$!
for _ in $(seq 50); do "$pgbin/pg_isready" -q -h 127.0.0.1 -p "$pgport" && break; sleep 0.2; done
"$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U postgres aisalesdb
db="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=aisalesdb"

unpack() { # archive -> rootfs dir
  local archive=$1 root=$2; mkdir -p "$root/x"; tar -xf "$archive" -C "$root/x"
  python3 - "$root/x" "$root.entry" <<'PY' | while read -r layer; do tar -xzf "$root/x/blobs/sha256/$layer" -C "$root"; done
import json, sys; d = sys.argv[1]
m = json.load(open(f"{d}/blobs/sha256/" + json.load(open(f"{d}/index.json"))["manifests"][0]["digest"].split(":")[1]))
config = json.load(open(f"{d}/blobs/sha256/" + m["config"]["digest"].split(":")[1]))
open(sys.argv[2], "w").write(config["config"]["Entrypoint"][0])
for layer in m["layers"]: print(layer["digest"].split(":")[1])
PY
  rm -rf "$root/x"
}
run_in() { # rootfs entrypoint env...; exec, so that a background run's $! is unshare
  local root=$1 entry=$2; shift 2
  exec env -i "$@" /usr/bin/unshare --mount --pid --fork --mount-proc="$root/proc" /usr/sbin/chroot --userspec=1654:1654 "$root" "$entry"
}
now() { date +%s.%N; }
wait_http() { # url pid: until 200, while the process lives (at most 60 s)
  local url=$1 pid=$2 deadline=$(( $(date +%s) + 60 ))
  while kill -0 "$pid" 2>/dev/null && [ "$(date +%s)" -lt "$deadline" ]; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ] && return 0; sleep 0.05
  done
  return 1
}

common=("Sentry__Dsn=" "ENCRYPTION_KEY_HEX=$(printf '%064d' 0 | tr 0 a)" "Meta__AppSecret=bench" "Meta__VerifyToken=bench"
  "Admin__ApiKey=bench-admin" "ConnectionStrings__aisalesdb=$db" "DOTNET_ENVIRONMENT=Production" "Api__BaseUrl=http://127.0.0.1:1")
for service in migrations api ai-agent web; do
  archive="$images/$service.tar"; [ -f "$archive" ] || { echo "$service: no $archive"; continue; }
  root="$work/$service"; unpack "$archive" "$root"
  entry=$(cat "$root.entry")
  size="archive $(du -h "$archive" | cut -f1), unpacked $(du -sh --exclude=proc "$root" | cut -f1)"
  if [ "$service" = migrations ]; then
    start=$(now); code=0; (run_in "$root" "$entry" "${common[@]}") >"$work/$service.log" 2>&1 || code=$?
    printf '%-10s %s; exit %s after %.2f s\n' "$service" "$size" "$code" "$(echo "$(now) - $start" | bc)"
    continue
  fi
  port=$(free_port); start=$(now)
  run_in "$root" "$entry" "${common[@]}" "HTTP_PORTS=$port" >"$work/$service.log" 2>&1 &
  pid=$!; pids+=("$pid")
  wait_http "http://127.0.0.1:$port/alive" "$pid" && alive=$(echo "$(now) - $start" | bc) || alive=never
  wait_http "http://127.0.0.1:$port/health" "$pid" && health=$(echo "$(now) - $start" | bc) || health=never
  printf '%-10s %s; /alive after %s s, /health after %s s\n' "$service" "$size" "${alive:0:5}" "${health:0:5}"
  [ "$health" != never ] || tail -5 "$work/$service.log"
  stop "$pid"
done

#!/usr/bin/env bash
# Builds the base image every AiSales image starts from, from Debian's own packages (no registry needed): a minimal
# bookworm root file system (mmdebstrap) with what a self-contained .NET app needs (libc, libstdc++, OpenSSL, ICU for
# Arabic and other cultures, zlib, CA certificates for TLS to managed databases, tzdata) and a non-root user `app`
# (uid/gid 1654, as in Microsoft's .NET images), written as an OCI image layout (umoci) at out/images/base.
# Reused while the package list below is unchanged; delete out/images/base to rebuild.
set -euo pipefail
cd "$(dirname "$0")/.."
layout="${1:-out/images/base}"
packages="ca-certificates,libssl3,libicu72,libstdc++6,libgcc-s1,tzdata,zlib1g"
suite="bookworm"
stamp="$suite $packages uid=1654"

if [ -f "$layout/index.json" ] && [ "$(cat "$layout/.aisales-stamp" 2>/dev/null)" = "$stamp" ]; then
  echo "build-base-image: reusing $layout"
  exit 0
fi

scripts/prerequisites.sh mmdebstrap umoci >/dev/null
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
work=$(mktemp -d /tmp/aisales-base-XXXXXX)
trap 'rm -rf "$work"' EXIT

# essential = the Debian essential set (dpkg, coreutils, bash…) without apt; docs, man pages and locales left out.
# dpkg skips its fsyncs (force-unsafe-io): the tree is packed into a tar right after, nothing needs them to survive.
nice -n 19 mmdebstrap --quiet --mode=root --variant=essential --include="$packages" --dpkgopt=force-unsafe-io \
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/info/*' \
  --customize-hook='echo "app:x:1654:1654:app:/app:/usr/sbin/nologin" >> "$1/etc/passwd"' \
  --customize-hook='echo "app:x:1654:" >> "$1/etc/group"' \
  --customize-hook='mkdir -p "$1/app" && chown 1654:1654 "$1/app"' \
  --customize-hook='rm -rf "$1"/var/cache/apt/* "$1"/var/lib/apt/lists/* "$1"/var/log/*' \
  "$suite" "$work/rootfs.tar" "$mirror"

rm -rf "$layout"
mkdir -p "$(dirname "$layout")"
umoci init --layout "$layout"
umoci new --image "$layout:$suite"
umoci raw add-layer --image "$layout:$suite" "$work/rootfs.tar"
umoci config --image "$layout:$suite" --os linux --architecture amd64 \
  --config.user 1654:1654 --config.workingdir /app \
  --config.env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
umoci gc --layout "$layout"
echo "$stamp" > "$layout/.aisales-stamp"
echo "build-base-image: $layout ($(du -sh "$layout" | cut -f1))"

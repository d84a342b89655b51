#!/usr/bin/env bash
# Installs what OpenTRM needs to build, run and test, only where it is missing:
# Debian packages (as root, with apt-get) and the web app's npm packages.
# Usage: scripts/install-deps.sh [--test] [--bench]
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
want_bench=0
for arg in "$@"; do
  case "$arg" in
    --test) want_test=1 ;;
    --bench) want_bench=1 ;;
  esac
done

packages=(build-essential cmake pkg-config libboost-dev libsqlite3-dev sqlite3 libpq-dev
          libsodium-dev libicu-dev nlohmann-json3-dev libcli11-dev libgtest-dev libgmock-dev)
[ "$want_test" = 1 ] && packages+=(postgresql-15 chromium)
[ "$want_bench" = 1 ] && packages+=(libbenchmark-dev wrk nginx-light)
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "missing Debian packages: ${missing[*]} (run as root, or install them)" >&2
    exit 1
  fi
  echo "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages, installed from the lock files when they changed.
npm_install() {
  local dir="$1"
  [ -f "$dir/package.json" ] || return 0
  local stamp="$dir/node_modules/.installed-from-lock"
  if [ ! -f "$stamp" ] || [ "$dir/package-lock.json" -nt "$stamp" ]; then
    echo "installing npm packages in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    touch "$stamp"
  fi
}
npm_install web
if [ "$want_test" = 1 ]; then
  npm_install tests/e2e
  npm_install tests/api
fi

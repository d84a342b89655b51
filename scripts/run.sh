#!/usr/bin/env bash
# `make run`: set everything up, create var/ with the demo network on first
# start, and serve on http://127.0.0.1:8080 (PORT=... to change).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target trm
(cd web && npm run build --silent)
if [ ! -f var/trm.db ]; then
  build/trm demo --data var
else
  build/trm demo --data var | tail -n +2
fi
exec build/trm serve --data var --port "${PORT:-8080}" --web web/dist

#!/usr/bin/env bash
# Run every test on a fresh machine: Debian's chromium, the pinned Python and npm packages, lint, validate, pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
source scripts/setup_venv.sh requirements-dev.txt
if [ ! -f node_modules/axe-core/axe.min.js ] || ! cmp -s package-lock.json node_modules/.package-lock.json; then
  npm ci --silent --no-audit --no-fund
fi
.venv/bin/ruff check scripts tests
.venv/bin/python -m scripts.validate
exec .venv/bin/python -m pytest "$@"

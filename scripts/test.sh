#!/usr/bin/env bash
# Run every test on a fresh machine: Debian's chromium, the pinned Python and npm packages, lint, validate, pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
source scripts/setup_venv.sh requirements-dev.txt
source scripts/setup_npm.sh
.venv/bin/ruff check scripts tests
.venv/bin/python -m scripts.validate
# One worker per core (pytest-xdist); a test file stays on one worker, so module fixtures are made once.
exec .venv/bin/python -m pytest -n auto --dist loadfile "$@"

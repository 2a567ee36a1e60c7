#!/usr/bin/env bash
# Serve the site on http://127.0.0.1:8000/ with live reload (drafts included), setting up .venv first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup_venv.sh requirements.txt
# --dirty: after an edit only the pages whose inputs changed are rebuilt (scripts/build/incremental.py).
exec .venv/bin/mkdocs serve --dirty --dev-addr "${KB_ADDR:-127.0.0.1:8000}" "$@"

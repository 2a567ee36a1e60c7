#!/usr/bin/env bash
# Serve the site on http://127.0.0.1:8000/ with live reload (drafts included), setting up .venv first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup_venv.sh requirements.txt
exec .venv/bin/mkdocs serve --dev-addr "${KB_ADDR:-127.0.0.1:8000}" "$@"

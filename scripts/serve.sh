#!/usr/bin/env bash
# Serve the site on http://127.0.0.1:8000/ with live reload (drafts included), setting up .venv first.
# KB_EDITOR=1 also starts the web editor's local backend (python -m scripts.editor.proxy, 127.0.0.1 only):
# the editor at http://127.0.0.1:8000/admin/ then saves into this repository's fiches/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup_venv.sh requirements.txt
source scripts/setup_npm.sh
# --dirty: after an edit only the pages whose inputs changed are rebuilt (scripts/site/incremental.py).
if [ "${KB_EDITOR:-0}" != "0" ]; then
  .venv/bin/python -m scripts.editor.proxy --port "${KB_EDITOR_PORT:-8081}" &
  proxy=$!
  trap 'kill "$proxy" 2>/dev/null || true' EXIT INT TERM
  .venv/bin/mkdocs serve --dirty --dev-addr "${KB_ADDR:-127.0.0.1:8000}" "$@"
else
  exec .venv/bin/mkdocs serve --dirty --dev-addr "${KB_ADDR:-127.0.0.1:8000}" "$@"
fi

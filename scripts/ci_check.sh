#!/usr/bin/env bash
# What CI runs. With BASE (the target branch of a pull/merge request): a request that changes only fiches/
# (and raster images) runs what a fiche can break, `scripts/test.sh -m fiche` (lint, validation, the strict
# build, links, typography, the changed fiches' pages in every language with axe, open data); any other
# request runs the whole suite. Without BASE (publishing after the merge): the request already ran the tests,
# so only the pinned packages (Python, and npm: Pagefind and the editor's bundle) and validation; the caller then
# builds the site once.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then
  source scripts/setup_venv.sh requirements.txt
  source scripts/setup_npm.sh
  exec .venv/bin/python -m scripts.validate
fi
read -r kind ids <<<"$(python3 -m scripts.ci_scope "$1")" || true
if [ "$kind" = fiches ]; then
  echo "Only fiches changed (${ids:-none left}): running the checks a fiche can break."
  KB_CHANGED_FICHES="${ids:-}" exec bash scripts/test.sh -m fiche
fi
echo "Code, pages or configuration changed: running every test."
exec bash scripts/test.sh

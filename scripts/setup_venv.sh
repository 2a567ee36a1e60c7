# Sourced by serve.sh and test.sh: create .venv, install the pinned requirements and the site itself (the MkDocs
# plugin `kennisbank`, pyproject.toml, editable: this checkout is what runs) when any of them changed.
REQ="$1"
PY="${PYTHON:-python3}"
if [ -L .venv ]; then
  # a .venv linked from another checkout (the CI-template tests' clones, worktrees) is set up there: installing
  # from here would point its `kennisbank` at this folder
  return 0
fi
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=".venv/.installed-$(cat requirements*.txt pyproject.toml | sha256sum | cut -c1-16)-$(basename "$REQ")"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$REQ"
  # build isolation fetches the pinned setuptools (pyproject.toml's build-system) from the package registry
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
  touch "$stamp"
fi

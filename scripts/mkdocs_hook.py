"""The file mkdocs.yml registers under `hooks:`; the hook itself is `scripts.site.hook`.

MkDocs loads a hook by file path and puts only this file's folder on sys.path while
doing so, so the `scripts` package is imported from its own location when the
repository root is not importable (`mkdocs` started from its console script).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

if "scripts" not in sys.modules:
    _package = Path(__file__).resolve().parent
    _spec = importlib.util.spec_from_file_location("scripts", _package / "__init__.py",
                                                   submodule_search_locations=[str(_package)])
    sys.modules["scripts"] = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(sys.modules["scripts"])

from scripts.site.hook import (  # noqa: E402, F401  (MkDocs looks the on_* events up on this module)
    on_env,
    on_files,
    on_nav,
    on_page_content,
    on_page_markdown,
    on_post_build,
    on_post_page,
    on_post_template,
    on_serve,
    on_startup,
)

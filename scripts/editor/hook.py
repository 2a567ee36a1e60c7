"""MkDocs hook: the web editor at /admin/ (Decap CMS), built with the site.

Registered in mkdocs.yml next to mkdocs_hook.py. After the build it writes admin/config.yml
from the schema (cms_config.py), the admin page and script (scripts/editor/admin/), and copies
the pinned Decap bundle from node_modules, so the editor is served from the site itself:
no CDN. The git host comes from KB_CMS_* variables (ci-template/ sets them); without them the
editor talks to the local proxy only (scripts/editor/proxy.py, `KB_EDITOR=1 bash scripts/serve.sh`).
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import shutil
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

if "scripts" not in sys.modules:  # loaded by file path, like mkdocs_hook.py
    _package = Path(__file__).resolve().parents[1]
    _spec = importlib.util.spec_from_file_location("scripts", _package / "__init__.py",
                                                   submodule_search_locations=[str(_package)])
    sys.modules["scripts"] = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(sys.modules["scripts"])

from scripts.editor import config as cms_config  # noqa: E402

log = logging.getLogger("mkdocs.plugin")

ROOT = Path(__file__).resolve().parents[2]
ADMIN_SRC = Path(__file__).resolve().parent / "admin"
BUNDLE_DIR = ROOT / "node_modules" / "decap-cms" / "dist"
BUNDLE = "decap-cms.js"
PROXY_PORT_ENV = "KB_EDITOR_PORT"


def backend_from_env(env=os.environ) -> dict | None:
    """The git host of the deployment: gitlab (PKCE, self-hosted) or github, from KB_CMS_* variables."""
    name = env.get("KB_CMS_BACKEND", "").strip()
    if not name:
        return None
    if name not in ("gitlab", "github"):
        raise ValueError(f"KB_CMS_BACKEND={name!r}: use gitlab or github")
    backend = {"name": name, "repo": env.get("KB_CMS_REPO", ""), "branch": env.get("KB_CMS_BRANCH") or "main",
               "squash_merges": True,
               "commit_messages": {"create": "Nieuwe fiche / nouvelle fiche: {{slug}}",
                                   "update": "Fiche bijgewerkt / fiche mise à jour: {{slug}}",
                                   "delete": "Fiche verwijderd / fiche supprimée: {{slug}}",
                                   "uploadMedia": "Upload {{path}}", "deleteMedia": "Delete {{path}}"}}
    if not backend["repo"]:
        raise ValueError("KB_CMS_REPO is required (group/project or owner/repo)")
    for key, var in (("base_url", "KB_CMS_BASE_URL"), ("api_root", "KB_CMS_API_ROOT"),
                     ("app_id", "KB_CMS_APP_ID"), ("auth_endpoint", "KB_CMS_AUTH_ENDPOINT")):
        if env.get(var):
            backend[key] = env[var]
    if name == "gitlab":
        backend["auth_type"] = "pkce"  # no auth server: GitLab's own OAuth application with PKCE
        if "app_id" not in backend:
            raise ValueError("KB_CMS_APP_ID is required for GitLab PKCE (the OAuth application's id)")
    return backend


def bundle_files() -> list[Path]:
    """The Decap bundle and the chunks and wasm it loads lazily (no source maps)."""
    if not (BUNDLE_DIR / BUNDLE).is_file():
        return []
    return [BUNDLE_DIR / BUNDLE] + sorted(
        p for p in BUNDLE_DIR.iterdir() if p.name.endswith("." + BUNDLE) or p.suffix == ".wasm")


def write_admin(site_dir: Path, site_url: str = "") -> Path | None:
    files = bundle_files()
    if not files:
        log.info("web editor left out: node_modules/decap-cms is missing (run `npm ci`)")
        return None
    admin = site_dir / "admin"
    admin.mkdir(parents=True, exist_ok=True)
    for path in files:
        shutil.copyfile(path, admin / path.name)
    for path in sorted(ADMIN_SRC.iterdir()):
        shutil.copyfile(path, admin / path.name)
    config = cms_config.config(backend=backend_from_env(), site_url=site_url.rstrip("/"),
                               local_proxy_port=int(os.environ.get(PROXY_PORT_ENV, "8081")))
    # JSON is YAML: Decap reads config.yml, and kb-admin.js reads it whatever MIME type the server gives it.
    text = "# Generated from scripts/fiche/schema.py by scripts/editor/config.py at build time; do not edit.\n"
    text += json.dumps(config, ensure_ascii=False, indent=1) + "\n"
    (admin / "config.yml").write_text(text, encoding="utf-8")
    return admin


@event_priority(-1100)  # after mkdocs_hook.py's post-build (Pagefind): the editor is not indexed
def on_post_build(config) -> None:
    i18n = config.plugins.get("i18n")
    if i18n and i18n.building:  # static-i18n's nested build of another language
        return
    write_admin(Path(config.site_dir), config.site_url or "")

"""The web editor at /admin/ (Decap CMS), built with the site when the plugin's `editor` option is on.

After the build the plugin (scripts/site/plugin.py) writes admin/config.yml from the schema (editor/config.py),
the admin page and script (scripts/editor/admin/, package data), and copies the pinned Decap bundle from the
plugin's `decap_dir` (node_modules), so the editor is served from the site itself: no CDN. The git host comes
from KB_CMS_* variables (ci-template/ sets them), read when the editor is written; without them the editor talks
to the local proxy only (scripts/editor/proxy.py, `KB_EDITOR=1 bash scripts/serve.sh`).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from pathlib import Path

from scripts.editor import config as cms_config

log = logging.getLogger("mkdocs.plugin")

ADMIN_SRC = Path(__file__).resolve().parent / "admin"
BUNDLE = "decap-cms.js"


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


def bundle_files(bundle_dir: Path) -> list[Path]:
    """The Decap bundle and the chunks and wasm it loads lazily (no source maps)."""
    if not (bundle_dir / BUNDLE).is_file():
        return []
    return [bundle_dir / BUNDLE] + sorted(
        p for p in bundle_dir.iterdir() if p.name.endswith("." + BUNDLE) or p.suffix == ".wasm")


def write_admin(site_dir: Path, bundle_dir: Path, site_url: str = "", proxy_port: int = 8081) -> Path | None:
    files = bundle_files(bundle_dir)
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
                               local_proxy_port=proxy_port)
    # JSON is YAML: Decap reads config.yml, and kb-admin.js reads it whatever MIME type the server gives it.
    text = "# Generated from scripts/fiche/schema.py by scripts/editor/config.py at build time; do not edit.\n"
    text += json.dumps(config, ensure_ascii=False, indent=1) + "\n"
    (admin / "config.yml").write_text(text, encoding="utf-8")
    return admin

"""The publishing guide (docs/bijdragen/publiceren.*.md) says what the tools do: it quotes the validator's own
indentation message in the reader's language, and it describes an invalid fiche in the preview as
tests/test_serve.py proves it behaves (the preview keeps running and shows the errors on the errors page), while
only `mkdocs build` refuses it (tests/test_build.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT, cli_env

from scripts.fiche import schema as s
from scripts.site import preview_errors, urls

GUIDE = ROOT / "docs" / "bijdragen"
MINIMAL = (ROOT / "tests" / "fixtures" / "valid" / "minimal.yml").read_text(encoding="utf-8")


def page(lang: str) -> str:
    return (GUIDE / f"publiceren.{lang}.md").read_text(encoding="utf-8").replace("\u00a0", " ")


@pytest.mark.parametrize("lang", s.LANGS)
def test_the_guide_quotes_the_validators_indentation_message(tmp_path, lang):
    (tmp_path / "minimal.yml").write_text(MINIMAL.replace("  type: ocmw", "   type: ocmw"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "scripts.validate", "--lang", lang, str(tmp_path)], cwd=ROOT,
                            env=cli_env(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    message = result.stdout.split(": error: ", 1)[1].split("`", 1)[0].strip().replace("\u00a0", " ")
    assert message and message in page(lang), message


@pytest.mark.parametrize("lang", s.LANGS)
def test_the_guide_says_the_preview_keeps_running_and_where_the_errors_are(lang):
    errors_page = "/" + urls.url_for("page", preview_errors.ERRORS_PAGE.removesuffix(".md") + "/", lang)
    text = page(lang)
    assert f"`{errors_page}`" in text, errors_page
    assert "`mkdocs build`" in text
    for claim in ("dan stopt de build", "la génération s'arrête"):  # what the guide used to say, wrongly
        assert claim not in text

"""Ace by DAISY, the checker publishers run, finds nothing in our EPUBs.

Ace needs Node.js and Chromium, which the test suite does not install:
``make ace`` installs them (Debian's chromium, ``@daisy/ace`` into ``.ace/``)
and runs this file. Without them these tests skip; the package-level
``xml:lang`` Ace insists on is checked either way.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from compile_book import api
from tests.paths import ROOT, seed_path

ACE = ROOT / ".ace" / "node_modules" / ".bin" / "ace-puppeteer"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def test_opf_package_has_xml_lang(tmp_path: Path) -> None:
    out = api.build(ROOT, ["epub"], tmp_path / "b.epub").outputs["epub"]
    with zipfile.ZipFile(out) as z:
        opf = etree.fromstring(z.read("EPUB/content.opf"))
    assert opf.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"


def run_ace(epub: Path, report: Path) -> list[str]:
    env = {
        **os.environ,
        "PUPPETEER_SKIP_DOWNLOAD": "1",
        "PUPPETEER_EXECUTABLE_PATH": str(CHROMIUM),
    }
    subprocess.run(
        [str(ACE), "-s", "-f", "-o", str(report), str(epub)],
        env=env,
        capture_output=True,
        check=False,
        timeout=300,
    )
    data = json.loads((report / "report.json").read_text(encoding="utf-8"))
    return [
        f"{x['earl:test']['dct:title']} in {a['earl:testSubject']['url']}"
        for a in data["assertions"]
        for x in a.get("assertions", [])
    ]


#: Books from word processors: notes, figures, verse and quotations.
FIXTURES = {
    "docx": ROOT / "tests" / "fixtures" / "docx" / "libreoffice-styled.docx",
    "odt": ROOT / "tests" / "fixtures" / "odt" / "libreoffice-novel.odt",
}


@pytest.mark.slow
@pytest.mark.skipif(not ACE.exists() or CHROMIUM is None, reason="run `make ace` to install Ace")
@pytest.mark.parametrize("which", ["sample", "000", "001", "002", "003", "docx", "odt"])
def test_ace_finds_nothing(which: str, tmp_path: Path) -> None:
    source = ROOT if which == "sample" else FIXTURES.get(which) or seed_path(which)
    out = api.build(source, ["epub"], tmp_path / "book.epub").outputs["epub"]
    assert run_ace(out, tmp_path / "ace") == []

"""PDF as a person sees it: Word files converted by LibreOffice headless, read back per page.

One LibreOffice start converts every document of this module (start-up costs seconds): the
demo minutes, and the fixture's minutes grown note by note, so that the signature block
meets a page break in some of them. On every page: ``Halaman p dari n`` with the true count;
the attendance table's header on each page it runs over; the signature block (the roles, the
names and the NIPs) and the place and date above it on one page, whatever comes before.

In CI (``CI=true``) LibreOffice and pdftotext must be there (``.ci/run`` installs them);
elsewhere these tests skip, saying what to install.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import datetime

import pytest

from core.exports import render_word
from core.models import Bundle, Note, NoteKind
from data.demo import demo_bundle
from data.pdf import docx_to_pdfs
from tests.core import minutes_fixture as fixture

GROWTH = range(0, 48, 3)
"""How many extra three-line notes each fixture variant has: a page's worth in steps."""


def _need(program: str) -> None:
    if shutil.which(program):
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{program} is missing in CI: .ci/run installs libreoffice-writer and poppler-utils")
    pytest.skip(f"{program} is not installed (apt-get install libreoffice-writer poppler-utils)")


def _grown(notes: int) -> Bundle:
    bundle = fixture.bundle()
    text = "Peserta menyampaikan usulan yang cukup panjang sehingga memenuhi beberapa baris pada halaman " * 3
    extra = [Note(id=1000 + n, kind=NoteKind.DECISION, text=f"{n}. {text}", created_at=datetime(2024, 7, 3, 9, n % 60))
             for n in range(notes)]
    return bundle.model_copy(update={"notes": [*bundle.notes, *extra]})


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, list[str]]:
    """Each document's pages as text (pdftotext -layout), by name."""
    _need("soffice")
    _need("pdftotext")
    documents = {"demo": render_word(demo_bundle(), "minutes", "id")}
    documents |= {f"grown-{n}": render_word(_grown(n), "minutes", "id") for n in GROWTH}
    folder = tmp_path_factory.mktemp("pdf")
    result = {}
    for name, pdf in zip(documents, docx_to_pdfs(list(documents.values())), strict=True):
        path = folder / f"{name}.pdf"
        path.write_bytes(pdf)
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
        result[name] = text.split("\f")[:-1]
    return result


def test_every_page_is_numbered_with_the_true_count(pages: dict[str, list[str]]) -> None:
    for name, texts in pages.items():
        count = len(texts)
        for number, text in enumerate(texts, 1):
            assert f"Halaman {number} dari {count}" in text, (name, number)


def test_the_letterhead_heads_every_page(pages: dict[str, list[str]]) -> None:
    assert all(text.lstrip().startswith("PEMERINTAH KABUPATEN SERANG") for text in pages["demo"])


def test_the_attendance_header_repeats_on_every_page_it_runs_over(pages: dict[str, list[str]]) -> None:
    texts = pages["demo"]
    start = next(n for n, text in enumerate(texts) if "Lampiran: Daftar Hadir" in text)
    assert start < len(texts) - 1, "the demo's attendance list should run over more than one page"
    for text in texts[start:]:
        assert re.search(r"No\.\s+Nama\s+Jabatan", text), text[:400]


def _signature_pages(texts: list[str]) -> set[int]:
    """The pages holding any line of the signature block or the place and date above it."""
    markers = [r"Pimpinan rapat\s{2,}Notulis", r"NIP\. \S+\s{2,}NIP\. ", r"Kabupaten Serang, \d+ Juli 2024"]
    return {n for n, text in enumerate(texts) for marker in markers if re.search(marker, text)}


def test_the_signature_block_never_splits_across_pages(pages: dict[str, list[str]]) -> None:
    seen_pages = set()
    for name, texts in pages.items():
        found = _signature_pages(texts)
        assert len(found) == 1, (name, sorted(found))
        seen_pages |= found
    assert len(seen_pages) > 1, "the notes should push the signature block onto a later page"

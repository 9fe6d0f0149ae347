"""PDF from Word, by LibreOffice headless: the PDF is the Word document, page for page.

LibreOffice is the one converter that lays out a ``.docx`` as Word does (repeating header rows,
rows kept together, PAGE/NUMPAGES fields), so the PDF a regency files and the Word file it
edits never disagree. It is a system program (``apt-get install libreoffice-writer``), found
as ``soffice`` on the PATH or named by ``REMBUK_SOFFICE``. Each conversion gets a profile of
its own, so it neither meets a LibreOffice the user has open nor another conversion.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from data.errors import StoreError

CONVERT_TIMEOUT_SECONDS = 900
"""Longer than the stress workshop's minutes take on a loaded machine (over 3 minutes)."""


class PdfUnavailable(StoreError):
    """LibreOffice is not installed, so no PDF can be made."""

    key = "documents.error.no_libreoffice"


class PdfFailed(StoreError):
    """LibreOffice ran but made no PDF."""

    key = "documents.error.pdf_failed"


def soffice() -> str | None:
    """The LibreOffice program to run, or ``None`` when there is none."""
    named = os.environ.get("REMBUK_SOFFICE")
    return named if named else shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: bytes) -> bytes:
    """The PDF of the Word document ``docx``.

    Raises:
        PdfUnavailable: LibreOffice is not installed.
        PdfFailed: the conversion failed or took too long.
    """
    return docx_to_pdfs([docx])[0]


def docx_to_pdfs(documents: list[bytes]) -> list[bytes]:
    """The PDFs of several Word documents, converted by one LibreOffice start (seconds each)."""
    program = soffice()
    if program is None:
        raise PdfUnavailable()
    with tempfile.TemporaryDirectory(prefix="rembuk-pdf-") as work:
        folder = Path(work)
        sources = [folder / f"document-{n}.docx" for n in range(len(documents))]
        for source, data in zip(sources, documents, strict=True):
            source.write_bytes(data)
        _convert(program, folder, sources)
        return [source.with_suffix(".pdf").read_bytes() for source in sources]


def _convert(program: str, folder: Path, sources: list[Path]) -> None:
    """Run LibreOffice on ``sources``, with a profile of its own in ``folder``."""
    command = [program, "--headless", "--norestore", "--nologo",
               f"-env:UserInstallation={(folder / 'profile').as_uri()}",
               "--convert-to", "pdf", "--outdir", str(folder), *map(str, sources)]
    try:
        done = subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT_SECONDS,
                              stdin=subprocess.DEVNULL, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PdfFailed(detail=str(exc)) from exc
    if not all(source.with_suffix(".pdf").exists() for source in sources):
        raise PdfFailed(detail=done.stderr.decode(errors="replace").strip()[-200:])

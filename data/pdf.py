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

CONVERT_TIMEOUT_SECONDS = 180
"""Longer than the stress workshop's masterplan takes on a loaded machine."""


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
    program = soffice()
    if program is None:
        raise PdfUnavailable()
    with tempfile.TemporaryDirectory(prefix="rembuk-pdf-") as work:
        folder = Path(work)
        (folder / "document.docx").write_bytes(docx)
        command = [program, "--headless", "--norestore", "--nologo",
                   f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                   "--convert-to", "pdf", "--outdir", str(folder), str(folder / "document.docx")]
        try:
            done = subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT_SECONDS,
                                  stdin=subprocess.DEVNULL, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PdfFailed(detail=str(exc)) from exc
        pdf = folder / "document.pdf"
        if not pdf.exists():
            raise PdfFailed(detail=done.stderr.decode(errors="replace").strip()[-200:])
        return pdf.read_bytes()

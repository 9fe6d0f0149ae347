"""Exporting a workshop's documents to files: read the bundle, render, write safely.

An existing file is never replaced unless the caller says so (the CLI's ``--force``, the
preview's confirmation dialog); the check and the creation are one step (``open(..., "x")``),
so a file that appears in between is not overwritten either.

Word comes from a template (a ``.docx`` a regency can replace; the built-in one otherwise)
and PDF is that Word file converted by LibreOffice (:mod:`data.pdf`).

Exports hold what the workshop holds (names, notes, budgets), so like the workshop file they
are private to their owner (mode 0600) on a shared server: sharing one is a deliberate
``chmod``, as sharing the workshop is a deliberate ``--shared``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from core.exports import TEXT_FORMATS, render_document, render_word
from data.errors import StoreError
from data.store import WorkshopStore

PRIVATE = 0o600
"""The mode of an exported file: read and written by its owner only."""


def export_text(store: WorkshopStore, document: str, fmt: str, lang: str | None = None) -> str:
    """``document`` of the workshop in ``store`` as ``fmt``, in ``lang`` or the workshop's language."""
    bundle = store.bundle()
    return render_document(bundle, document, fmt, lang or bundle.workshop.language)


class BadTemplateFile(StoreError):
    """The Word template cannot be read as a ``.docx``."""

    key = "documents.error.bad_template"


def export_bytes(store: WorkshopStore, document: str, fmt: str, lang: str | None = None,
                 template: Path | None = None) -> bytes:
    """``document`` of the workshop in ``store`` as the bytes of a ``fmt`` file.

    Raises:
        BadTemplateFile: ``template`` is missing or not a ``.docx``.
        data.pdf.PdfUnavailable: a PDF was asked for and LibreOffice is not installed.
    """
    if fmt in TEXT_FORMATS:
        return export_text(store, document, fmt, lang).encode("utf-8")
    from data.pdf import docx_to_pdf

    bundle = store.bundle()
    word = render_word(bundle, document, lang or bundle.workshop.language, read_template(template))
    return docx_to_pdf(word) if fmt == "pdf" else word


def read_template(path: Path | None) -> bytes | None:
    """The template's bytes, checked to be a ``.docx`` python-docx can read (``None``: built-in)."""
    if path is None:
        return None
    from core.word import BadTemplate, open_template  # python-docx: only when Word is asked for

    try:
        template = path.read_bytes()
        open_template(template)
    except (OSError, BadTemplate) as exc:
        raise BadTemplateFile(path, detail=getattr(exc, "strerror", None) or str(exc)) from exc
    return template


def write_export(path: Path, text: str | bytes, overwrite: bool = False) -> None:
    """Write ``text`` (UTF-8 if it is text) to ``path``.

    Raises:
        FileExistsError: ``path`` exists and ``overwrite`` is false.
        OSError: the file cannot be written (a missing folder, no permission).
    """
    if not overwrite:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE)
        with os.fdopen(fd, "wb") as out:
            out.write(_encoded(text))
        return
    _replace(path, _encoded(text))


@contextmanager
def export_file(path: Path, overwrite: bool = False) -> Iterator[BinaryIO]:
    """A file to stream an export into, which becomes ``path`` only if the block ends without error.

    Without ``overwrite`` the name is claimed first, in one step with the check that it is free
    (a file that appears meanwhile is not overwritten); an error or interruption removes what
    was written and the claim, so ``path`` is as it was. Never half a file at ``path``.

    Raises:
        FileExistsError: ``path`` exists and ``overwrite`` is false.
        OSError: the file cannot be written (a missing folder, no permission).
    """
    if not overwrite:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE))
    try:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                yield out
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except BaseException:
        if not overwrite:
            path.unlink(missing_ok=True)  # our claim: still empty
        raise


def _encoded(text: str | bytes) -> bytes:
    """Text as UTF-8; bytes (Word, PDF, spreadsheets) as they are."""
    return text.encode("utf-8") if isinstance(text, str) else text


def _replace(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename it over: never half a file.

    ``mkstemp`` creates the temporary file with mode 0600, so the result is private too.
    """
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise

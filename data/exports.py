"""Exporting a workshop's documents to files: read the bundle, render, write safely.

An existing file is never replaced unless the caller says so (the CLI's ``--force``, the
preview's confirmation dialog); the check and the creation are one step (``open(..., "x")``),
so a file that appears in between is not overwritten either.

Exports hold what the workshop holds (names, notes, budgets), so like the workshop file they
are private to their owner (mode 0600) on a shared server: sharing one is a deliberate
``chmod``, as sharing the workshop is a deliberate ``--shared``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from core.exports import render_document
from data.store import WorkshopStore

PRIVATE = 0o600
"""The mode of an exported file: read and written by its owner only."""


def export_text(store: WorkshopStore, document: str, fmt: str, lang: str | None = None) -> str:
    """``document`` of the workshop in ``store`` as ``fmt``, in ``lang`` or the workshop's language."""
    bundle = store.bundle()
    return render_document(bundle, document, fmt, lang or bundle.workshop.language)


def write_export(path: Path, text: str, overwrite: bool = False) -> None:
    """Write ``text`` (UTF-8) to ``path``.

    Raises:
        FileExistsError: ``path`` exists and ``overwrite`` is false.
        OSError: the file cannot be written (a missing folder, no permission).
    """
    if not overwrite:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        return
    _replace(path, text)


def _replace(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path``, then rename it over: never half a file.

    ``mkstemp`` creates the temporary file with mode 0600, so the result is private too.
    """
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise

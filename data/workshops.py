"""Creating, importing and exporting whole workshop files: what the CLI's commands call."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from core.i18n import _
from core.models import Bundle, Workshop
from data import errors, history
from data.bundle import dumps, loads, new_bundle, write_bundle
from data.store import WorkshopStore


def create_workshop(path: Path, bundle: Bundle, shared: bool = False, source: Path | str = "") -> WorkshopStore:
    """Create a new workshop file at ``path`` holding ``bundle`` (read from ``source``, if a file).

    Refuses to overwrite a file.
    """
    path = Path(path).expanduser()
    if path.exists():
        raise errors.AlreadyExists(path)
    store = WorkshopStore.open(path, create=True, shared=shared)
    try:
        write_bundle(store, bundle, source)
    except BaseException:
        store.close()
        path.unlink(missing_ok=True)
        raise
    return store


def new_workshop(path: Path, workshop: Workshop, shared: bool = False) -> WorkshopStore:
    """Create an empty workshop with the shipped reference data and agencies."""
    return create_workshop(path, new_bundle(workshop), shared)


@contextmanager
def reading(path: Path) -> Iterator[WorkshopStore]:
    """The workshop file at ``path``, open for reading only as long as the block runs.

    A file the user may not write (or in a folder they may not write) is opened read-only,
    so exports work on a colleague's shared file too.
    """
    path = Path(path).expanduser()
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    store = WorkshopStore.open(path, readonly=not writable)
    try:
        yield store
        if store.damaged:  # an export must not quietly leave rows out
            raise errors.DamagedRow.of(path, store.damaged)
    finally:
        store.close()


def read_bundle(path: Path) -> Bundle:
    """Everything in the workshop file at ``path``, read without writing to it."""
    with reading(path) as store:
        return store.bundle()


def export_bundle(store: WorkshopStore) -> str:
    """The workshop as bundle JSON text."""
    return dumps(store.bundle())


def import_bundle(source: Path, target: Path, shared: bool = False) -> WorkshopStore:
    """Read a bundle file and create a new workshop file from it."""
    try:
        text = Path(source).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise errors.NotFound(source) from exc
    except UnicodeDecodeError as exc:
        raise errors.BadBundle(source, _("store.bundle.not_utf8", offset=exc.start)) from exc
    try:
        return create_workshop(target, loads(text, source), shared, source)
    except history.UnknownRow as exc:  # a record that undo could not write back
        raise errors.BadBundle(source, str(exc)) from exc

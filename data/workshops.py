"""Creating, importing and exporting whole workshop files: what the CLI's commands call."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import BinaryIO

from core.i18n import _
from core.models import Bundle, Workshop
from data import errors, history
from data.bundle import chunks, loads, new_bundle, write_bundle
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


def new_workshop(path: Path, workshop: Workshop, shared: bool = False,
                 agency_list: str = "kabupaten") -> WorkshopStore:
    """Create an empty workshop with the shipped reference data and the named agency list."""
    return create_workshop(path, new_bundle(workshop, agency_list=agency_list), shared)


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


def write_bundle_file(path: Path, output: Callable[[], AbstractContextManager[BinaryIO]]) -> None:
    """Write the workshop file at ``path`` as bundle JSON into the file ``output()`` opens, streamed.

    The same bytes as :func:`export_bundle`, but never held whole (a large workshop's bundle is
    hundreds of megabytes as one value). The output is opened once the workshop has opened, and
    a damaged row, found only once it is read, is raised inside it: ``output`` must keep nothing
    of a block that raises (:func:`data.exports.export_file` does not).
    """
    with reading(path) as store, store.snapshot(), output() as out:
        for chunk in chunks(store):
            out.write(chunk.encode("utf-8"))
        if store.damaged:  # an export must not quietly leave rows out
            raise errors.DamagedRow.of(path, store.damaged)


def export_bundle(store: WorkshopStore) -> str:
    """The workshop as bundle JSON text (the streamed pieces, joined)."""
    with store.snapshot():
        return "".join(chunks(store))


def import_bundle(source: Path, target: Path, shared: bool = False) -> WorkshopStore:
    """Read a bundle file and create a new workshop file from it."""
    try:
        text = Path(source).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise errors.BundleNotFound(source) from exc
    except UnicodeDecodeError as exc:
        raise errors.BadBundle(source, _("store.bundle.not_utf8", offset=exc.start)) from exc
    try:
        return create_workshop(target, loads(text, source), shared, source)
    except history.UnknownRow as exc:  # a record that undo could not write back
        raise errors.BadBundle(source, str(exc)) from exc

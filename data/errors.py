"""What can go wrong with a workshop file, each with the catalog key of the one line a user reads."""

from __future__ import annotations

from core.i18n import _

QUOTE_LIMIT = 200
"""The most characters of outside text (a bundle's key, SQLite's words) one message quotes."""


def quoted(text: str, limit: int = QUOTE_LIMIT) -> str:
    """``text`` cut to ``limit`` characters (with an ellipsis), so one line stays one line."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


class StoreError(Exception):
    """A workshop file problem the user can act on. ``str()`` is the translated one-line message."""

    key = "store.error.generic"

    def __init__(self, path: object = "", detail: str = "") -> None:
        self.path = str(path)
        self.detail = quoted(detail)
        super().__init__(self.message())

    def message(self) -> str:
        """The one line to show, in the current language."""
        return _(self.key, path=self.path, detail=self.detail)


class NotFound(StoreError):
    """The path does not exist."""

    key = "store.error.not_found"


class BundleNotFound(NotFound):
    """The bundle to import does not exist: a path to check, not a workshop to create."""

    key = "store.error.bundle_not_found"


class NotAWorkshop(StoreError):
    """The file is not SQLite, or is an SQLite database of some other program."""

    key = "store.error.not_a_workshop"


class EmptyFile(StoreError):
    """The file is empty: not a workshop, and rembuk does not make it one without being asked."""

    key = "store.error.empty"


class Corrupt(StoreError):
    """The file is a damaged SQLite database."""

    key = "store.error.corrupt"


class NewerVersion(StoreError):
    """The file was written by a newer rembuk."""

    key = "store.error.newer"


class ReadOnly(StoreError):
    """The file (or its folder) cannot be written."""

    key = "store.error.read_only"


class DiskFull(StoreError):
    """The disk is full: the last change was not saved."""

    key = "store.error.disk_full"


class Busy(StoreError):
    """Another process held the file for too long."""

    key = "store.error.busy"


class Restored(StoreError):
    """The file was deleted while open and has been written back; the last change was not made."""

    key = "store.error.restored"


class StaleEdit(StoreError):
    """Someone else saved this item since it was opened; the edit was not applied."""

    key = "store.error.stale"


class Gone(StoreError):
    """The item was deleted (perhaps by another terminal) before this edit."""

    key = "store.error.gone"


class DamagedRow(StoreError):
    """A row rembuk cannot read: the workshop row itself, or (for an export) any row."""

    key = "store.error.damaged_row"

    @classmethod
    def of(cls, path: object, rows: dict[tuple[str, object], str]) -> DamagedRow:
        """The error naming the first of ``rows`` (table and id → problem), and how many more."""
        first = next(iter(rows))
        line = describe_row(first, rows[first])
        if len(rows) > 1:
            line = _("store.damaged.more", first=line, more=len(rows) - 1)
        return cls(path, line)


def describe_row(row: tuple[str, object], problem: str) -> str:
    """One damaged row as a user reads it: ``notes row 5 (kind: Input should be …)``."""
    table, row_id = row
    return _("store.damaged.row", table=table, id=row_id, problem=quoted(problem, 120))


class Closed(StoreError):
    """The workshop was closed (the app hung up): nothing more is read or written."""

    key = "store.error.closed"


class BadBundle(StoreError):
    """A bundle file that is not valid JSON or not a rembuk bundle."""

    key = "store.error.bad_bundle"


class BadReference(StoreError):
    """A bundle row refers to a row the bundle does not hold; nothing was imported."""

    key = "store.error.bad_reference"


class AlreadyExists(StoreError):
    """A new workshop or export would overwrite an existing file."""

    key = "store.error.exists"

"""``rembuk check``: is a workshop file sound? What opening relies on, integrity, schema, rows.

:func:`verify` is also what the app runs before it starts (:func:`tui.app.make_app`), so
``check`` finds whatever ``open`` would trip on, and says it in the same words.
"""

from __future__ import annotations

import contextlib
import threading
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from core.i18n import _
from core.models import Bundle
from data import errors
from data.schema import SCHEMA_VERSION
from data.store import WorkshopStore

DAMAGED_ROWS_LISTED = 20
"""How many damaged rows ``check`` names one by one (then how many more)."""


@dataclass
class CheckReport:
    """The lines ``rembuk check`` prints, and whether all was well."""

    ok: bool = True
    lines: list[str] = field(default_factory=list)

    def add(self, ok: bool, key: str, **values: object) -> None:
        """Record one finding."""
        self.ok = self.ok and ok
        self.lines.append(("✓ " if ok else "✗ ") + _(key, **values))


def verify(store: WorkshopStore) -> None:
    """Raise the StoreError that would stop the workshop from opening, if there is one.

    The pages are read through (``quick_check``), so a damaged page is found now and not on
    the overview in front of the room; the header and reference rows must be readable.
    """
    result = store.query("PRAGMA quick_check")[0]["quick_check"]
    if result != "ok":
        raise errors.Corrupt(store.path, result)
    store.workshop()
    store.reference()


def verify_file(path: Path) -> None:
    """:func:`verify` the file at ``path``, opened read-only (nothing is written to it)."""
    with contextlib.closing(WorkshopStore.open(path, readonly=True)) as probe:
        verify(probe)


def verify_in_background(path: Path) -> Future[None]:
    """Start :func:`verify_file` on a thread of its own; its outcome (None, or the StoreError) comes later.

    The CLI starts it before it imports the app, so the page check (SQLite reads, which leave
    the interpreter free) runs while the app's modules load instead of after them.
    """
    outcome: Future[None] = Future()

    def run() -> None:
        try:
            verify_file(path)
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits for the outcome
            outcome.set_exception(exc)
        else:
            outcome.set_result(None)

    threading.Thread(target=run, name="rembuk-verify", daemon=True).start()
    return outcome


def check_workshop(path: Path) -> CheckReport:
    """Check the file at ``path``; one that cannot be opened at all raises the StoreError open would."""
    store = WorkshopStore.open(path, readonly=True)
    report = CheckReport()
    try:
        integrity = store.query("PRAGMA integrity_check")[0]["integrity_check"]
        report.add(integrity == "ok", "check.integrity", result=integrity)
        report.add(True, "check.schema", found=store.schema_version(), current=SCHEMA_VERSION)
        _check_rows(store, report)
    except errors.StoreError as exc:
        report.add(False, "check.openable", result=str(exc))
    finally:
        store.close()
    return report


def _check_rows(store: WorkshopStore, report: CheckReport) -> None:
    verify(store)
    bundle = store.bundle()
    for row, problem in list(store.damaged.items())[:DAMAGED_ROWS_LISTED]:
        report.add(False, "check.damaged_row", row=errors.describe_row(row, problem))
    if len(store.damaged) > DAMAGED_ROWS_LISTED:
        report.add(False, "check.damaged_more", count=len(store.damaged) - DAMAGED_ROWS_LISTED)
    report.add(True, "check.rows", innovations=len(bundle.innovations), steps=len(bundle.action_steps),
               risks=len(bundle.risks), notes=len(bundle.notes))
    broken = store.query("PRAGMA foreign_key_check")
    report.add(not broken, "check.references", count=len(broken))
    _check_history(store, report, bundle)


def _check_history(store: WorkshopStore, report: CheckReport, bundle: Bundle) -> None:
    from data import history

    found = history.problems(store)
    if found:
        report.add(False, "check.history_broken", detail=f"{found[0]} (+{len(found) - 1})")
        return
    report.add(True, "check.history", actions=len(bundle.history),
               changes=sum(len(a.changes) for a in bundle.history))

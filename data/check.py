"""``rembuk check``: is a workshop file sound? Integrity, schema version, and valid rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from core.i18n import _
from core.models import Bundle
from data import errors, history
from data.schema import SCHEMA_VERSION
from data.store import WorkshopStore


@dataclass
class CheckReport:
    """The lines ``rembuk check`` prints, and whether all was well."""

    ok: bool = True
    lines: list[str] = field(default_factory=list)

    def add(self, ok: bool, key: str, **values: object) -> None:
        """Record one finding."""
        self.ok = self.ok and ok
        self.lines.append(("✓ " if ok else "✗ ") + _(key, **values))


def check_workshop(path: Path) -> CheckReport:
    """Check the file at ``path``; a file that cannot even be opened raises a StoreError."""
    store = WorkshopStore.open(path, readonly=True)
    report = CheckReport()
    try:
        integrity = store.query("PRAGMA integrity_check")[0]["integrity_check"]
        report.add(integrity == "ok", "check.integrity", result=integrity)
        report.add(True, "check.schema", found=store.schema_version(), current=SCHEMA_VERSION)
        _check_rows(store, report)
    finally:
        store.close()
    return report


def _check_rows(store: WorkshopStore, report: CheckReport) -> None:
    try:
        bundle = store.bundle()
    except (ValidationError, errors.StoreError) as exc:
        report.add(False, "check.rows_invalid", detail=str(exc).splitlines()[0])
        return
    report.add(True, "check.rows", innovations=len(bundle.innovations), steps=len(bundle.action_steps),
               risks=len(bundle.risks), notes=len(bundle.notes))
    broken = store.query("PRAGMA foreign_key_check")
    report.add(not broken, "check.references", count=len(broken))
    _check_history(store, report, bundle)


def _check_history(store: WorkshopStore, report: CheckReport, bundle: Bundle) -> None:
    found = history.problems(store)
    if found:
        report.add(False, "check.history_broken", detail=f"{found[0]} (+{len(found) - 1})")
        return
    report.add(True, "check.history", actions=len(bundle.history),
               changes=sum(len(a.changes) for a in bundle.history))

"""Importing an agency's spreadsheet into a workshop: read, plan, and write in one transaction.

:func:`plan_file` reads the file and says what importing it would do (nothing is written);
:func:`apply_plan` writes a plan's good rows, all in one transaction: if the disk fills or
someone else edited a matched item meanwhile, nothing of the import is kept;
:func:`write_refused` writes the refused rows, with why, to :func:`refused_path` to send back.
The CLI (``rembuk import-sheet``) and the app's import screen both go through these.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from core.models import ActionStep, Innovation, Stored
from core.sheets.columns import normalise
from core.sheets.plan import ImportPlan, Planned, plan_import, refused_sheets
from core.sheets.submission import FoundSheet, find_sheets
from core.sheets.workbook import workbook_bytes
from data.actions import steps_of
from data.exports import write_export
from data.innovations import next_position
from data.sheet_files import NoHeader, read_workbook
from data.store import WorkshopStore


@dataclass(frozen=True)
class SheetImport:
    """A file read and planned: its recognised sheets and what importing them would do."""

    path: Path
    sheets: list[FoundSheet]
    plan: ImportPlan


def plan_file(store: WorkshopStore, path: Path, lang: str | None = None) -> SheetImport:
    """What importing ``path`` into ``store`` would add, change and refuse.

    Raises:
        data.sheet_files.NotASheet, Encrypted, EmptySheet, TooLarge: the file is unusable.
        NoHeader: no sheet has a recognisable header row.
    """
    sheets = find_sheets(read_workbook(path))
    if not sheets:
        raise NoHeader(path)
    bundle = store.bundle()
    return SheetImport(path, sheets, plan_import(bundle, sheets, lang or bundle.workshop.language))


def apply_plan(store: WorkshopStore, plan: ImportPlan) -> Counter[str]:
    """Write the plan's added and changed items; return how many of each kind were written.

    Every save joins the one ``write()`` transaction (as a savepoint), so a failed save (a
    :class:`~data.errors.StaleEdit`, a full disk) propagates and the whole import is undone.
    """
    written: Counter[str] = Counter()
    with store.write():
        new_ids: dict[str, int] = {}
        for planned, is_new in [*((p, True) for p in plan.added), *((p, False) for p in plan.changed)]:
            saved = store.save(_placed(store, planned, new_ids))
            if isinstance(saved, Innovation) and is_new and saved.id is not None:
                new_ids[normalise(saved.title)] = saved.id
            written[type(saved).__name__] += 1
    return written


def refused_path(path: Path) -> Path:
    """Where the refused rows of ``path`` go by default: ``FILE-refused.xlsx`` beside it."""
    return path.with_name(f"{path.stem}-refused.xlsx")


def write_refused(found: SheetImport, path: Path, lang: str) -> None:
    """The refused rows, with why, as a workbook (0600) to send back to the agency."""
    write_export(path, workbook_bytes(refused_sheets(found.sheets, found.plan, lang)), overwrite=True)


def _placed(store: WorkshopStore, planned: Planned, new_ids: dict[str, int]) -> Stored:
    """The item with the id of the innovation this file added, and a new one placed at the end.

    Inside the transaction the store sees the rows just inserted, so each new card and step
    goes after the one before it.
    """
    item = planned.item
    if planned.new_innovation:
        item = item.model_copy(update={"innovation_id": new_ids[planned.new_innovation]})
    if item.id is not None:
        return item
    if isinstance(item, Innovation):
        return item.model_copy(update={"position": next_position(store, item.dimension)})
    if isinstance(item, ActionStep):
        return item.model_copy(update={"position": len(steps_of(store, item.innovation_id))})
    return item

"""The registers of a workshop as one workbook (.xlsx): read the store once, build the sheets."""

from __future__ import annotations

from collections.abc import Sequence

from core.sheets.registers import REGISTERS
from core.sheets.workbook import workbook_bytes
from data.risks import snapshot
from data.store import WorkshopStore


def registers_workbook(store: WorkshopStore, names: Sequence[str] = tuple(REGISTERS),
                       lang: str | None = None) -> bytes:
    """The registers ``names`` (all by default), one sheet each in :data:`REGISTERS` order."""
    bundle = store.bundle()
    risks = snapshot(store)
    language = lang or bundle.workshop.language
    wanted = [name for name in REGISTERS if name in names]
    return workbook_bytes([REGISTERS[name](bundle, risks, language) for name in wanted])

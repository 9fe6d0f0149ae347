"""The registers of a workshop as one workbook (.xlsx), and the workshop a blank template lists."""

from __future__ import annotations

from collections.abc import Sequence

from core.models import Bundle, Workshop
from core.sheets.registers import REGISTERS
from core.sheets.workbook import workbook_bytes
from data.reference import default_agencies, reference_data
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


def reference_bundle() -> Bundle:
    """A workshop of the shipped reference lists and agencies only: a template made without one."""
    return Bundle(workshop=Workshop(region="-"), reference=reference_data(), agencies=default_agencies())

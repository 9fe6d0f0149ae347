"""Writing a workbook (.xlsx) that a spreadsheet user can work with at once.

Every sheet has its header row frozen and bold, columns as wide as their text (within
limits), amounts in rupiah as numbers with a thousands format (so they sum), dates as dates
and whole numbers as numbers. Text stays text: a cell that starts with ``=`` is stored as a
string, never as a formula (openpyxl would otherwise write it as one). The bytes are the same
for the same rows (fixed properties and zip dates).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from lxml.etree import tostring
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from core.word.stable_zip import stable_zip

FIXED_TIME = datetime(2000, 1, 1)
"""The creation and modification time in every workbook's properties (no clock is read)."""

RUPIAH_FORMAT = "#,##0"
DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
MIN_WIDTH, MAX_WIDTH = 6, 50
"""Column widths in characters: room for a short code, no wider than a readable line."""

Value = str | int | date | datetime | None


@dataclass(frozen=True)
class Sheet:
    """One sheet: its title, header, rows and which columns hold rupiah."""

    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[Value]]
    rupiah: frozenset[int] = field(default_factory=frozenset)
    """Indexes of the columns whose numbers are rupiah (thousands format)."""


def workbook_bytes(sheets: Sequence[Sheet]) -> bytes:
    """The workbook of ``sheets``, in order, as the bytes of an ``.xlsx`` file."""
    book = Workbook()
    book.remove(first_sheet(book))
    for sheet in sheets:
        write_sheet(book.create_sheet(safe_title(sheet.title)), sheet)
    return save(book)


def first_sheet(book: Workbook) -> Worksheet:
    """The worksheet a new workbook starts with (openpyxl types ``active`` as any sheet, or none)."""
    sheet = book.active
    if not isinstance(sheet, Worksheet):
        raise TypeError(f"a new workbook starts with a worksheet, not {sheet!r}")
    return sheet


def save(book: Workbook) -> bytes:
    """``book`` as bytes, with fixed properties and zip dates.

    openpyxl stamps the modification time while saving, so the properties part is written
    again afterwards with the fixed time.
    """
    out = io.BytesIO()
    book.save(out)
    props = book.properties
    props.creator = props.lastModifiedBy = ""
    props.created = props.modified = FIXED_TIME
    core = tostring(props.to_tree(), xml_declaration=True, encoding="UTF-8")
    return stable_zip(out.getvalue(), {"docProps/core.xml": core})


def write_sheet(target: Worksheet, sheet: Sheet) -> None:
    """Fill ``target`` with ``sheet``: header, rows, formats, widths, frozen header."""
    target.append(list(sheet.header))
    for cell in target[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for values in sheet.rows:
        target.append(list(values))
    for column, cells in enumerate(target.iter_cols(min_row=2), start=0):
        for cell in cells:
            if isinstance(cell, Cell):  # a merged cell has no value to format (appended rows have none)
                _format(cell, column in sheet.rupiah)
    target.freeze_panes = "A2"
    set_widths(target, [sheet.header, *sheet.rows])


def _format(cell: Cell, rupiah: bool) -> None:
    """Dates as dates, rupiah with thousands, and text that looks like a formula as text."""
    if isinstance(cell.value, datetime):
        cell.number_format = DATETIME_FORMAT
    elif isinstance(cell.value, date):
        cell.number_format = DATE_FORMAT
    elif isinstance(cell.value, int) and rupiah:
        cell.number_format = RUPIAH_FORMAT
    elif isinstance(cell.value, str) and cell.value.startswith("="):
        cell.data_type = "s"


def set_widths(target: Worksheet, rows: Sequence[Sequence[Value]]) -> None:
    """Each column as wide as its longest value, between :data:`MIN_WIDTH` and :data:`MAX_WIDTH`."""
    widths: dict[int, int] = {}
    for values in rows:
        for n, value in enumerate(values):
            widths[n] = max(widths.get(n, 0), len(_shown(value)))
    for n, width in widths.items():
        target.column_dimensions[get_column_letter(n + 1)].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)


def _shown(value: Value) -> str:
    if isinstance(value, date):
        return "00/00/0000 00:00" if isinstance(value, datetime) else "00/00/0000"
    if isinstance(value, int):
        return f"{value:,}"
    return "" if value is None else str(value)


def safe_title(title: str) -> str:
    """A sheet title Excel accepts: at most 31 characters, none of ``[]:*?/\\``."""
    return "".join("-" if c in "[]:*?/\\" else c for c in title)[:31] or "Sheet"

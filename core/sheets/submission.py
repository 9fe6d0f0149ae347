"""Reading an agency's workbook: find each sheet's header, read its rows, refuse what is wrong.

A workbook arrives as plain rows per sheet (``data.sheet_files`` reads the file). Each sheet
is recognised by its title or, failing that, by its headers: the header is the first of its
first rows that names every required column of a kind (:mod:`core.sheets.columns`). Each
value is read by its column (:mod:`core.sheets.values`); each refused value is a
:class:`Refusal` naming its sheet and cell, e.g. ``Inovasi!D7``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from core.sheets.columns import KINDS, Column, SheetKind, normalise

HEADER_SEARCH_ROWS = 10
"""How far down a sheet its header may be (an instruction row or a title may come first)."""

Rows = Sequence[Sequence[object]]


@dataclass(frozen=True)
class Refusal:
    """One value a row cannot be imported with, and where it is."""

    sheet: str
    row: int
    """The row's number as the spreadsheet shows it (1-based)."""
    column: int
    """The column's index (0-based)."""
    reason: str

    @property
    def cell(self) -> str:
        """``D7``."""
        return f"{get_column_letter(self.column + 1)}{self.row}"

    def line(self) -> str:
        """``Inovasi!D7: element "GOV-4" does not exist; use GOV-1, GOV-2 or GOV-3``."""
        return f"{self.sheet}!{self.cell}: {self.reason}"


@dataclass
class FoundSheet:
    """A sheet recognised as one kind of submission, with where each column is."""

    name: str
    kind: SheetKind
    header_row: int
    """The header's row number (1-based)."""
    header: list[str]
    positions: dict[str, int]
    """Column key → its index in the sheet."""
    rows: Rows = field(default_factory=list)

    def column_name(self, key: str) -> str:
        """The header of column ``key`` as the sheet spells it, without a required mark."""
        return self.header[self.positions[key]].rstrip(" *")

    def body(self) -> Iterator[tuple[int, Sequence[object]]]:
        """``(row number, cells)`` of each row under the header that is not empty."""
        for offset, cells in enumerate(self.rows[self.header_row:], start=self.header_row + 1):
            if any(_present(cell) for cell in cells):
                yield offset, cells

    def value(self, cells: Sequence[object], key: str) -> object:
        """The cell of column ``key`` in ``cells`` (``None`` when the sheet has no such column)."""
        position = self.positions.get(key)
        return cells[position] if position is not None and position < len(cells) else None


def _present(cell: object) -> bool:
    return cell is not None and str(cell).strip() != ""


def find_sheets(workbook: Mapping[str, Rows]) -> list[FoundSheet]:
    """Every sheet of ``workbook`` that is a submission, in import order (innovations first)."""
    found = [sheet for name, rows in workbook.items() if (sheet := find_sheet(name, rows))]
    order = list(KINDS)
    return sorted(found, key=lambda sheet: order.index(sheet.kind.name))


def find_sheet(name: str, rows: Rows) -> FoundSheet | None:
    """The kind and header of the sheet ``name``; ``None`` if no row looks like a header."""
    titled = [kind for kind in KINDS.values() if normalise(name) in kind.titles()]
    for number, cells in enumerate(rows[:HEADER_SEARCH_ROWS], start=1):
        header = [str(cell).strip() if cell is not None else "" for cell in cells]
        matches = [(kind, positions(kind, header)) for kind in titled or KINDS.values()]
        complete = [(kind, found) for kind, found in matches if all(c.key in found for c in kind.required)]
        if complete:
            kind, found = max(complete, key=lambda pair: len(pair[1]))
            return FoundSheet(name, kind, number, header, found, rows)
    return None


def positions(kind: SheetKind, header: list[str]) -> dict[str, int]:
    """Which of ``kind``'s columns ``header`` has, and where (the first of a repeated name)."""
    found: dict[str, int] = {}
    for index, title in enumerate(header):
        column = _column_named(kind, normalise(title))
        if column is not None and column.key not in found:
            found[column.key] = index
    return found


def _column_named(kind: SheetKind, name: str) -> Column | None:
    """The column called ``name``: by its key first (``impact`` is the level, not the
    description whose English heading is "Impact"), then by its headings and synonyms."""
    by_key = next((column for column in kind.columns if normalise(column.key) == name), None)
    return by_key or next((column for column in kind.columns if name and name in column.names()), None)

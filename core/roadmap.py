"""The roadmap (peta jalan) as plain data and character bars: no UI, no storage.

Rows go dimension → innovation → step; each row has a bar with one cell per year column.
A step's cells are filled (``█``) in its years, trimmed by its start and end quarter when a
cell is wide enough; an innovation's cells span its steps' years (``▒``, or ``▓`` for a quick
win, whose quick-win year carries the letter ``Q``: it stands out without colour); empty
years show ``·``. When the columns are too narrow for one cell per year, years are grouped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import NamedTuple

from core.rupiah import short

FULL, SPAN, QUICK, EMPTY, QUICK_MARK = "█", "▒", "▓", "·", "Q"
TOTAL_WIDTH = 8
"""Characters of the total column (``999,5 jt``)."""


class RowKind(StrEnum):
    """What a roadmap row stands for."""

    DIMENSION = "dimension"
    INNOVATION = "innovation"
    STEP = "step"


@dataclass
class StepLine:
    """One action step as the roadmap needs it (not frozen: a roadmap makes thousands at once)."""

    step_id: int
    activity: str
    start_year: int
    end_year: int
    budget: dict[int, int] = field(default_factory=dict)
    funding_source: str = ""
    start_quarter: int | None = None
    end_quarter: int | None = None

    @cached_property
    def total(self) -> int:
        """The step's whole budget (computed once: the roadmap sums it per row and per dimension)."""
        return sum(self.budget.values())


@dataclass(frozen=True)
class InnovationLine:
    """One innovation with its steps, in order."""

    innovation_id: int
    title: str
    dimension: str
    quick_win: bool = False
    steps: tuple[StepLine, ...] = ()

    @property
    def years(self) -> set[int]:
        """Every year one of its steps runs in."""
        return {y for s in self.steps for y in range(s.start_year, s.end_year + 1)}

    @property
    def quick_year(self) -> int | None:
        """For a quick win, the year it delivers in: its first year."""
        return min(self.years) if self.quick_win and self.years else None


class RoadmapRow(NamedTuple):
    """One line of the roadmap (a named tuple: a roadmap has thousands, made in one go)."""

    kind: RowKind
    label: str
    ref: int | str
    """The step or innovation id, or the dimension code."""
    total: int = 0
    years: frozenset[int] = frozenset()
    quick_year: int | None = None
    quarters: tuple[int | None, int | None] = (None, None)


def build_rows(dimensions: Sequence[tuple[str, str]], innovations: Iterable[InnovationLine]) -> list[RoadmapRow]:
    """The rows, dimension by dimension (in the order given); dimensions without rows are left out."""
    by_dimension: dict[str, list[InnovationLine]] = {}
    for innovation in innovations:
        by_dimension.setdefault(innovation.dimension, []).append(innovation)
    rows: list[RoadmapRow] = []
    for code, name in dimensions:
        members = by_dimension.get(code, [])
        if members:
            total = sum(s.total for i in members for s in i.steps)
            rows.append(RoadmapRow(RowKind.DIMENSION, name, code, total))
            for innovation in members:
                rows.extend(_innovation_rows(innovation))
    return rows


def _innovation_rows(innovation: InnovationLine) -> list[RoadmapRow]:
    years = frozenset(innovation.years)
    quick_year = min(years) if innovation.quick_win and years else None
    head = RoadmapRow(RowKind.INNOVATION, innovation.title, innovation.innovation_id,
                      sum(s.total for s in innovation.steps), years, quick_year)
    return [head, *(_step_row(s) for s in innovation.steps)]


def _step_row(step: StepLine) -> RoadmapRow:
    years = frozenset(range(step.start_year, step.end_year + 1))
    return RoadmapRow(RowKind.STEP, step.activity, step.step_id, step.total, years,
                      quarters=(step.start_quarter, step.end_quarter))


# -- totals ---------------------------------------------------------------------------------


def totals_per_year(steps: Iterable[StepLine], years: Iterable[int]) -> dict[int, int]:
    """The budget of every year of ``years`` (0 where nothing is planned)."""
    totals = Counter({year: 0 for year in years})
    for step in steps:
        totals.update(step.budget)
    return dict(sorted(totals.items()))


def totals_per_source(steps: Iterable[StepLine]) -> dict[str, int]:
    """The budget per funding source, largest first ("" for steps without one)."""
    totals: Counter[str] = Counter()
    for step in steps:
        totals[step.funding_source] += step.total
    return dict(sorted(totals.items(), key=lambda item: (-item[1], item[0])))


def overall(steps: Iterable[StepLine]) -> int:
    """The whole budget."""
    return sum(step.total for step in steps)


# -- layout and bars ------------------------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    """How a roadmap fits a width: the label column, and year columns of ``cell`` characters."""

    label_width: int
    cell: int
    columns: tuple[tuple[int, ...], ...]
    """The years each column covers (one each, or several when compressed)."""

    @property
    def width(self) -> int:
        """Characters of a whole line."""
        return self.label_width + 1 + self.cell * len(self.columns) + 1 + TOTAL_WIDTH


def layout(years: Sequence[int], width: int) -> Layout:
    """Fit ``years`` into ``width`` characters; the labels keep at least 20 of them, and any room
    the year columns leave."""
    label_width = max(20, min(48, width * 3 // 10))
    room = max(len(years) and 1, width - label_width - 2 - TOTAL_WIDTH)
    cell = min(8, room // max(1, len(years)))
    columns: tuple[tuple[int, ...], ...]
    if cell >= 2:
        columns = tuple((y,) for y in years)
    else:
        per_column = -(-len(years) // max(1, room))
        cell, columns = 1, tuple(tuple(years[i:i + per_column]) for i in range(0, len(years), per_column))
    spare = width - 2 - TOTAL_WIDTH - cell * len(columns)
    return Layout(max(label_width, spare), cell, columns)


def header(lay: Layout, label: str, total_label: str) -> str:
    """The column heads: the label heading, then year labels (``2025``, ``'25`` or ``25``).

    Narrow columns share room: a label is written only where the one before it has ended, so
    at two characters a column every other year is named, at one character every third.
    """
    heads = [" "] * (lay.cell * len(lay.columns))
    free = 0
    for index, column in enumerate(lay.columns):
        text, start = _year_head(column[0], lay.cell), index * lay.cell
        if start >= free and start + len(text) <= len(heads):
            heads[start:start + len(text)] = text
            free = start + len(text) + 1
    return f"{fit(label, lay.label_width)} {''.join(heads)} {total_label:>{TOTAL_WIDTH}}"


def _year_head(year: int, cell: int) -> str:
    return str(year) if cell >= 5 else ("'" if cell >= 4 else "") + str(year)[2:]


def line(row: RoadmapRow, lay: Layout) -> str:
    """One row as text: the indented label, the bar, the total."""
    indent = {RowKind.DIMENSION: "", RowKind.INNOVATION: " ", RowKind.STEP: "   "}[row.kind]
    mark = QUICK_MARK + " " if row.quick_year is not None else ""
    label = fit(indent + mark + row.label, lay.label_width)
    total = short(row.total) if row.total else ""
    return f"{label} {bar(row, lay)} {total:>{TOTAL_WIDTH}}"


def bar(row: RoadmapRow, lay: Layout) -> str:
    """The row's cells across the layout's year columns."""
    if row.kind is RowKind.DIMENSION:
        return " " * (lay.cell * len(lay.columns))
    return "".join(_cell(row, column, lay.cell) for column in lay.columns)


def _cell(row: RoadmapRow, column: tuple[int, ...], cell: int) -> str:
    if not row.years.intersection(column):
        return EMPTY.ljust(cell)
    if row.kind is RowKind.STEP:
        return _step_cell(row, column, cell)
    fill = QUICK if row.quick_year is not None else SPAN
    if row.quick_year in column:
        return (QUICK_MARK + fill * (cell - 1))[:cell]
    return fill * cell


def _step_cell(row: RoadmapRow, column: tuple[int, ...], cell: int) -> str:
    """A full cell, trimmed at the start and end quarter when the cell has four characters or more."""
    if cell < 4 or len(column) > 1:
        return FULL * cell
    year, (start_q, end_q) = column[0], row.quarters
    lead = round(((start_q or 1) - 1) * cell / 4) if year == min(row.years) else 0
    tail = round((4 - (end_q or 4)) * cell / 4) if year == max(row.years) else 0
    return " " * lead + FULL * (cell - lead - tail) + " " * tail


def fit(text: str, width: int) -> str:
    """``text`` cut with an ellipsis or padded to exactly ``width`` characters."""
    return text[: width - 1] + "…" if len(text) > width else text.ljust(width)

"""The action plan (rencana aksi) and the roadmap as files: CSV and Markdown, pure functions.

The action plan has Renja-like columns (docs/domain.md §4): one row per step and year, so an
agency can copy its rows into its Renja. CSV is UTF-8 *with* a byte-order mark and CRLF line
ends, the form spreadsheets (Excel included) open without asking; amounts there are plain
integers so that they sum. In Markdown, amounts are in the Indonesian style and every piece of
user text is escaped (:mod:`core.markdown`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from core.i18n import Translator, translator
from core.labels import enum_label
from core.markdown import document, escape, heading, table
from core.models import ActionStep, Bundle, Innovation
from core.roadmap import EMPTY, FULL, QUICK_MARK
from core.rupiah import group, short

ACTION_COLUMNS = ("code", "dimension", "element", "programme", "innovation", "activity", "innovation_status",
                  "horizon", "year", "lead", "supporting", "output", "indicator", "target", "budget",
                  "location", "funding_source", "priority", "quick_win", "step_status", "risks")
"""The action plan's columns, by catalog key under ``actions_export.column.``.

Budget, location, funding source and priority follow each other as in the Renja table.
"""

BOM = "\ufeff"

A = TypeVar("A")
"""What a budget cell holds: text (CSV, Markdown) or the number itself (a spreadsheet)."""


@dataclass(frozen=True)
class PlannedInnovation:
    """An innovation in plan order, with its code (``GOV-1.02``) and its steps in order."""

    innovation: Innovation
    code: str
    steps: list[ActionStep]


def plan_order(bundle: Bundle) -> Iterator[tuple[str, list[PlannedInnovation]]]:
    """Per dimension (reference order): its innovations, numbered within their element."""
    steps: dict[int, list[ActionStep]] = {}
    for step in sorted(bundle.action_steps, key=lambda s: (s.position, s.id or 0)):
        steps.setdefault(step.innovation_id, []).append(step)
    numbers: dict[str, int] = {}
    for dimension in sorted(bundle.reference.dimensions, key=lambda d: d.order):
        members = sorted((i for i in bundle.innovations if i.dimension == dimension.code),
                         key=lambda i: (i.element, i.position, i.id or 0))
        planned = []
        for innovation in members:
            numbers[innovation.element] = numbers.get(innovation.element, 0) + 1
            code = f"{innovation.element}.{numbers[innovation.element]:02}"
            planned.append(PlannedInnovation(innovation, code, steps.get(innovation.stored_id, [])))
        yield dimension.code, planned


def action_rows(bundle: Bundle, lang: str, amount: Callable[[int], A]) -> tuple[list[str], list[list[str | A]]]:
    """The header and the rows (one per step and year) of the action plan; ``amount`` gives a budget's cell."""
    tr = translator(lang)
    names = _Names(bundle, lang)
    rows = [
        _action_row(tr, names, planned, number, step, year, amount)
        for _, innovations in plan_order(bundle)
        for planned in innovations
        for number, step in enumerate(planned.steps, 1)
        for year in range(step.start_year, step.end_year + 1)
    ]
    return [tr(f"actions_export.column.{c}") for c in ACTION_COLUMNS], rows


def _action_row(tr: Translator, names: _Names, planned: PlannedInnovation, number: int, step: ActionStep,
                year: int, amount: Callable[[int], A]) -> list[str | A]:
    innovation = planned.innovation
    return [
        f"{planned.code}.{number:02}", names.dimension(innovation.dimension), names.element(innovation.element),
        step.programme or innovation.programme, innovation.title, step.activity,
        enum_label(tr, innovation.status), enum_label(tr, innovation.horizon), str(year),
        names.agency(step.lead_agency_id or innovation.lead_agency_id),
        ", ".join(names.agency(a) for a in step.supporting_agency_ids), step.output, step.indicator,
        step.target, amount(step.budget.get(year, 0)), step.location, step.funding_source, step.priority,
        enum_label(tr, innovation.quick_win), enum_label(tr, step.status), names.risks(innovation.id),
    ]


class _Names:
    """Labels of the codes and ids a row refers to."""

    def __init__(self, bundle: Bundle, lang: str) -> None:
        self.dimensions = {d.code: d.name for d in bundle.reference.dimensions}
        self.elements = {e.code: e.label for e in bundle.reference.elements}
        self.agencies = {a.id: a.abbreviation for a in bundle.agencies}
        self.risk_codes: dict[int | None, list[str]] = {}
        for risk in bundle.risks:
            self.risk_codes.setdefault(risk.innovation_id, []).append(risk.code or f"R{risk.id}")

    def dimension(self, code: str) -> str:
        """A dimension's name, e.g. ``Smart Governance``."""
        return self.dimensions.get(code, code)

    def element(self, code: str) -> str:
        """An element's code and label, e.g. ``GOV-1 Layanan Publik``."""
        return f"{code} {self.elements.get(code, '')}".strip()

    def agency(self, agency_id: int | None) -> str:
        """An agency's abbreviation (empty for none)."""
        return self.agencies.get(agency_id, "") if agency_id else ""

    def risks(self, innovation_id: int | None) -> str:
        """The codes of an innovation's risks, comma-separated."""
        return ", ".join(self.risk_codes.get(innovation_id, []))


def render_actions_csv(bundle: Bundle, lang: str) -> str:
    """The action plan as CSV: BOM, CRLF, quoting where a cell needs it, amounts as integers."""
    header, rows = action_rows(bundle, lang, amount=str)
    return to_csv(header, rows)


def to_csv(header: list[str], rows: list[list[str]]) -> str:
    """CSV as spreadsheets open it: a BOM, CRLF line ends, quotes only where a cell needs them."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return BOM + out.getvalue()


def render_actions_markdown(bundle: Bundle, lang: str) -> str:
    """The action plan as Markdown: a title, then one table per dimension with steps."""
    tr = translator(lang)
    header, rows = action_rows(bundle, lang, amount=lambda n: group(n) if n else "")
    blocks = [heading(1, tr("actions_export.title", region=bundle.workshop.region))]
    dimension_column = ACTION_COLUMNS.index("dimension")
    for name in dict.fromkeys(row[dimension_column] for row in rows):
        blocks += [heading(2, name), table(header, [r for r in rows if r[dimension_column] == name])]
    return document(blocks)


def render_roadmap_markdown(bundle: Bundle, lang: str) -> str:
    """The roadmap as Markdown: one table per dimension, years as columns, amounts in the cells.

    A step's cell holds its budget that year, ``█`` in a year it runs without a budget, ``·``
    outside its years; an innovation's cell holds its total that year, ``Q`` marking a quick
    win's year.
    """
    tr = translator(lang)
    years = list(bundle.workshop.years)
    header = [tr("actions_export.roadmap_row"), *map(str, years), tr("actions_export.total")]
    names = _Names(bundle, lang)
    blocks = [heading(1, tr("actions_export.roadmap_title", region=bundle.workshop.region)),
              escape(tr("actions_export.roadmap_legend"))]
    for code, innovations in plan_order(bundle):
        if innovations:
            rows = [row for planned in innovations for row in _roadmap_rows(planned, years)]
            blocks += [heading(2, names.dimension(code)), table(header, rows)]
    return document(blocks)


def _roadmap_rows(planned: PlannedInnovation, years: list[int]) -> list[list[str]]:
    steps = planned.steps
    active = {y for s in steps for y in range(s.start_year, s.end_year + 1)}
    quick = min(active) if planned.innovation.quick_win == "selected" and active else None
    cells = []
    for year in years:
        total = sum(s.budget.get(year, 0) for s in steps)
        cell = short(total) if total else (FULL if year in active else EMPTY)
        cells.append(f"{QUICK_MARK} {cell}" if year == quick else cell)
    head = [f"{planned.code} {planned.innovation.title}", *cells, _total(steps)]
    return [head, *(_roadmap_step(planned.code, n, s, years) for n, s in enumerate(steps, 1))]


def _roadmap_step(code: str, number: int, step: ActionStep, years: list[int]) -> list[str]:
    cells = [short(step.budget[y]) if y in step.budget else (FULL if step.start_year <= y <= step.end_year else EMPTY)
             for y in years]
    return [f"{code}.{number:02} {step.activity}", *cells, _total([step])]


def _total(steps: list[ActionStep]) -> str:
    amount = sum(s.total for s in steps)
    return short(amount) if amount else ""

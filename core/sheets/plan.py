"""What importing an agency's workbook would do: rows added, rows changed, rows refused.

:func:`plan_import` is pure: it reads the recognised sheets against the workshop's bundle and
says, row by row, which item each becomes. Rows are matched to what the workshop holds, so
importing the same file twice changes nothing: an innovation by its code (``GOV-1.02``) or
its title and lead agency, an action step by its innovation and activity (one row per year,
as the Renja table has it), a risk by its code or its innovation and event. Only the columns
a sheet has are changed on a matched item. ``data.sheet_import`` writes the plan.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from pydantic import ValidationError

from core.action_export import plan_order
from core.i18n import Translator, translator
from core.models import ActionStep, Bundle, Innovation, Risk, Stored
from core.sheets.columns import normalise
from core.sheets.readers import ReadRow, RowReader
from core.sheets.submission import FoundSheet, Refusal
from core.sheets.workbook import Sheet, Value

T = TypeVar("T", bound=Stored)


@dataclass
class Planned:
    """One item the import adds or changes, and the row (the first, for a step) it came from."""

    sheet: str
    row: int
    item: Stored
    new_innovation: str = ""
    """For a step or risk of an innovation added by this same file: that innovation's key."""


@dataclass
class ImportPlan:
    """Everything an import would do, before anything is written."""

    added: list[Planned] = field(default_factory=list)
    changed: list[Planned] = field(default_factory=list)
    unchanged: Counter[str] = field(default_factory=Counter)
    """Per sheet, how many rows matched an item that already holds what they say."""
    refusals: list[Refusal] = field(default_factory=list)

    def counts(self, sheet: str) -> tuple[int, int, int, int]:
        """Rows of ``sheet`` that add, change, change nothing, and are refused."""
        return (sum(p.sheet == sheet for p in self.added), sum(p.sheet == sheet for p in self.changed),
                self.unchanged[sheet], len(self.refused_rows.get(sheet, ())))

    @property
    def refused_rows(self) -> dict[str, set[int]]:
        """Per sheet, the numbers of the rows that were refused."""
        rows: dict[str, set[int]] = {}
        for refusal in self.refusals:
            rows.setdefault(refusal.sheet, set()).add(refusal.row)
        return rows


def plan_import(bundle: Bundle, sheets: list[FoundSheet], lang: str) -> ImportPlan:
    """The plan for ``sheets`` (innovations first) against the workshop in ``bundle``."""
    planner = _Planner(bundle, lang)
    for sheet in sheets:
        planner.sheet(sheet)
    return planner.plan


class _Planner:
    """Reads sheets in order, keeping the innovations this file adds so later sheets can name them."""

    def __init__(self, bundle: Bundle, lang: str) -> None:
        self.tr: Translator = translator(lang)
        self.bundle = bundle
        self.plan = ImportPlan()
        self.reader = RowReader(bundle, lang)
        self.innovation_codes = {normalise(item.code): item.innovation.id or 0
                                 for _, planned in plan_order(bundle) for item in planned}
        self.steps = {(s.innovation_id, normalise(s.activity)): s for s in bundle.action_steps}
        self.risks_by_code = {normalise(r.code): r for r in bundle.risks if r.code}
        self.risks = {(r.innovation_id, normalise(r.event)): r for r in bundle.risks}
        self.new_innovations: dict[str, Planned] = {}

    def sheet(self, sheet: FoundSheet) -> None:
        rows = [self.reader.read(sheet, number, cells) for number, cells in sheet.body()]
        good = [row for row in rows if not self._refused(row)]
        if sheet.kind.name == "innovations":
            for row in good:
                self._innovation(row)
        elif sheet.kind.name == "actions":
            self._steps(good)
        else:
            for row in good:
                self._risk(row)

    def _refused(self, row: ReadRow) -> bool:
        self.plan.refusals.extend(row.refusals)
        return bool(row.refusals)

    def _record(self, row: ReadRow, existing: Stored | None, item: Stored, new_innovation: str = "") -> None:
        planned = Planned(row.sheet.name, row.number, item, new_innovation)
        if existing is None:
            self.plan.added.append(planned)
        elif item != existing:
            self.plan.changed.append(planned)
        else:
            self.plan.unchanged[row.sheet.name] += 1

    def _validated(self, row: ReadRow, cls: type[T], data: dict[str, object]) -> T | None:
        """``cls`` built from ``data``; a failure is a refusal at the row's first cell it names."""
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            error = exc.errors()[0]
            key = str(error["loc"][0]) if error["loc"] else ""
            row.refuse(row.column_of(key), self.tr("sheets.error.invalid", detail=error["msg"]))
            self._refused(row)
            return None

    # -- innovations ------------------------------------------------------------------------

    def _innovation(self, row: ReadRow) -> None:
        existing = self._existing_innovation(row)
        base = existing.model_dump() if existing else {"dimension": row.field_text("element").split("-")[0]}
        innovation = self._validated(row, Innovation, {**base, **row.fields})
        if innovation is None:
            return
        if existing is None:
            key = normalise(innovation.title)
            if key in self.new_innovations:
                self.plan.added.remove(self.new_innovations[key])
            self.new_innovations[key] = Planned(row.sheet.name, row.number, innovation)
            self.plan.added.append(self.new_innovations[key])
            return
        self._record(row, existing, innovation)

    def _existing_innovation(self, row: ReadRow) -> Innovation | None:
        code = normalise(row.text("code"))
        if code and code in self.innovation_codes:
            return self._by_id(self.innovation_codes[code])
        title, lead = normalise(row.field_text("title")), row.fields.get("lead_agency_id")
        same = [i for i in self.bundle.innovations if normalise(i.title) == title]
        with_lead = [i for i in same if lead is None or i.lead_agency_id == lead]
        return next(iter(with_lead or same), None)

    def _by_id(self, innovation_id: int | None) -> Innovation | None:
        return next((i for i in self.bundle.innovations if i.id == innovation_id), None)

    def innovation_of(self, row: ReadRow) -> tuple[int, str] | None:
        """The id of the row's innovation, or ``(0, key)`` for one this file adds; refuse others."""
        typed = row.text("innovation")
        key = normalise(typed)
        if key in self.innovation_codes:
            return self.innovation_codes[key], ""
        found = next((i for i in self.bundle.innovations if normalise(i.title) == key), None)
        if found is not None and found.id is not None:
            return found.id, ""
        if key in self.new_innovations:
            return 0, key
        row.refuse(row.column_of("innovation"), self.tr("sheets.error.unknown_innovation", value=typed))
        self._refused(row)
        return None

    # -- action steps -----------------------------------------------------------------------

    def _steps(self, rows: list[ReadRow]) -> None:
        """Rows of one innovation and activity are one step, its years and budget gathered."""
        groups: dict[tuple[int, str, str], list[ReadRow]] = {}
        for row in rows:
            owner = self.innovation_of(row)
            if owner is not None:
                key = (owner[0], owner[1], normalise(row.field_text("activity")))
                groups.setdefault(key, []).append(row)
        for (innovation_id, new_key, activity), members in groups.items():
            self._step(innovation_id, new_key, activity, members)

    def _step(self, innovation_id: int, new_key: str, activity: str, rows: list[ReadRow]) -> None:
        first = rows[0]
        years = [row.field_whole("year") for row in rows]
        budget = {row.field_whole("year"): row.field_whole("budget", 0) for row in rows if row.fields.get("budget")}
        existing = self.steps.get((innovation_id, activity)) if not new_key else None
        fields = {k: v for k, v in first.fields.items() if k not in ("year", "budget", "innovation")}
        base = existing.model_dump() if existing else {}
        if existing and "budget" not in first.sheet.positions:
            budget = existing.budget
        data = {**base, **fields, "innovation_id": innovation_id, "start_year": min(years),
                "end_year": max(years), "budget": budget}
        step = self._validated(first, ActionStep, data)
        if step is not None:
            self._record(first, existing, _same_budget(existing, step), new_key)

    # -- risks ------------------------------------------------------------------------------

    def _risk(self, row: ReadRow) -> None:
        owner = self.innovation_of(row)
        if owner is None:
            return
        innovation_id, new_key = owner
        existing = None if new_key else self._existing_risk(row, innovation_id)
        base = existing.model_dump() if existing else {}
        fields = {k: v for k, v in row.fields.items() if k != "innovation"}
        risk = self._validated(row, Risk, {**base, **fields, "innovation_id": innovation_id})
        if risk is not None:
            self._record(row, existing, risk, new_key)

    def _existing_risk(self, row: ReadRow, innovation_id: int) -> Risk | None:
        """The stored risk the row names: by its code, or else by its innovation and event."""
        code = normalise(row.field_text("code", ""))
        if code:
            return self.risks_by_code.get(code)
        return self.risks.get((innovation_id, normalise(row.field_text("event"))))


def _same_budget(existing: ActionStep | None, step: ActionStep) -> ActionStep:
    """Keep the stored budget when it differs only by years of zero rupiah (as a sheet shows them)."""
    if existing is not None and {y: a for y, a in existing.budget.items() if a} == step.budget:
        return step.model_copy(update={"budget": existing.budget})
    return step


def refused_sheets(sheets: list[FoundSheet], plan: ImportPlan, lang: str) -> list[Sheet]:
    """The refused rows, as sheets to send back: each sheet's header, its rows, and why."""
    reasons: dict[tuple[str, int], list[str]] = {}
    for refusal in plan.refusals:
        reasons.setdefault((refusal.sheet, refusal.row), []).append(f"{refusal.cell}: {refusal.reason}")
    header_of_reasons = translator(lang)("sheets.refused.reason")
    out = []
    for sheet in sheets:
        rows = [[*map(_cell, cells), "; ".join(reasons[(sheet.name, number)])]
                for number, cells in sheet.body() if (sheet.name, number) in reasons]
        if rows:
            out.append(Sheet(sheet.name, [*sheet.header, header_of_reasons], rows))
    return out


def _cell(value: object) -> Value:
    """A cell as it was read, as a workbook can hold it again."""
    if isinstance(value, float):
        return int(value) if value.is_integer() else str(value)
    return value if isinstance(value, str | int | date) or value is None else str(value)

"""The action plans (rencana aksi) in brief: per dimension, its steps, years and budget."""

from __future__ import annotations

from collections import defaultdict

from core.markdown import escape, table
from core.minutes.context import DASH, Minutes
from core.models import ActionStep
from core.rupiah import format_rupiah

PLAN_COLUMNS = (
    "minutes.column.dimension",
    "minutes.column.innovations",
    "minutes.column.steps",
    "minutes.column.years",
    "minutes.column.budget",
)
"""Catalog keys of the action-plan summary's columns."""


def action_plans(m: Minutes) -> str:
    """One row per dimension with steps, and a line with the totals."""
    grouped = steps_by_dimension(m)
    if not grouped:
        return m.section("minutes.section.action_plans")
    rows = [plan_row(m, code, steps) for code, steps in grouped.items()]
    header = [m.t(key) for key in PLAN_COLUMNS]
    return m.section("minutes.section.action_plans", table(header, rows), plan_totals(m))


def step_dimension(m: Minutes, step: ActionStep) -> str | None:
    """The dimension of a step: that of its innovation (``None`` if the innovation is gone)."""
    return m.innovation_dimension(step.innovation_id)


def ordered_steps(m: Minutes) -> list[ActionStep]:
    """Steps in roadmap order: dimension, innovation's board order, position, start, id."""
    board = {i.id: n for n, i in enumerate(m.innovations)}
    return sorted(m.bundle.action_steps, key=lambda s: (
        m.dimension_key(step_dimension(m, s)), board.get(s.innovation_id, len(board)),
        s.position, s.start_year, s.activity, s.id or 0))


def steps_by_dimension(m: Minutes) -> dict[str | None, list[ActionStep]]:
    """The steps in roadmap order, grouped by dimension code (dimensions in reference order)."""
    grouped: defaultdict[str | None, list[ActionStep]] = defaultdict(list)
    for step in ordered_steps(m):
        grouped[step_dimension(m, step)].append(step)
    return dict(grouped)


def year_span(steps: list[ActionStep]) -> str:
    """``2025–2027``, or one year, covering every step."""
    first, last = min(s.start_year for s in steps), max(s.end_year for s in steps)
    return str(first) if first == last else f"{first}–{last}"


def plan_row(m: Minutes, code: str | None, steps: list[ActionStep]) -> list[str]:
    """Dimension, innovations with steps, number of steps, years and total budget."""
    innovations = {s.innovation_id for s in steps}
    name = m.dimension_name(code) if code else DASH
    total = sum(s.total for s in steps)
    return [name, str(len(innovations)), str(len(steps)), year_span(steps), format_rupiah(total)]


def plan_totals(m: Minutes) -> str:
    """``In all: 55 steps, pagu indikatif Rp…``."""
    steps = m.bundle.action_steps
    total = format_rupiah(sum(s.total for s in steps))
    return escape(m.t("minutes.action_plans.total", steps=len(steps), budget=total, years=year_span(steps)))

"""Chapter 3: the action plans (rencana aksi) and the roadmap (peta jalan).

The roadmap is one compact table per dimension: a row per step, a column per year of the
horizon, a mark in each year the step runs, and its pagu indikatif.
"""

from __future__ import annotations

from collections import defaultdict

from core.markdown import escape, strong, table
from core.masterplan.common import chapter, subsection
from core.minutes.context import DASH, Minutes, alphabetical
from core.minutes.plans import PLAN_COLUMNS, plan_row, plan_totals, steps_by_dimension
from core.models import ActionStep
from core.rupiah import format_rupiah

RUNS = "●"
"""The mark of a year in which a step runs."""


def roadmap(m: Minutes) -> str:
    """The summary per dimension, the funding sources, and a roadmap table per dimension."""
    grouped = steps_by_dimension(m)
    if not grouped:
        return chapter(m, "masterplan.chapter.roadmap")
    rows = [plan_row(m, code, steps) for code, steps in grouped.items()]
    summary = f"{table([m.t(k) for k in PLAN_COLUMNS], rows)}\n\n{plan_totals(m)}"
    years = roadmap_years(m)
    per_dimension = [_dimension(m, code, steps, years) for code, steps in grouped.items()]
    return chapter(m, "masterplan.chapter.roadmap", summary, funding(m), *per_dimension)


def roadmap_years(m: Minutes) -> list[int]:
    """The horizon's years, widened to any step that starts before or ends after it."""
    w = m.bundle.workshop
    first = min([w.horizon_start, *(s.start_year for s in m.bundle.action_steps)])
    last = max([w.horizon_end, *(s.end_year for s in m.bundle.action_steps)])
    return list(range(first, last + 1))


def funding(m: Minutes) -> str:
    """Steps and pagu indikatif per funding source, largest amount first."""
    steps: defaultdict[str, list[ActionStep]] = defaultdict(list)
    for step in m.bundle.action_steps:
        steps[step.funding_source].append(step)
    order = sorted(steps, key=lambda s: (-sum(x.total for x in steps[s]), alphabetical(s)))
    rows = [[s or DASH, str(len(steps[s])), format_rupiah(sum(x.total for x in steps[s]))] for s in order]
    header = [m.t("masterplan.column.funding"), m.t("minutes.column.steps"), m.t("minutes.column.budget")]
    return f"{strong(m.t('masterplan.roadmap.funding'))}\n\n{table(header, rows)}"


# TODO(merge): core.roadmap (issue 4) lays steps out over years; this table could use it.
def _dimension(m: Minutes, code: str | None, steps: list[ActionStep], years: list[int]) -> str:
    """A dimension's roadmap: number, activity, lead agency, a column per year, budget; in a
    series, the stage each step comes from."""
    header = [
        m.t("minutes.column.number"), m.t("masterplan.column.activity"),
        m.t("minutes.column.lead_agency"), *(str(y) for y in years), m.t("minutes.column.budget"),
        *([m.t("masterplan.column.from_stage")] if m.in_series else []),
    ]
    rows = [step_row(m, n, step, years) for n, step in enumerate(steps, 1)]
    total = escape(m.t("masterplan.roadmap.dimension_total",
                       budget=format_rupiah(sum(s.total for s in steps))))
    return subsection(m.dimension_name(code) if code else DASH, table(header, rows), total)


def step_row(m: Minutes, number: int, step: ActionStep, years: list[int]) -> list[str]:
    """One step's roadmap row."""
    marks = [RUNS if step.start_year <= y <= step.end_year else "" for y in years]
    title = _innovation(m, step.innovation_id)
    activity = f"{step.activity} ({title})" if title else step.activity
    lead = m.agency(step.lead_agency_id) or DASH
    stage = [m.stage_of("action_steps", step.id)] if m.in_series else []
    return [str(number), activity, lead, *marks, format_rupiah(step.total), *stage]


def _innovation(m: Minutes, innovation_id: int) -> str:
    """The title of a step's innovation ('' if unknown)."""
    found = m.innovation_by_id.get(innovation_id)
    return found.title if found else ""

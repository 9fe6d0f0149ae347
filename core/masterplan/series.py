"""The series on the masterplan's first page: each stage held so far, when and where, what the
stage is for (docs/domain.md §2), and what this document takes from it.

Each stage is a workshop file of its own; the next stage's file names the ones before it
(``Workshop.earlier_stages``, written by ``data.carry``) and each carried row its stage of
origin (``Origin``), so the rows a stage brought are counted by their first stage.
"""

from __future__ import annotations

from datetime import date

from core.markdown import strong, table
from core.minutes.context import DASH, Minutes
from core.models import NoteKind, Stage, Stored

COLUMNS = ("stage", "days", "venue", "output", "brought")
"""The series table's columns (``masterplan.series.column.``)."""

COUNTED = ("innovations", "action_steps", "risks", "notes")
"""The rows a stage brings into the document, counted per table (notes: follow-ups and data
requests, the only notes carried)."""


def series(m: Minutes) -> str:
    """The stages so far, oldest first, this one last; '' for a workshop on its own."""
    if not m.in_series:
        return ""
    w = m.bundle.workshop
    rows = [_row(m, held.stage, held.dates, held.venue, _carried_counts(m, held.stage))
            for held in w.earlier_stages]
    known = {held.stage for held in w.earlier_stages}
    rows = [_row(m, stage, [], "", _carried_counts(m, stage)) for stage in _origin_stages(m) - known] + rows
    current = m.t("masterplan.series.this", stage=m.label(w.stage))
    rows.append([current, *_row(m, w.stage, w.dates, w.venue, _own_counts(m))[1:]])
    header = [m.t(f"masterplan.series.column.{c}") for c in COLUMNS]
    return f"{strong(m.t('masterplan.series.title'))}\n\n{table(header, rows)}"


def _origin_stages(m: Minutes) -> set[Stage]:
    """Stages rows were carried from (a file made before stages were named in the header)."""
    return {o.stage for o in m.bundle.origins}


def _row(m: Minutes, stage: Stage, dates: list[date], venue: str, counts: dict[str, int]) -> list[str]:
    days = "; ".join(m.date(day) for day in sorted(set(dates))) or DASH
    return [m.label(stage), days, venue or DASH, m.t(f"masterplan.series.output.{stage.value}"),
            _counts_text(m, counts)]


def _carried_counts(m: Minutes, stage: Stage) -> dict[str, int]:
    """How many rows of each kind this document holds that were first taken at ``stage``."""
    counts = dict.fromkeys(COUNTED, 0)
    for origin in m.bundle.origins:
        if origin.stage == stage and origin.item_table in counts:
            counts[origin.item_table] += 1
    return counts


def _own_counts(m: Minutes) -> dict[str, int]:
    """How many rows of each kind were added in this stage (not carried)."""
    b = m.bundle
    follow_ups = [n for n in b.notes if n.kind in (NoteKind.FOLLOW_UP, NoteKind.DATA_REQUEST)]
    found: dict[str, list[Stored]] = {"innovations": list(b.innovations), "action_steps": list(b.action_steps),
                                      "risks": list(b.risks), "notes": list(follow_ups)}
    return {table: sum(m.origin(table, row.id) is None for row in rows) for table, rows in found.items()}


def _counts_text(m: Minutes, counts: dict[str, int]) -> str:
    """``2 innovations, 3 action steps, 1 follow-up or data request`` (only kinds it has)."""
    parts = [m.t(f"masterplan.series.count.{table}", count=n) for table, n in counts.items() if n]
    return ", ".join(parts) or DASH

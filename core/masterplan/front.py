"""The masterplan's title and what it was drafted from."""

from __future__ import annotations

from core.markdown import bullets, escape, escape_line, heading, strong
from core.masterplan.series import series
from core.minutes.context import DASH, Minutes
from core.models import Stage


def front(m: Minutes) -> str:
    """The title, the facts of the workshop it comes from, the stages of the series so far, and a
    note that it is a draft (at stage IV: the final document, with the commitments signed)."""
    w = m.bundle.workshop
    final = w.stage == Stage.IV
    title = m.t("masterplan.title_final" if final else "masterplan.title", region=w.region, start=w.horizon_start,
                end=w.horizon_end)
    days = "; ".join(m.date(day) for day in sorted(set(w.dates))) or DASH
    fields = [
        (m.t("masterplan.field.region"), w.region),
        (m.t("masterplan.field.horizon"), f"{w.horizon_start}–{w.horizon_end}"),
        (m.t("masterplan.field.source"), m.t("masterplan.source", stage=m.label(w.stage), dates=days)),
        (m.t("masterplan.field.organisation"), w.organiser or DASH),
    ]
    items = bullets(f"{strong(label + ':')} {escape_line(value) or DASH}" for label, value in fields)
    note = m.t("masterplan.final_note" if final else "masterplan.draft_note")
    return "\n\n".join(block for block in [heading(1, title), items, series(m), escape(note)] if block)

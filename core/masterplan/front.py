"""The masterplan's title and what it was drafted from."""

from __future__ import annotations

from core.markdown import bullets, escape, escape_line, heading, strong
from core.minutes.context import DASH, Minutes


def front(m: Minutes) -> str:
    """The title, the facts of the workshop it comes from, and a note that it is a draft."""
    w = m.bundle.workshop
    title = m.t("masterplan.title", region=w.region, start=w.horizon_start, end=w.horizon_end)
    days = "; ".join(m.date(day) for day in sorted(set(w.dates))) or DASH
    fields = [
        (m.t("masterplan.field.region"), w.region),
        (m.t("masterplan.field.horizon"), f"{w.horizon_start}–{w.horizon_end}"),
        (m.t("masterplan.field.source"), m.t("masterplan.source", stage=m.label(w.stage), dates=days)),
        (m.t("masterplan.field.organisation"), w.organiser or DASH),
    ]
    items = bullets(f"{strong(label + ':')} {escape_line(value) or DASH}" for label, value in fields)
    return "\n\n".join([heading(1, title), items, escape(m.t("masterplan.draft_note"))])

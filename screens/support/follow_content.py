"""What a follow view shows for a :class:`~core.live.LiveView`: read from the file, laid out sparse.

The driving terminal publishes only where it is; the follow view reads the content itself
(off the UI thread) and reduces it to what the back of the room can read: a heading, one
large title, a few labelled fields, a short list, or the minutes where the driver reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.agenda import next_item
from core.i18n import _, current_language
from core.live import LiveView
from core.minutes import render_minutes
from core.models import Agency
from core.register import rows_by_cell
from core.risk import assess
from core.risk_export import level_text
from data import agenda, quick_wins
from data.errors import Gone
from data.queries import dimension_summaries
from data.risks import snapshot
from data.store import WorkshopStore
from screens.innovation_detail import read_details

RANKING_LINES = 8
"""How many quick-win candidates the follow view lists."""

RISK_LINES = 8
"""How many risks of the open heatmap cell it lists."""

WHOLE_MINUTES_LINES = 1_500
"""Minutes up to this long are shown whole (a workshop's are a few hundred lines)."""

MINUTES_STRETCH = 300
"""Of longer minutes (the 3,000-card stress workshop's run to 16,000 lines), the lines shown."""


@dataclass(frozen=True)
class Shown:
    """One follow view's worth: every part optional, shown top to bottom."""

    heading: str = ""
    title: str = ""
    fields: list[tuple[str, str]] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    text: str = ""
    """Markdown (the minutes)."""
    scroll: float = 0.0
    """How far down ``text`` the driver has scrolled (0 to 1): the view scrolls its own there."""


def read_shown(store: WorkshopStore, view: LiveView) -> Shown:
    """The content of ``view``, read from ``store`` (call it in a thread worker)."""
    reader = _READERS.get(view.screen)
    return reader(store, view) if reader else Shown(heading=view.title)


def _overview(store: WorkshopStore, view: LiveView) -> Shown:
    workshop = store.workshop()
    heading = _("header.subtitle", region=workshop.region, stage=workshop.stage.value)
    summary = next((s for s in dimension_summaries(store) if s.code == view.dimension), None)
    if summary is None:
        return Shown(heading=heading)
    return Shown(heading=heading, title=summary.name, items=[
        _("overview.tile.innovations", existing=summary.existing, new=summary.new),
        _("overview.tile.quick_wins", candidates=summary.candidates, selected=summary.selected),
        _("overview.tile.risks", risks=summary.high_risks),
        _("overview.tile.notes", notes=summary.notes),
    ])


def _board(store: WorkshopStore, view: LiveView) -> Shown:
    heading = store.reference().dimension(view.dimension).name if view.dimension else view.title
    if view.innovation_id is None:
        return Shown(heading=heading, title=_("follow.no_card"))
    try:
        details = read_details(store, view.innovation_id)
    except Gone:
        return Shown(heading=heading, title=_("follow.no_card"))
    item, names = details.innovation, _names(details.agencies)
    element = details.reference.element(item.element)
    review = item.review_outcome.value if item.review_outcome else "none"
    rows = [
        ("element", f"{element.code} {element.label}"),
        ("status", _(f"boards.enum.InnovationStatus.{item.status.value}")),
        ("review_outcome", _(f"boards.enum.ReviewOutcome.{review}")),
        ("improvement", item.improvement),
        ("lead_agency_id", names.get(item.lead_agency_id, "")),
        ("problem", item.problem),
        ("beneficiaries", item.beneficiaries),
        ("quick_win", _(f"boards.enum.QuickWin.{item.quick_win.value}")),
    ]
    return Shown(heading=heading, title=item.title,
                 fields=[(_(f"boards.field.{name}"), value) for name, value in rows if value])


def _names(agencies: list[Agency]) -> dict[int | None, str]:
    return {a.id: a.abbreviation for a in agencies}


def _heatmap(store: WorkshopStore, view: LiveView) -> Shown:
    found = snapshot(store)
    heading = _("risk.view.residual" if view.residual else "risk.view.inherent")
    if view.cell is None:
        return Shown(heading=heading)
    rows = rows_by_cell(found.rows, view.residual).get(view.cell, [])
    cell = assess(found.reference.risk_scale, *view.cell)
    title = _("risk.cell.title", likelihood=view.cell[0], impact=view.cell[1], magnitude=cell.magnitude,
              level=level_text(cell.band, current_language()), count=len(rows))
    items = [f"{r.risk.code}  {r.risk.event}  ({r.innovation})" for r in rows[:RISK_LINES]]
    if len(rows) > RISK_LINES:
        items.append(_("follow.more", count=len(rows) - RISK_LINES))
    return Shown(heading=heading, title=title, items=items)


def _quick_wins(store: WorkshopStore, view: LiveView) -> Shown:
    scope = None if view.overall or not view.dimension else view.dimension
    ranking = quick_wins.ranking(store, scope)
    name = _("quick_wins.all") if scope is None else store.reference().dimension(scope).name
    items = [
        f"{'▶' if r.innovation.id == view.innovation_id else ' '} {n}. {r.innovation.title} · "
        f"{r.total}/{r.maximum}"
        for n, r in enumerate(ranking[:RANKING_LINES], 1)
    ]
    return Shown(heading=_("quick_wins.title", scope=name), items=items or [_("quick_wins.none")])


def _preview(store: WorkshopStore, view: LiveView) -> Shown:
    bundle = store.bundle()
    text = render_minutes(bundle, view.lang or bundle.workshop.language)
    # All of it, scrolled as far as the driver's: the same fraction of the same document, laid out
    # at another width, is where the driver reads (a stretch of lines picked by that fraction was
    # not: a wide table takes many more rows than lines, and a 60x20 view showed what was passed).
    lines = text.splitlines()
    if len(lines) <= WHOLE_MINUTES_LINES:
        return Shown(heading=_("follow.minutes"), text=text, scroll=view.scroll)
    # Too long to lay out at every change: the stretch around the driver's line, scrolled to it.
    line = round(view.scroll * len(lines))
    top = max(0, min(len(lines) - MINUTES_STRETCH, line - MINUTES_STRETCH // 2))
    stretch = _table_head(lines, top) + lines[top:top + MINUTES_STRETCH]
    return Shown(heading=_("follow.minutes"), text="\n".join(stretch), scroll=(line - top) / MINUTES_STRETCH)


def _table_head(lines: list[str], top: int) -> list[str]:
    """A table's header and rule when ``top`` starts inside its rows, so the stretch is still a table."""
    if not lines[top:top + 1] or not lines[top].startswith("|"):
        return []
    start = top
    while start > 0 and lines[start - 1].startswith("|"):
        start -= 1
    return lines[start:start + 2] if top >= start + 2 else []


def _agenda(store: WorkshopStore, view: LiveView) -> Shown:
    """The running agenda item large (else the next one), with the day's items below it."""
    items = agenda.agenda(store)
    running = next((i for i in items if i.running), None)
    shown = running or next_item(items)
    if shown is None:
        return Shown(heading=_("agenda.title"), title=_("follow.agenda.none"))
    title = _("follow.agenda.running" if running else "follow.agenda.next", title=shown.title)
    fields = [(_(f"agenda.field.{name}"), value) for name, value in [
        ("planned_time", shown.planned_time), ("timebox", str(shown.timebox)), ("lead", shown.lead)] if value]
    if running and running.started_at:
        fields.append((_("follow.agenda.started"), f"{running.started_at:%H.%M}"))
    day = [i for i in items if i.day == shown.day]
    marks = {True: "▶", False: " "}
    return Shown(heading=_("agenda.title"), title=title, fields=fields,
                 items=[f"{marks[i.id == shown.id]} {i.planned_time or '—'}  {i.title}" for i in day])


_READERS = {
    "agenda": _agenda,
    "overview": _overview,
    "board": _board,
    "heatmap": _heatmap,
    "quick_wins": _quick_wins,
    "preview": _preview,
}

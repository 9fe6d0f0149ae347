"""The opening of the minutes and the agenda as planned and as it ran."""

from __future__ import annotations

from datetime import datetime

from core.markdown import escape, table
from core.minutes.context import DASH, Minutes
from core.models import AgendaItem, Role


def _ordered(m: Minutes) -> list[AgendaItem]:
    return sorted(m.bundle.agenda_items, key=lambda i: (i.day, i.position, i.id or 0))


def hour(m: Minutes, moment: datetime) -> str:
    """A moment's time of day as the minutes write it (``08.35``)."""
    return m.clock(f"{moment:%H.%M}")


def opened_at(m: Minutes) -> str:
    """When the meeting opened: the first item's actual start, else the planned start."""
    starts = [i.started_at for i in m.bundle.agenda_items if i.started_at]
    return hour(m, min(starts)) if starts else m.clock(m.bundle.workshop.start_time)


def opening(m: Minutes) -> str:
    """``Rapat dibuka pukul 08.35 WIB oleh Drs. H. Ahmad Fauzi.``"""
    w = m.bundle.workshop
    chair = w.chair or ", ".join(p.name for p in m.people(Role.CHAIR))
    time = opened_at(m)
    zone = w.time_zone.value
    if time and chair:
        line = m.t("minutes.opening.by", time=time, zone=zone, chair=chair)
    elif time:
        line = m.t("minutes.opening.at", time=time, zone=zone)
    else:
        line = ""
    line = line.removesuffix(".") if line.endswith("..") else line  # a name ending in "M.Si."
    return m.section("minutes.section.opening", escape(line) if line else "")


def _actual(m: Minutes, item: AgendaItem) -> str:
    """``08.35–09.20 (+5)``: actual times and minutes over (or under) the timebox."""
    if item.started_at is None:
        return DASH
    if item.ended_at is None:
        return m.t("minutes.agenda.running", start=hour(m, item.started_at))
    taken = round((item.ended_at - item.started_at).total_seconds() / 60)
    return m.t("minutes.agenda.actual", start=hour(m, item.started_at), end=hour(m, item.ended_at),
               difference=f"{taken - item.timebox:+d}")


def agenda(m: Minutes) -> str:
    """The agenda table: planned time, item, topic, timebox, lead, and the actual times."""
    items = _ordered(m)
    if not items:
        return m.section("minutes.section.agenda")
    several_days = len({i.day for i in items}) > 1
    header = [m.t(f"minutes.agenda.column.{c}") for c in ("time", "item", "topic", "timebox", "lead", "actual")]
    rows = [(_planned(m, i, several_days), i.title, _topic(m, i.topic), str(i.timebox), i.lead or DASH,
             _actual(m, i)) for i in items]
    return m.section("minutes.section.agenda", table(header, rows))


def _planned(m: Minutes, item: AgendaItem, several_days: bool) -> str:
    time = m.clock(item.planned_time) or DASH
    return m.t("minutes.agenda.day_time", day=item.day, time=time) if several_days else time


def _topic(m: Minutes, topic: str) -> str:
    """A dimension code as the dimension's name; any other topic as typed."""
    known = {d.code for d in m.bundle.reference.dimensions}
    return m.dimension_name(topic) if topic in known else (topic or DASH)


def closed_at(m: Minutes) -> str:
    """When the meeting closed: the last item's actual end, else the planned end."""
    ends = [i.ended_at for i in m.bundle.agenda_items if i.ended_at]
    return hour(m, max(ends)) if ends else m.clock(m.bundle.workshop.end_time)

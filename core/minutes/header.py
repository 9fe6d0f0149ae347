"""The head of the minutes: title and the header fields (acara, hari/tanggal, pukul, …)."""

from __future__ import annotations

from core.markdown import bullets, escape_line, heading, strong
from core.minutes.context import DASH, Minutes, alphabetical
from core.models import Role


def header(m: Minutes) -> str:
    """The title and the header fields, one bullet each (docs/domain.md §6)."""
    items = [_field(label, value) for label, value in header_fields(m)]
    return f"{heading(1, m.t('minutes.title'))}\n\n{bullets(items)}"


def header_fields(m: Minutes) -> list[tuple[str, str]]:
    """(label, value) of each header field, in plain text; an empty value was not entered."""
    w = m.bundle.workshop
    fields = [
        ("minutes.field.organisation", w.organiser or w.region),
        ("minutes.field.title", w.title),
        ("minutes.field.event", m.t("minutes.event", stage=m.label(w.stage), region=w.region)),
        ("minutes.field.date", "; ".join(m.long_date(day) for day in sorted(set(w.dates)))),
        ("minutes.field.time", time_range(m)),
        ("minutes.field.place", w.venue),
        ("minutes.field.chair", w.chair or _names(m, Role.CHAIR)),
        ("minutes.field.speakers", ", ".join(filter(None, w.speakers)) or _names(m, Role.SPEAKER)),
        ("minutes.field.facilitator", w.facilitator or _names(m, Role.FACILITATOR)),
        ("minutes.field.minute_taker", w.minute_taker or _names(m, Role.MINUTE_TAKER)),
        ("minutes.field.participants", participants_summary(m)),
    ]
    return [(m.t(key), value) for key, value in fields]


def _field(label: str, value: str) -> str:
    """``**Label:** value``, with a dash for an empty value."""
    return f"{strong(label + ':')} {escape_line(value) or DASH}"


def _names(m: Minutes, role: Role) -> str:
    """The names of the participants with ``role``, comma-separated."""
    return ", ".join(p.name for p in m.people(role))


_TIME_KEYS = {
    (True, True): "minutes.time.range",
    (True, False): "minutes.time.from",
    (False, True): "minutes.time.until",
}


def time_range(m: Minutes) -> str:
    """``pukul 08.00 s.d. 16.00 WIB``; open-ended when only one end is known."""
    start, end = (m.clock(m.bundle.workshop.start_time), m.clock(m.bundle.workshop.end_time))
    if not (start or end):
        return ""
    key = _TIME_KEYS[(bool(start), bool(end))]
    return m.t(key, start=start, end=end)


def participants_summary(m: Minutes) -> str:
    """``12 orang dari 5 perangkat daerah (Bappeda, …); daftar hadir terlampir``."""
    agencies = sorted({m.agency(p.agency_id) for p in m.bundle.participants} - {""}, key=alphabetical)
    count = len(m.bundle.participants)
    if not agencies:
        return m.t("minutes.participants.count", count=count)
    names = ", ".join(agencies)
    return m.t("minutes.participants.agencies", count=count, agencies=len(agencies), names=names)

"""The end of the minutes: closing time, next stage, place and date, signature blocks."""

from __future__ import annotations

from collections import Counter

from core.markdown import escape, table
from core.minutes.context import DASH, Minutes
from core.models import Role, Stage

_NEXT_STAGE = {Stage.I: Stage.II, Stage.II: Stage.III, Stage.III: Stage.IV}


def closing(m: Minutes) -> str:
    """The closing section: when the meeting closed, the next stage, and the signatures."""
    lines = [closing_time(m), next_stage(m), captured_by(m), place_and_date(m)]
    return m.section("minutes.section.closing", *(escape(line) for line in lines), signatures(m))


def closing_time(m: Minutes) -> str:
    """``Rapat ditutup pukul 16.00 WIB.``, if the end time is known."""
    end = m.clock(m.bundle.workshop.end_time)
    return m.t("minutes.closed_at", time=end) if end else ""


def next_stage(m: Minutes) -> str:
    """When the next stage (the next Bimtek) takes place, if a date is set."""
    w = m.bundle.workshop
    if w.next_stage_date is None:
        return ""
    when = m.long_date(w.next_stage_date)
    stage = _NEXT_STAGE.get(w.stage)
    if stage is None:
        return m.t("minutes.next_meeting", date=when)
    return m.t("minutes.next_stage", stage=m.label(stage), date=when)


def captured_by(m: Minutes) -> str:
    """``Notes taken by: Sari (12), Ayu (3).``: the terminals the notes were captured in, if known."""
    counts = Counter(note.captured_by for note in m.bundle.notes if note.captured_by)
    if not counts:
        return ""
    names = ", ".join(f"{name} ({count})" for name, count in sorted(counts.items(), key=lambda c: (-c[1], c[0])))
    return m.t("minutes.captured_by", names=names)


def place_and_date(m: Minutes) -> str:
    """``Kabupaten Serang, 2 Juli 2024``: the region and the last workshop day."""
    w = m.bundle.workshop
    if not w.dates:
        return w.region
    return m.t("minutes.place_and_date", place=w.region, date=m.date(max(w.dates)))


def signatures(m: Minutes) -> str:
    """Side-by-side signature blocks of the chair and the minute-taker: name, position, NIP.

    A blank row under the roles leaves room to sign by hand; the HTML export gives a row of
    empty cells the height of a signature (:mod:`core.html`).
    """
    w = m.bundle.workshop
    chair = signatory(m, Role.CHAIR, w.chair)
    minute_taker = signatory(m, Role.MINUTE_TAKER, w.minute_taker)
    header = [m.label(Role.CHAIR), m.label(Role.MINUTE_TAKER)]
    return table(header, [("", ""), *zip(chair, minute_taker, strict=True)])


def signatory(m: Minutes, role: Role, name: str) -> tuple[str, str, str]:
    """Name, position and NIP line of whoever signs for ``role``.

    The participant with that role (the one named in the workshop header, if several) gives
    all three; without one, the header's name stands alone.
    """
    people = m.people(role)
    person = next((p for p in people if p.name == name), people[0] if people else None)
    if person is None:
        return (name or DASH, "", m.t("minutes.nip", nip=DASH))
    return (person.name, person.position, m.t("minutes.nip", nip=person.nip or DASH))

"""Stage IV's commitment sheets (lembar komitmen) as Markdown: a pure function of a bundle.

One sheet per agency that leads an innovation (its innovations and quick wins, with the first
year and indicative budget of their action steps, and a signature block for its head: name,
position, NIP), and one for the head of region over the chosen quick wins. Rendered through the
same document path as the minutes (:mod:`core.exports`), so every export format takes it.
"""

from __future__ import annotations

from core.markdown import document, escape, heading, table
from core.minutes.closing import place_and_date
from core.minutes.context import DASH, Minutes, alphabetical
from core.models import Agency, Bundle, Innovation, Participant, QuickWin
from core.rupiah import format_rupiah

COLUMNS = ("number", "innovation", "dimension", "quick_win", "first_year", "budget")


def render_commitments(bundle: Bundle, lang: str) -> str:
    """The commitment sheets of ``bundle`` in ``lang``."""
    m = Minutes.of(bundle, lang)
    sheets = [_agency_sheet(m, agency) for agency in committing_agencies(m)]
    return document([_title(m), *sheets, _region_sheet(m)])


def committing_agencies(m: Minutes) -> list[Agency]:
    """The agencies that lead an innovation, by abbreviation: one sheet each."""
    leads = {i.lead_agency_id for i in m.bundle.innovations}
    return sorted((a for a in m.bundle.agencies if a.id in leads), key=lambda a: alphabetical(a.abbreviation))


def region_head(m: Minutes) -> str:
    """``Bupati Serang`` or, for a kota, its mayor: who signs the head of region's sheet."""
    region = m.bundle.workshop.region
    return m.t("commitments.region.head_kota" if region.startswith("Kota") else "commitments.region.head",
               region=region)


def _title(m: Minutes) -> str:
    w = m.bundle.workshop
    intro = m.t("commitments.intro", region=w.region, start=w.horizon_start, end=w.horizon_end)
    return f"{heading(1, m.t('commitments.title'))}\n\n{escape(intro)}"


def first_year(m: Minutes, innovation: Innovation) -> str:
    """The first year of an innovation's action steps (a dash when it has none)."""
    years = [s.start_year for s in m.steps_of(innovation.id)]
    return str(min(years)) if years else DASH


def budget(m: Minutes, innovation: Innovation) -> str:
    """The indicative budget of an innovation's action steps (a dash when none)."""
    total = sum(s.total for s in m.steps_of(innovation.id))
    return format_rupiah(total) if total else DASH


def _row(m: Minutes, number: int, innovation: Innovation, fourth: str) -> list[str]:
    return [str(number), innovation.title, m.dimension_name(innovation.dimension), fourth,
            first_year(m, innovation), budget(m, innovation)]


def _agency_sheet(m: Minutes, agency: Agency) -> str:
    """One agency's sheet: what it commits to, then its head's signature."""
    innovations = [i for i in m.innovations if i.lead_agency_id == agency.id]
    rows = [_row(m, n, i, m.label(i.quick_win) if i.quick_win != QuickWin.NONE else DASH)
            for n, i in enumerate(innovations, 1)]
    name = agency.name or agency.abbreviation
    pledge = m.t("commitments.agency.pledge", agency=name, region=m.bundle.workshop.region)
    header = [m.t(f"commitments.column.{c}") for c in COLUMNS]
    head = m.t("commitments.agency.head", agency=agency.abbreviation)
    return "\n\n".join([heading(2, m.t("commitments.agency.title", agency=name)), escape(pledge),
                        table(header, rows), escape(place_and_date(m)), _signature(m, head, head_of(m, agency))])


NOT_THE_HEAD = ("bidang", "bagian", "seksi", "sub", "uptd", "unit")
"""Words that make a ``Kepala …`` the head of a part of the agency, not of the agency."""


def head_of(m: Minutes, agency: Agency) -> Participant | None:
    """The agency's head among the participants (``Kepala Dinas …``), if one was registered;
    otherwise the block is left blank to fill in by hand."""
    staff = [p for p in m.participants if p.agency_id == agency.id]
    return next((p for p in staff if _heads(p.position.casefold())), None)


def _heads(position: str) -> bool:
    return position.startswith("kepala") and not any(word in position.split() for word in NOT_THE_HEAD)


def _signature(m: Minutes, role: str, person: Participant | None) -> str:
    """Room to sign, then name, position and NIP (blank lines to fill by hand when unknown)."""
    name, position, nip = (person.name, person.position, person.nip) if person else ("", "", "")
    blank = m.t("commitments.blank")
    rows = [("",), (name or blank,), (position or blank,), (m.t("minutes.nip", nip=nip or blank),)]
    return table([role], rows)


def _region_sheet(m: Minutes) -> str:
    """The head of region's sheet over the chosen quick wins."""
    region = m.bundle.workshop.region
    chosen = [i for i in m.innovations if i.quick_win == QuickWin.SELECTED]
    rows = [_row(m, n, i, m.agency(i.lead_agency_id) or DASH) for n, i in enumerate(chosen, 1)]
    header = [m.t(f"commitments.column.{c}") for c in COLUMNS]
    header[3] = m.t("commitments.column.lead_agency")
    head = region_head(m)
    pledge = m.t("commitments.region.pledge", head=head, region=region)
    return "\n\n".join([heading(2, m.t("commitments.region.title")), escape(pledge),
                        table(header, rows) if rows else escape(m.t("minutes.none")),
                        escape(place_and_date(m)), _signature(m, head, None)])

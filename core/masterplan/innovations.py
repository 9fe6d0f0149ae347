"""Chapter 2: the innovations, one table per dimension."""

from __future__ import annotations

from core.markdown import table
from core.masterplan.common import chapter, subsection
from core.minutes.context import DASH, Minutes
from core.minutes.reviews import review_details
from core.models import Innovation, QuickWin

INNOVATION_COLUMNS = (
    "minutes.column.number",
    "minutes.column.innovation",
    "minutes.column.element",
    "minutes.column.status",
    "masterplan.column.horizon",
    "minutes.column.lead_agency",
    "masterplan.column.supporting",
    "masterplan.column.programme",
    "minutes.column.quick_win",
)
"""Catalog keys of an innovation table's columns."""


def innovations(m: Minutes) -> str:
    """One subsection per dimension that has innovations."""
    codes = sorted({i.dimension for i in m.innovations}, key=m.dimension_key)
    return chapter(m, "masterplan.chapter.innovations", *(dimension(m, code) for code in codes))


def dimension(m: Minutes, code: str) -> str:
    """A dimension's innovations, in board order."""
    found = [i for i in m.innovations if i.dimension == code]
    rows = [innovation_row(m, n, i) for n, i in enumerate(found, 1)]
    header = [m.t(k) for k in INNOVATION_COLUMNS] + ([m.t("masterplan.column.from_stage")] if m.in_series else [])
    return subsection(m.dimension_name(code), table(header, rows), review_details(m, code))


def innovation_row(m: Minutes, number: int, innovation: Innovation) -> list[str]:
    """Number, title, element, status, horizon, agencies, programme and quick-win place; in a
    series, the stage it comes from too."""
    supporting = ", ".join(filter(None, (m.agency(a) for a in innovation.supporting_agency_ids)))
    quick_win = innovation.quick_win
    return [
        str(number),
        innovation.title,
        m.element_label(innovation.element),
        m.label(innovation.status),
        m.label(innovation.horizon),
        m.agency(innovation.lead_agency_id) or DASH,
        supporting or DASH,
        innovation.programme or DASH,
        m.label(quick_win) if quick_win != QuickWin.NONE else DASH,
        *([m.stage_of("innovations", innovation.id)] if m.in_series else []),
    ]

"""Chapter 1: the strategy per dimension and element, as the innovations put it."""

from __future__ import annotations

from core.markdown import escape, table
from core.masterplan.common import chapter, dimension_codes, subsection
from core.minutes.context import DASH, Minutes, alphabetical
from core.models import Element, InnovationStatus, QuickWin

STRATEGY_COLUMNS = (
    "minutes.column.element",
    "masterplan.column.sense",
    "masterplan.column.existing",
    "masterplan.column.new",
    "masterplan.column.programmes",
)
"""Catalog keys of a dimension's strategy table."""


def strategy(m: Minutes) -> str:
    """One subsection per dimension: a line of counts and a row per element."""
    return chapter(m, "masterplan.chapter.strategy", *(dimension(m, code) for code in dimension_codes(m)))


def dimension(m: Minutes, code: str) -> str:
    """A dimension's subsection."""
    rows = [element_row(m, e) for e in m.bundle.reference.elements_of(code)]
    header = [m.t(key) for key in STRATEGY_COLUMNS]
    return subsection(m.dimension_name(code), escape(counts(m, code)), table(header, rows) if rows else "")


def counts(m: Minutes, code: str) -> str:
    """``7 innovations: 3 existing, 4 new; quick win selected: 1.`` (or none yet)."""
    found = [i for i in m.innovations if i.dimension == code]
    if not found:
        return m.t("masterplan.strategy.none")
    existing = sum(i.status == InnovationStatus.EXISTING for i in found)
    selected = sum(i.quick_win == QuickWin.SELECTED for i in found)
    return m.t("masterplan.strategy.counts", count=len(found), existing=existing,
               new=len(found) - existing, selected=selected)


def element_row(m: Minutes, element: Element) -> list[str]:
    """Element, its sense, its existing and new innovations, the programmes they serve."""
    found = [i for i in m.innovations if i.element == element.code]
    existing = [i.title for i in found if i.status == InnovationStatus.EXISTING]
    new = [i.title for i in found if i.status == InnovationStatus.NEW]
    programmes = sorted({i.programme for i in found if i.programme}, key=alphabetical)
    return [
        f"{element.code} {element.label}",
        element.gloss(m.lang),
        "; ".join(existing) or DASH,
        "; ".join(new) or DASH,
        "; ".join(programmes) or DASH,
    ]

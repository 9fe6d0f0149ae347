"""Chapter 6, at stage IV only: the commitments (lembar komitmen) signed at the close.

Stage IV reviews the book and ends with the head of region and the heads of the agencies
signing commitment sheets (docs/domain.md §2 and §8). The chapter sums the sheets
(:mod:`core.commitments`, exported whole with ``rembuk export commitments``): per agency what it
commits to, from which year and for how much, and who signs; then the head of region over the
quick wins. Earlier stages have no such chapter.
"""

from __future__ import annotations

from core.commitments import committing_agencies, first_year, head_of, region_head
from core.markdown import escape, table
from core.masterplan.common import chapter
from core.minutes.context import DASH, Minutes
from core.models import Agency, QuickWin, Stage
from core.rupiah import format_rupiah

COLUMNS = ("number", "agency", "innovations", "quick_wins", "first_year", "budget", "signatory")
"""The chapter's table columns (``masterplan.commitments.column.``)."""


def commitments(m: Minutes) -> str:
    """Each agency's commitments and signatory, and the head of region's quick wins; '' before stage IV."""
    if m.bundle.workshop.stage != Stage.IV:
        return ""
    rows = [_agency_row(m, n, agency) for n, agency in enumerate(committing_agencies(m), 1)]
    header = [m.t(f"masterplan.commitments.column.{c}") for c in COLUMNS]
    chosen = [i.title for i in m.innovations if i.quick_win == QuickWin.SELECTED]
    region = m.t("masterplan.commitments.region", head=region_head(m), quick_wins="; ".join(chosen) or DASH)
    blocks = [escape(m.t("masterplan.commitments.intro")), table(header, rows) if rows else "", escape(region)]
    return chapter(m, "masterplan.chapter.commitments", *blocks)


def _agency_row(m: Minutes, number: int, agency: Agency) -> list[str]:
    """An agency's innovations and quick wins, their first year and budget, and who signs."""
    led = [i for i in m.innovations if i.lead_agency_id == agency.id]
    quick = [i.title for i in led if i.quick_win == QuickWin.SELECTED]
    years = sorted(y for y in (first_year(m, i) for i in led) if y != DASH)
    total = sum(s.total for i in led for s in m.steps_of(i.id))
    head = head_of(m, agency)
    signatory = f"{head.name} ({head.position})" if head else m.t("masterplan.commitments.unsigned")
    return [str(number), agency.abbreviation, "; ".join(i.title for i in led), "; ".join(quick) or DASH,
            years[0] if years else DASH, format_rupiah(total) if total else DASH, signatory]

"""The masterplan draft as Markdown: a pure, deterministic function of a bundle.

``render_masterplan(bundle, lang)`` writes the chapters of :data:`CHAPTERS` in order, each a
function of the same :class:`~core.minutes.context.Minutes` context the minutes use (its
lookups and sort orders make the document deterministic). A chapter the workshop has no data
for yet says so plainly rather than vanishing. User text is escaped as in the minutes.

The draft grows with the series: in a workshop carried from earlier stages, the title page
names each stage held so far with its days and what it brought, the innovation and roadmap
tables say each row's stage of origin, the appendix lists the carried follow-ups with their
status, and at stage IV a chapter sums the commitments signed.
"""

from __future__ import annotations

from core.masterplan.appendix import appendix
from core.masterplan.commitments import commitments
from core.masterplan.front import front
from core.masterplan.innovations import innovations
from core.masterplan.quickwins import quick_wins
from core.masterplan.riskmgmt import risk_management
from core.masterplan.roadmap import roadmap
from core.masterplan.strategy import strategy
from core.minutes import Minutes, Section, render_sections
from core.models import Bundle

CHAPTERS: tuple[Section, ...] = (
    front,
    strategy,
    innovations,
    roadmap,
    risk_management,
    quick_wins,
    commitments,
    appendix,
)
"""The chapters in document order: title page (with the stages so far), five chapters, the
commitments (stage IV only), the appendix."""


def render_masterplan(bundle: Bundle, lang: str) -> str:
    """The masterplan draft of ``bundle`` as Markdown in ``lang`` (``id`` or ``en``)."""
    return render_sections(Minutes.of(bundle, lang), CHAPTERS)


__all__ = ["CHAPTERS", "render_masterplan"]

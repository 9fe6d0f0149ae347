"""The minutes (notulen) of a workshop as Markdown: a pure, deterministic function of a bundle.

``render_minutes(bundle, lang)`` gives the same bytes for the same bundle: every list is
sorted on a total key and no clock is read. The document is the sections of
:data:`SECTIONS` in order, each a function of a :class:`~core.minutes.context.Minutes`; a
new section is one more function in that tuple.
All user and reference text is escaped (:mod:`core.markdown`), so nothing typed in the room
can add a heading, a table cell or HTML to the document.
"""

from __future__ import annotations

from collections.abc import Callable

from core.markdown import document
from core.minutes.attendance import attendance
from core.minutes.closing import closing
from core.minutes.context import Minutes
from core.minutes.discussion import discussion
from core.minutes.header import header
from core.minutes.outcomes import data_requests, decisions, follow_ups
from core.minutes.plans import action_plans
from core.minutes.quickwins import quick_wins
from core.minutes.risks import risk_register
from core.models import Bundle

Section = Callable[[Minutes], str]
"""A section of the minutes: Markdown blocks, or an empty string to leave it out."""

SECTIONS: tuple[Section, ...] = (
    header,
    discussion,
    decisions,
    follow_ups,
    data_requests,
    quick_wins,
    action_plans,
    risk_register,
    closing,
    attendance,
)
"""The sections in document order (docs/domain.md §6); the attendance list is the attachment."""


def render_minutes(bundle: Bundle, lang: str) -> str:
    """The minutes of ``bundle`` as Markdown in ``lang`` (``id`` or ``en``)."""
    return render_sections(Minutes.of(bundle, lang), SECTIONS)


def render_sections(minutes: Minutes, sections: tuple[Section, ...]) -> str:
    """Render ``sections`` of ``minutes`` into one document (for variants and extensions)."""
    return document(section(minutes) for section in sections)


__all__ = ["SECTIONS", "Minutes", "Section", "render_minutes", "render_sections"]

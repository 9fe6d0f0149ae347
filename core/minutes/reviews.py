"""What the room typed about each innovation on the board: how to improve it, the problem it
solves, who benefits, and the card it is merged into. The minutes and the masterplan both list it
under a dimension's innovations."""

from __future__ import annotations

from core.markdown import bullets, escape, strong
from core.minutes.context import Minutes
from core.models import Innovation


def review_details(m: Minutes, code: str | None) -> str:
    """One bullet per innovation of dimension ``code`` with review detail; nothing if none has."""
    items = [_detail(m, i) for i in m.innovations if i.dimension == code]
    found = [item for item in items if item]
    return f"{strong(m.t('minutes.review.title'))}\n\n{bullets(found)}" if found else ""


def _detail(m: Minutes, innovation: Innovation) -> str:
    """``**Title:** Improvement: …; Problem solved: …; …``, or empty."""
    merged = m.innovation_by_id.get(innovation.merge_into_id) if innovation.merge_into_id else None
    parts = [(key, text) for key, text in [
        ("minutes.review.improvement", innovation.improvement),
        ("minutes.review.problem", innovation.problem),
        ("minutes.review.beneficiaries", innovation.beneficiaries),
        ("minutes.review.merge_into", merged.title if merged else ""),
    ] if text.strip()]
    if not parts:
        return ""
    said = "; ".join(m.t(key, text=" ".join(text.split()).removesuffix(".")) for key, text in parts)
    return f"{strong(escape(innovation.title) + ':')} {escape(said)}"

"""What the masterplan's chapters share: the chapter heading and the "no data yet" line."""

from __future__ import annotations

from core.markdown import escape, heading
from core.minutes.context import Minutes


def chapter(m: Minutes, key: str, *blocks: str) -> str:
    """A level-2 chapter: its heading and blocks, or a line saying there is no data yet."""
    body = [block for block in blocks if block] or [escape(m.t("masterplan.no_data"))]
    return "\n\n".join([heading(2, m.t(key)), *body])


def subsection(title: str, *blocks: str) -> str:
    """A level-3 heading and its non-empty blocks."""
    return "\n\n".join([heading(3, title), *(b for b in blocks if b)])


def dimension_codes(m: Minutes) -> list[str]:
    """The reference dimensions' codes, in reference order."""
    return [d.code for d in sorted(m.bundle.reference.dimensions, key=lambda d: (d.order, d.code))]

"""Chapter 5: the quick wins (program percepatan): the selection, and each selected one."""

from __future__ import annotations

from core.markdown import bullets, escape, escape_line, strong
from core.masterplan.common import chapter, subsection
from core.minutes.context import DASH, Minutes
from core.minutes.quickwins import candidates, criteria_table, score_table, selection_table
from core.models import Innovation, QuickWin
from core.rupiah import format_rupiah


def quick_wins(m: Minutes) -> str:
    """How candidates were scored, the selection, and a profile of each selected quick win."""
    chosen = candidates(m)
    if not chosen:
        return chapter(m, "masterplan.chapter.quick_wins")
    selected = [i for i in chosen if i.quick_win == QuickWin.SELECTED]
    blocks = [escape(m.t("minutes.quick_win.formula")), criteria_table(m), selection_table(m, chosen),
              score_table(m, chosen), *(profile(m, i) for i in selected)]
    return chapter(m, "masterplan.chapter.quick_wins", *blocks)


def profile(m: Minutes, innovation: Innovation) -> str:
    """A selected quick win: where it sits, who leads, what it solves, what it costs."""
    steps = m.steps_of(innovation.id)
    fields = [
        ("minutes.column.element", m.element_label(innovation.element)),
        ("minutes.column.lead_agency", m.agency(innovation.lead_agency_id)),
        ("masterplan.field.problem", innovation.problem),
        ("masterplan.field.beneficiaries", innovation.beneficiaries),
        ("masterplan.column.programme", innovation.programme),
        ("minutes.column.score", str(m.weighted_score(innovation.id))),
        ("minutes.column.steps", str(len(steps))),
        ("minutes.column.budget", format_rupiah(sum(s.total for s in steps))),
    ]
    items = [f"{strong(m.t(key) + ':')} {escape_line(value) or DASH}" for key, value in fields]
    return subsection(innovation.title, bullets(items))

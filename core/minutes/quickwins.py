"""The quick-win selection: candidates with their weighted scores, and which were selected.

A candidate's score is Σ weight × score (1–5) over the quick-win criteria; the weights are the
workshop's own where it set them, else the reference defaults. The section shows the criteria
and their weights, each candidate's total, and the scores it was given per criterion, so a
reader can check every total.
"""

from __future__ import annotations

from core.markdown import escape, strong, table
from core.minutes.context import DASH, Minutes
from core.minutes.figures import best_score
from core.models import Innovation, QuickWin

QUICK_WIN_COLUMNS = (
    "minutes.column.dimension",
    "minutes.column.innovation",
    "minutes.column.lead_agency",
    "minutes.column.quick_win",
)
"""Catalog keys of the quick-win table's columns; the score column follows."""


def quick_wins(m: Minutes) -> str:
    """The quick-win section: the formula, the criteria, the candidates and their scores."""
    chosen = candidates(m)
    if not chosen:
        return m.section("minutes.section.quick_wins")
    blocks = [escape(m.t("minutes.quick_win.formula")), criteria_table(m), selection_table(m, chosen)]
    return m.section("minutes.section.quick_wins", *blocks, score_table(m, chosen))


def candidates(m: Minutes) -> list[Innovation]:
    """Candidates and selections, per dimension: selected first, then by score, then board order."""
    chosen = [i for i in m.innovations if i.quick_win != QuickWin.NONE]
    return sorted(chosen, key=lambda i: (
        m.dimension_key(i.dimension), i.quick_win != QuickWin.SELECTED,
        -m.weighted_score(i.id)))


def criterion_code(m: Minutes, number: int) -> str:
    """``K1`` (kriteria) in Indonesian, ``C1`` in English: the criterion's column name."""
    return m.t("minutes.quick_win.criterion_code", number=number)


def criteria_table(m: Minutes) -> str:
    """Code, name and weight of every criterion; a changed weight shows its default too."""
    weight = m.weights
    rows = [
        [criterion_code(m, n), c.name(m.lang), _weight(m, weight[c.key], c.weight)]
        for n, c in enumerate(m.bundle.reference.quick_win_criteria, 1)
    ]
    if not rows:
        return ""
    header = [m.t("minutes.column.code"), m.t("minutes.column.criterion"), m.t("minutes.column.weight")]
    return f"{strong(m.t('minutes.quick_win.criteria'))}\n\n{table(header, rows)}"


def _weight(m: Minutes, weight: int, default: int) -> str:
    """``3``, or ``3 (default 2)`` when the workshop changed it."""
    if weight == default:
        return str(weight)
    return m.t("minutes.quick_win.weight_changed", weight=weight, default=default)


def _score_header(m: Minutes) -> str:
    """``Score (max 65)``: the score column's title, with the best possible total."""
    criteria = m.bundle.reference.quick_win_criteria
    return m.t("minutes.column.score_of", best=best_score(criteria, m.weights))


def selection_table(m: Minutes, chosen: list[Innovation]) -> str:
    """Dimension, title, lead agency, selection state and weighted score of each candidate."""
    header = [m.t(key) for key in QUICK_WIN_COLUMNS] + [_score_header(m)]
    return table(header, [_selection_row(m, i) for i in chosen])


def _selection_row(m: Minutes, innovation: Innovation) -> list[str]:
    """One candidate's row of the selection table."""
    return [
        m.dimension_name(innovation.dimension),
        innovation.title,
        m.agency(innovation.lead_agency_id) or DASH,
        m.label(innovation.quick_win),
        _total(m, innovation),
    ]


def _total(m: Minutes, innovation: Innovation) -> str:
    """The weighted score, or a dash when no criterion was scored."""
    if not m.scores_of(innovation.id):
        return DASH
    return str(m.weighted_score(innovation.id))


def score_table(m: Minutes, chosen: list[Innovation]) -> str:
    """The scores each candidate was given, one column per criterion, and the total."""
    criteria = m.bundle.reference.quick_win_criteria
    if not criteria or not any(m.scores_of(i.id) for i in chosen):
        return ""
    codes = [criterion_code(m, n) for n in range(1, len(criteria) + 1)]
    header = [m.t("minutes.column.innovation"), *codes, m.t("minutes.column.score")]
    rows = [_score_row(m, i) for i in chosen]
    return f"{strong(m.t('minutes.quick_win.scores'))}\n\n{table(header, rows)}"


def _score_row(m: Minutes, innovation: Innovation) -> list[str]:
    """An innovation's score per criterion (a dash where not scored) and its total."""
    scores = m.scores_of(innovation.id)
    cells = [str(scores[c.key]) if c.key in scores else DASH for c in m.bundle.reference.quick_win_criteria]
    return [innovation.title, *cells, _total(m, innovation)]

"""Read-side queries that aggregate in SQL, so screens stay fast on large workshops."""

from __future__ import annotations

from collections import Counter

from core.models import Note
from core.risk import at_least
from core.summary import DimensionSummary
from data.store import WorkshopStore

HIGH_BAND = "high"
"""The band key from which a risk counts as high on the overview (Tinggi or above)."""


def dimension_summaries(store: WorkshopStore) -> list[DimensionSummary]:
    """One summary per dimension, in the reference order."""
    reference = store.reference()
    counts = _innovation_counts(store)
    elements = Counter({r["element"]: r["n"] for r in store.query(
        "SELECT element, count(*) AS n FROM innovations GROUP BY element")})
    notes = Counter({r["dimension"]: r["n"] for r in store.query(
        "SELECT dimension, count(*) AS n FROM notes GROUP BY dimension")})
    risks = _high_risks(store)
    return [
        DimensionSummary(
            code=d.code, name=d.name, order=d.order, notes=notes[d.code], high_risks=risks[d.code],
            elements={e.code: (e.label, elements[e.code]) for e in reference.elements_of(d.code)},
            **counts.get(d.code, {}),
        )
        for d in sorted(reference.dimensions, key=lambda d: d.order)
    ]


def _innovation_counts(store: WorkshopStore) -> dict[str, dict[str, int]]:
    rows = store.query(
        """SELECT dimension,
                  sum(status = 'existing') AS existing, sum(status = 'new') AS new,
                  sum(quick_win IN ('candidate', 'selected')) AS candidates,
                  sum(quick_win = 'selected') AS selected
           FROM innovations GROUP BY dimension"""
    )
    return {r.pop("dimension"): r for r in rows}


def _high_risks(store: WorkshopStore) -> Counter[str]:
    scale = store.reference().risk_scale
    found: Counter[str] = Counter()
    for row in store.query(
        """SELECT i.dimension, r.likelihood, r.impact, count(*) AS n
           FROM risks r JOIN innovations i ON i.id = r.innovation_id
           GROUP BY i.dimension, r.likelihood, r.impact"""
    ):
        if at_least(scale, row["likelihood"], row["impact"], HIGH_BAND):
            found[row["dimension"]] += row["n"]
    return found


def latest_notes(store: WorkshopStore, limit: int = 5) -> list[Note]:
    """The most recently captured notes, newest first."""
    return store.all(Note, order=("-created_at", "-id"), limit=limit)

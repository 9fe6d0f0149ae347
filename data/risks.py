"""Reading the risk register, switching the risk scale, and the risk appetite.

The register joins each risk to its innovation and agencies in SQL, filtered there too, so
the risk screens stay fast on a large workshop. Levels are never stored: switching the risk
scale (a regency's variant bands) recomputes every level the next time anything is read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.models import Agency, Risk, Workshop
from core.register import RegisterRow, RiskFilter, RiskSnapshot
from data.reference import RISK_SCALES, risk_scale
from data.rows import from_row
from data.store import WorkshopStore

_REGISTER_SQL = """
SELECT r.*, i.title AS _innovation, i.dimension AS _dimension,
       coalesce(la.abbreviation, '') AS _lead, coalesce(oa.abbreviation, '') AS _owner
FROM risks r
JOIN innovations i ON i.id = r.innovation_id
LEFT JOIN agencies la ON la.id = i.lead_agency_id
LEFT JOIN agencies oa ON oa.id = r.owner_agency_id
"""

_JOINED = ("_innovation", "_dimension", "_lead", "_owner")
_ORDER = " ORDER BY i.dimension, i.position, i.id, r.code, r.id"


def _where(filters: RiskFilter) -> tuple[str, dict[str, Any]]:
    """The SQL condition and parameters of a filter."""
    clauses: list[str] = []
    if filters.dimension is not None:
        clauses.append("i.dimension = :dimension")
    if filters.agency_id is not None:
        clauses.append("(i.lead_agency_id = :agency_id OR r.owner_agency_id = :agency_id)")
    if filters.category is not None:
        clauses.append("r.category = :category")
    if filters.innovation_id is not None:
        clauses.append("r.innovation_id = :innovation_id")
    params = {k: v for k, v in vars(filters).items() if v is not None}
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _register_row(row: dict[str, Any]) -> RegisterRow:
    """A register row from a row of ``_REGISTER_SQL`` (whose joined columns it takes out)."""
    innovation, dimension, lead, owner = (row.pop(key) for key in _JOINED)
    return RegisterRow(from_row(Risk, row), innovation, dimension, lead, owner)


def register(store: WorkshopStore, filters: RiskFilter | None = None) -> list[RegisterRow]:
    """The register, across the workshop or narrowed by ``filters``, ordered by dimension."""
    where, params = _where(filters or RiskFilter())
    return [_register_row(row) for row in store.query(_REGISTER_SQL + where + _ORDER, params)]


def innovation_choices(store: WorkshopStore) -> list[tuple[int, str]]:
    """``(id, title)`` of every innovation, by dimension, for picking a risk's innovation."""
    rows = store.query("SELECT id, title FROM innovations ORDER BY dimension, position, id")
    return [(row["id"], row["title"]) for row in rows]


REGISTER_TABLES = frozenset({"risks", "innovations", "agencies", "reference", "workshop"})
"""The tables a :func:`snapshot` reads (their change counts, ``data.schema``)."""


def snapshot(store: WorkshopStore, filters: RiskFilter | None = None) -> RiskSnapshot:
    """Everything the risk screens show, read in one go (call it from a thread worker)."""
    filters = filters or RiskFilter()
    counts = store.counts(REGISTER_TABLES)  # first: a change made while reading is a change since
    return RiskSnapshot(
        reference=store.reference(),
        appetite=store.workshop().risk_appetite,
        rows=register(store, filters),
        agencies=store.all(Agency, order=("abbreviation",)),
        innovations=innovation_choices(store),
        agencies_in_use=agencies_in_use(store),
        categories_in_use=categories_in_use(store),
        filters=filters,
        counts=counts,
    )


def still_current(store: WorkshopStore, shown: RiskSnapshot, filters: RiskFilter) -> bool:
    """Whether reading the register with ``filters`` would give ``shown`` again: the same filters,
    and no table it was read from has changed since (a risk screen coming back from the one it
    opened read 9,000 risks again, and drew them twice)."""
    return shown.counts is not None and shown.filters == filters and store.counts(REGISTER_TABLES) == shown.counts


def read_snapshot(path: Path, filters: RiskFilter | None = None) -> tuple[RiskSnapshot, str]:
    """Open a workshop file, read its register and language, and close it (for exports).

    The file is opened read-only when it, or its folder, is not writable (a copy handed out
    on a read-only share still exports).
    """
    from data.workshops import reading  # with the bundle and the package metadata: for exports only

    with reading(path) as store:
        return snapshot(store, filters), store.workshop().language


def use_risk_scale(store: WorkshopStore, variant: str) -> None:
    """Switch the workshop to a shipped risk scale (``official`` or ``variant``)."""
    reference = store.reference()
    store.save_reference(reference.model_copy(update={"risk_scale": risk_scale(variant)}))


def scale_variant(store: WorkshopStore) -> str | None:
    """Which shipped risk scale the workshop uses (``None``: a regency's own)."""
    current = store.reference().risk_scale
    return next((name for name in RISK_SCALES if risk_scale(name) == current), None)


def toggle_risk_scale(store: WorkshopStore) -> str:
    """Switch between the official and the variant bands; returns the one now in use."""
    target = "official" if scale_variant(store) == "variant" else "variant"
    use_risk_scale(store, target)
    return target


def set_risk_appetite(store: WorkshopStore, appetite: int) -> None:
    """Set the magnitude from which a risk needs treatment (validated: 1..25)."""
    workshop = store.workshop()
    store.save_workshop(Workshop.model_validate(workshop.model_dump() | {"risk_appetite": appetite}))


def categories_in_use(store: WorkshopStore) -> list[str]:
    """The risk categories that some risk has, in alphabetical order."""
    rows = store.query("SELECT DISTINCT category FROM risks WHERE category != '' ORDER BY category")
    return [row["category"] for row in rows]


def agencies_in_use(store: WorkshopStore) -> list[Agency]:
    """Agencies that lead an innovation with risks, or own a risk, by abbreviation."""
    return store.select(Agency, """SELECT * FROM agencies WHERE id IN (
        SELECT i.lead_agency_id FROM risks r JOIN innovations i ON i.id = r.innovation_id
        UNION SELECT owner_agency_id FROM risks) ORDER BY abbreviation""")


def delete_risk(store: WorkshopStore, risk_id: int) -> None:
    """Delete a risk (nothing depends on a risk but notes, which keep their text)."""
    store.delete(Risk, risk_id)


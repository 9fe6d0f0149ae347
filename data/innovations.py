"""The dimension board's queries and moves: cards filtered and grouped, moved, deleted, restored.

Filtering and counting happen in SQL (each count is one grouped scan, not one query per card),
so a board of a 3,000-innovation workshop is read in a few milliseconds. Grouping is a pure
function of the cards and the reference data. Every move is one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from sqlite_utils import Database

from core.models import (
    ActionStep,
    Agency,
    Innovation,
    InnovationStatus,
    QuickWinScore,
    ReferenceData,
    Risk,
    RiskBand,
)
from core.risk import assess
from core.text import clean_line
from data import errors
from data.rows import TABLES, to_row
from data.store import WorkshopStore

SEARCHED_COLUMNS = ("title", "problem", "beneficiaries", "programme", "improvement")
"""The text columns that search-as-you-type looks in."""

NO_AGENCY = "-"
"""The group key of cards without a lead agency, when grouping by agency."""


class Grouping(StrEnum):
    """How a board's cards are grouped into columns."""

    ELEMENT = "element"
    AGENCY = "agency"


@dataclass(frozen=True)
class BoardFilter:
    """What a board shows: one dimension, narrowed by agency, status, candidacy and text."""

    dimension: str
    agency_id: int | None = None
    """Cards led or supported by this agency."""
    status: InnovationStatus | None = None
    candidates_only: bool = False
    """Only quick-win candidates (and selected quick wins)."""
    search: str = ""


@dataclass(frozen=True)
class Card:
    """One innovation as the board shows it, with what is attached to it."""

    innovation: Innovation
    notes: int = 0
    steps: int = 0
    risk: RiskBand | None = None
    """The level of its highest risk, if it has any."""
    merged_into: str = ""
    """The title of the card it is merged into, if its review says *merge*."""


@dataclass
class Group:
    """One column of the board: an element or an agency, with its cards in board order."""

    key: str
    label: str
    cards: list[Card] = field(default_factory=list)


# -- reading ---------------------------------------------------------------------------------


def _where(flt: BoardFilter) -> tuple[str, list[object]]:
    clauses, params = ["dimension = ?"], list[object]([flt.dimension])
    if flt.agency_id is not None:
        clauses.append("(lead_agency_id = ? OR EXISTS (SELECT 1 FROM json_each(supporting_agency_ids)"
                       " WHERE value = ?))")
        params += [flt.agency_id, flt.agency_id]
    if flt.status is not None:
        clauses.append("status = ?")
        params.append(flt.status.value)
    if flt.candidates_only:
        clauses.append("quick_win IN ('candidate', 'selected')")
    for word in flt.search.split():
        clauses.append("(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in SEARCHED_COLUMNS) + ")")
        params += [_like(word)] * len(SEARCHED_COLUMNS)
    return " AND ".join(clauses), params


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def board_cards(store: WorkshopStore, flt: BoardFilter) -> list[Card]:
    """The cards of one dimension that pass ``flt``: existing first, then by position."""
    where, params = _where(flt)
    sql = f"SELECT * FROM innovations WHERE {where} ORDER BY status = 'new', position, id"
    innovations = store.select(Innovation, sql, tuple(params))
    counts = _counts(store, flt.dimension)
    risks = _highest_risks(store, flt.dimension)
    merged = {i.merge_into_id for i in innovations if i.merge_into_id}
    titles = {key: title for title, key in _titles(store, flt.dimension) if key in merged}
    return [
        Card(i, counts["notes"].get(i.stored_id, 0), counts["steps"].get(i.stored_id, 0), risks.get(i.stored_id),
             titles.get(i.merge_into_id, "") if i.merge_into_id else "")
        for i in innovations
    ]


def choices(store: WorkshopStore) -> list[tuple[int, str, str]]:
    """``(id, element, title)`` of every innovation, dimensions in reference order, then by
    element and position: the innovation picker's list (one query, no models to validate)."""
    order = {d.code: d.order for d in store.reference().dimensions}
    rows = store.query("SELECT id, dimension, element, title FROM innovations ORDER BY element, position, id")
    rows.sort(key=lambda row: order.get(row["dimension"], 99))
    return [(row["id"], clean_line(row["element"] or ""), clean_line(row["title"] or "")) for row in rows]


def titles(store: WorkshopStore, dimension: str) -> list[tuple[str, int]]:
    """Every innovation of a dimension as (title, id), by title: what another can merge into."""
    return _titles(store, dimension)


def _titles(store: WorkshopStore, dimension: str) -> list[tuple[str, int]]:
    rows = store.query("SELECT id, title FROM innovations WHERE dimension = ? ORDER BY title COLLATE NOCASE",
                       (dimension,))
    return [(r["title"], r["id"]) for r in rows]


def _counts(store: WorkshopStore, dimension: str) -> dict[str, dict[int, int]]:
    notes = store.query(
        """SELECT n.target_id AS id, count(*) AS n FROM notes n
           JOIN innovations i ON i.id = n.target_id
           WHERE n.target_type = 'innovation' AND i.dimension = ? GROUP BY n.target_id""",
        (dimension,),
    )
    steps = store.query(
        """SELECT s.innovation_id AS id, count(*) AS n FROM action_steps s
           JOIN innovations i ON i.id = s.innovation_id
           WHERE i.dimension = ? GROUP BY s.innovation_id""",
        (dimension,),
    )
    return {"notes": {r["id"]: r["n"] for r in notes}, "steps": {r["id"]: r["n"] for r in steps}}


def _highest_risks(store: WorkshopStore, dimension: str) -> dict[int, RiskBand]:
    scale = store.reference().risk_scale
    highest: dict[int, tuple[int, RiskBand]] = {}
    for row in store.query(
        """SELECT DISTINCT r.innovation_id AS id, r.likelihood, r.impact FROM risks r
           JOIN innovations i ON i.id = r.innovation_id WHERE i.dimension = ?""",
        (dimension,),
    ):
        found = assess(scale, row["likelihood"], row["impact"])
        if row["id"] not in highest or found.magnitude > highest[row["id"]][0]:
            highest[row["id"]] = (found.magnitude, found.band)
    return {key: band for key, (_, band) in highest.items()}


def group_key(innovation: Innovation, grouping: Grouping) -> str:
    """The column a card belongs in under ``grouping``."""
    if grouping is Grouping.ELEMENT:
        return innovation.element
    return str(innovation.lead_agency_id) if innovation.lead_agency_id is not None else NO_AGENCY


def group_cards(cards: list[Card], grouping: Grouping, reference: ReferenceData,
                dimension: str, agencies: list[Agency]) -> list[Group]:
    """The board's columns: every element of the dimension, or each agency that leads a card."""
    if grouping is Grouping.ELEMENT:
        groups = [Group(e.code, f"{e.code} {e.label}") for e in reference.elements_of(dimension)]
    else:
        groups = _agency_groups(cards, agencies)
    by_key = {g.key: g for g in groups}
    for card in cards:
        by_key[group_key(card.innovation, grouping)].cards.append(card)
    return groups


@dataclass(frozen=True)
class BoardReading:
    """Everything a board shows, read in one go: its columns and what its forms and filters need."""

    groups: list[Group]
    agencies: list[Agency]
    reference: ReferenceData
    titles: list[tuple[str, int]]
    """Every card of the dimension, filtered or not, as (title, id): merge targets."""


def read_board(store: WorkshopStore, flt: BoardFilter, grouping: Grouping) -> BoardReading:
    """The board of ``flt``'s dimension through ``flt``, grouped: one reading, off the UI thread."""
    reference = store.reference()
    agencies = store.all(Agency)
    groups = group_cards(board_cards(store, flt), grouping, reference, flt.dimension, agencies)
    return BoardReading(groups, agencies, reference, titles(store, flt.dimension))


def _agency_groups(cards: list[Card], agencies: list[Agency]) -> list[Group]:
    leading = {group_key(c.innovation, Grouping.AGENCY) for c in cards}
    groups = [Group(str(a.id), a.abbreviation) for a in sorted(agencies, key=lambda a: a.abbreviation.lower())
              if str(a.id) in leading]
    if NO_AGENCY in leading:
        groups.append(Group(NO_AGENCY, "—"))
    return groups


# -- moving ----------------------------------------------------------------------------------


def next_position(store: WorkshopStore, dimension: str) -> int:
    """A position after every card of the dimension: where a new or moved card goes."""
    rows = store.query("SELECT max(position) AS p FROM innovations WHERE dimension = ?", (dimension,))
    top = rows[0]["p"]
    return 0 if top is None else top + 1


def create(store: WorkshopStore, innovation: Innovation) -> Innovation:
    """Store a new innovation at the end of its dimension's board."""
    with store.write():
        placed = innovation.model_copy(update={"position": next_position(store, innovation.dimension)})
        return store.save(placed)


def move_to_group(store: WorkshopStore, innovation: Innovation, grouping: Grouping,
                  key: str) -> Innovation:
    """Move a card into another column (another element, or another lead agency), at its end.

    Raises :class:`~data.errors.StaleEdit` or :class:`~data.errors.Gone` if the card changed
    since it was read.
    """
    if grouping is Grouping.ELEMENT:
        change: dict[str, object] = {"element": key}
    else:
        change = {"lead_agency_id": None if key == NO_AGENCY else int(key)}
    with store.write():
        change["position"] = next_position(store, innovation.dimension)
        moved = Innovation.model_validate({**innovation.model_dump(), **change})
        return store.save(moved)


def swap_positions(store: WorkshopStore, first: Innovation,
                   second: Innovation) -> tuple[Innovation, Innovation]:
    """Exchange two cards' places (a reorder by one step), in one transaction.

    Positions are unique within a dimension, so exchanging them reorders the two cards in
    whichever grouping is shown; cards sharing a position (imported data) are spread first.
    """
    with store.write() as db:
        a, b = first.position, second.position
        if a == b:
            _spread(db, first.dimension)
            a, b = (_position(db, item.stored_id) for item in (first, second))
        return (store.save(first.model_copy(update={"position": b})),
                store.save(second.model_copy(update={"position": a})))


def _position(db: Database, innovation_id: int) -> int:
    position: int = db.execute("SELECT position FROM innovations WHERE id = ?", [innovation_id]).fetchone()[0]
    return position


def _spread(db: Database, dimension: str) -> None:
    """Make positions unique (0, 1, 2…) in the current order, without touching versions."""
    rows = db.execute("SELECT id FROM innovations WHERE dimension = ? ORDER BY position, id",
                      [dimension]).fetchall()
    for number, (row_id,) in enumerate(rows):
        db.execute("UPDATE innovations SET position = ? WHERE id = ?", [number, row_id])


# -- deleting and undoing --------------------------------------------------------------------


@dataclass(frozen=True)
class Deleted:
    """Everything a deletion removed: enough to put the innovation back exactly as it was."""

    innovation: Innovation
    steps: list[ActionStep]
    risks: list[Risk]
    scores: list[QuickWinScore]


DEPENDANTS = (ActionStep, Risk, QuickWinScore)
"""The tables whose rows belong to an innovation and go (and come back) with it."""


def delete(store: WorkshopStore, innovation_id: int) -> Deleted:
    """Delete an innovation with its action steps, risks and scores, in one transaction.

    Its notes stay (the minutes keep what was said) and find it again on :func:`restore`.
    """
    with store.write() as db:
        rows = _rows_of(store, innovation_id)
        for cls in DEPENDANTS:
            db.execute(f"DELETE FROM {TABLES[cls]} WHERE innovation_id = ?", [innovation_id])
        db.execute("DELETE FROM innovations WHERE id = ?", [innovation_id])
    return rows


def _rows_of(store: WorkshopStore, innovation_id: int) -> Deleted:
    found = store.all(Innovation, id=innovation_id)
    if not found:
        raise errors.Gone(store.path)
    return Deleted(found[0], store.all(ActionStep, innovation_id=innovation_id),
                   store.all(Risk, innovation_id=innovation_id), store.all(QuickWinScore, innovation_id=innovation_id))


def restore(store: WorkshopStore, deleted: Deleted) -> Innovation:
    """Put a deleted innovation back with everything that went with it, in one transaction.

    It keeps its id (so its notes find it again) unless a new card has taken the id since.
    """
    with store.write() as db:
        item = deleted.innovation
        taken = db.execute("SELECT 1 FROM innovations WHERE id = ?", [item.id]).fetchone()
        row = to_row(item)
        if taken:
            row.pop("id")
        new_id = db.table("innovations").insert(row).last_pk
        for dependant in (*deleted.steps, *deleted.risks, *deleted.scores):
            row = to_row(dependant.model_copy(update={"innovation_id": new_id}))
            if taken and "id" in row:
                row.pop("id")
            db.table(TABLES[type(dependant)]).insert(row)
    return item.model_copy(update={"id": new_id})

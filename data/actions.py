"""Action steps (rencana aksi): one innovation's plan, edited in order, and the roadmap's rows.

Every edit that touches more than one row (insert, duplicate, reorder, delete) is one
transaction, and keeps the innovation's positions 0, 1, 2, … with no gaps. Positions are saved
through the store's version check, so a reorder never silently undoes another terminal's edit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from core.models import ActionStep, Agency, Innovation, QuickWin, Workshop
from core.roadmap import InnovationLine, StepLine
from data.reference import step_priorities
from data.rows import TABLES
from data.store import WorkshopStore

STEP_ORDER = ("position", "id")


@dataclass(frozen=True)
class Plan:
    """What the action plan screen shows: the innovation, its steps and the choices a form offers."""

    innovation: Innovation
    steps: list[ActionStep]
    workshop: Workshop
    agencies: list[Agency]
    funding_sources: list[str]
    priorities: list[str]


def plan(store: WorkshopStore, innovation_id: int) -> Plan:
    """One innovation's action plan; :class:`~data.errors.Gone` if it was deleted."""
    return Plan(
        innovation=store.get(Innovation, innovation_id),
        steps=steps_of(store, innovation_id),
        workshop=store.workshop(),
        agencies=store.all(Agency, order=("abbreviation",)),
        funding_sources=funding_sources(store),
        priorities=priorities(store),
    )


def steps_of(store: WorkshopStore, innovation_id: int) -> list[ActionStep]:
    """The innovation's steps, in order."""
    return store.all(ActionStep, innovation_id=innovation_id, order=STEP_ORDER)


def funding_sources(store: WorkshopStore) -> list[str]:
    """The reference list of funding sources, then any other source a step already uses."""
    return _and_used(store, [label.id for label in store.reference().funding_sources], "funding_source")


def priorities(store: WorkshopStore) -> list[str]:
    """The shipped priority suggestions, then any other priority a step already uses."""
    return _and_used(store, step_priorities(), "priority")


def _and_used(store: WorkshopStore, listed: list[str], column: str) -> list[str]:
    """``listed``, then the other values steps already have in ``column`` (a name from this module)."""
    used = [r[column] for r in store.query(
        f"SELECT DISTINCT {column} FROM action_steps WHERE {column} != '' ORDER BY 1")]
    return listed + [value for value in used if value not in listed]


# -- edits, one transaction each ------------------------------------------------------------


def insert_step(store: WorkshopStore, step: ActionStep, index: int | None = None) -> ActionStep:
    """Insert a new step at ``index`` of its innovation's plan (None: at the end)."""
    with store.write():
        steps = steps_of(store, step.innovation_id)
        index = len(steps) if index is None else max(0, min(index, len(steps)))
        saved = store.save(step.model_copy(update={"id": None, "version": 0, "position": index}))
        steps.insert(index, saved)
        return _renumber(store, steps)[index]


def duplicate_step(store: WorkshopStore, step_id: int) -> ActionStep:
    """A copy of a step, placed right after it."""
    original = store.get(ActionStep, step_id)
    return insert_step(store, original, original.position + 1)


def update_step(store: WorkshopStore, step: ActionStep) -> ActionStep:
    """Save an edited step (refused if someone else saved it in between)."""
    return store.save(step)


def move_step(store: WorkshopStore, step_id: int, delta: int) -> list[ActionStep]:
    """Move a step ``delta`` places up (negative) or down its plan; returns the new order."""
    with store.write():
        moving = store.get(ActionStep, step_id)
        steps = steps_of(store, moving.innovation_id)
        index = next(n for n, s in enumerate(steps) if s.id == step_id)
        target = max(0, min(index + delta, len(steps) - 1))
        steps.insert(target, steps.pop(index))
        return _renumber(store, steps)


def delete_step(store: WorkshopStore, step_id: int) -> ActionStep:
    """Delete a step and close the gap; returns the deleted step (Ctrl+Z, :mod:`data.undo`, puts it back)."""
    with store.write() as db:
        gone = store.get(ActionStep, step_id)
        db.execute(f"DELETE FROM {TABLES[ActionStep]} WHERE id = ?", [step_id])
        _renumber(store, steps_of(store, gone.innovation_id))
        return gone


def _renumber(store: WorkshopStore, steps: list[ActionStep]) -> list[ActionStep]:
    """Give ``steps`` the positions 0, 1, 2, … in list order, saving only those that change."""
    return [
        step if step.position == n else store.save(step.model_copy(update={"position": n}))
        for n, step in enumerate(steps)
    ]


# -- the roadmap ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RoadmapFilter:
    """Which part of the roadmap to show; None means every value."""

    dimension: str | None = None
    agency_id: int | None = None
    """Steps this agency leads, or steps of innovations it leads."""
    funding_source: str | None = None

    @property
    def active(self) -> bool:
        """Whether any filter is set."""
        return any(v is not None for v in (self.dimension, self.agency_id, self.funding_source))


_ROADMAP_SQL = """
SELECT i.id AS innovation_id, i.title, i.dimension, i.quick_win,
       s.id AS step_id, s.activity, s.start_year, s.end_year, s.start_quarter, s.end_quarter,
       s.budget, s.funding_source
FROM innovations i LEFT JOIN action_steps s ON s.innovation_id = i.id
WHERE (:dimension IS NULL OR i.dimension = :dimension)
  AND (:agency IS NULL OR s.lead_agency_id = :agency OR i.lead_agency_id = :agency)
  AND (:source IS NULL OR s.funding_source = :source)
ORDER BY i.dimension, i.element, i.position, i.id, s.position, s.id
"""


def roadmap_lines(store: WorkshopStore, where: RoadmapFilter = RoadmapFilter()) -> list[InnovationLine]:
    """The innovations and steps the filter lets through, in plan order (one query)."""
    params = {"dimension": where.dimension, "agency": where.agency_id, "source": where.funding_source}
    lines: dict[int, tuple[dict[str, Any], list[StepLine]]] = {}
    for row in store.query(_ROADMAP_SQL, params):
        head, steps = lines.setdefault(row["innovation_id"], (row, []))
        if row["step_id"] is not None:
            steps.append(_step_line(row))
    return [
        InnovationLine(i, head["title"], head["dimension"], head["quick_win"] == QuickWin.SELECTED, tuple(steps))
        for i, (head, steps) in lines.items()
    ]


def _step_line(row: dict[str, Any]) -> StepLine:
    budget = {int(year): amount for year, amount in json.loads(row["budget"] or "{}").items()}
    return StepLine(row["step_id"], row["activity"], row["start_year"], row["end_year"], budget,
                    row["funding_source"] or "", row["start_quarter"], row["end_quarter"])

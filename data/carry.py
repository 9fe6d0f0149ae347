"""From one stage to the next: the workshop of stage III begins with what stage II produced.

Carried: the agencies, the participants (not their attendance), the innovations with their
reviews, the action steps, the risks, the quick-win scores and choices, and the follow-ups and
data requests still open. Not carried: other notes, attendance, the agenda (the new stage gets
its own). Rows keep their ids, so references between them hold, and each carried row gets an
:class:`~core.models.Origin` naming the stage and file it came from.
"""

from __future__ import annotations

from pathlib import Path

from core.models import Bundle, FollowUpStatus, HeldStage, NoteKind, Origin, Stage, Stored, Workshop
from data.bundle import ITEMS, new_bundle
from data.rows import TABLES
from data.store import WorkshopStore
from data.workshops import create_workshop, read_bundle

CARRIED = ("agencies", "participants", "innovations", "action_steps", "risks")
"""Bundle fields carried whole."""

CARRIED_KINDS = (NoteKind.FOLLOW_UP, NoteKind.DATA_REQUEST)

NEXT_STAGE = {Stage.I: Stage.II, Stage.II: Stage.III, Stage.III: Stage.IV, Stage.IV: Stage.IV}


def next_workshop(previous: Workshop, stage: Stage) -> Workshop:
    """The next stage's header: the same region, people and horizon; its day is the date the
    previous stage set for it; title, event, times and venue are the new stage's to fill in."""
    days = [previous.next_stage_date] if previous.next_stage_date else []
    return previous.model_copy(update={
        "stage": stage, "dates": days, "next_stage_date": None, "title": "", "event": "",
        "start_time": "", "end_time": "", "venue": "",
    })


def carried_bundle(previous: Bundle, workshop: Workshop, source: str) -> Bundle:
    """The new stage's workshop ``workshop``, holding what ``previous`` carries into it, and
    naming the stages held so far (``previous``'s own last) in its header."""
    before = previous.workshop
    held = HeldStage(stage=before.stage, dates=before.dates, venue=before.venue, source=source)
    workshop = workshop.model_copy(update={"earlier_stages": [*before.earlier_stages, held]})
    fresh = new_bundle(workshop, reference=previous.reference, agency_list="none")
    notes = [n for n in previous.notes if n.kind in CARRIED_KINDS and n.status == FollowUpStatus.OPEN]
    notes = [n.model_copy(update={"agenda_item_id": None}) for n in notes]
    rows = {name: list(getattr(previous, name)) for name in CARRIED} | {"notes": notes}
    origins = [Origin(item_table=TABLES[ITEMS[name]], item_id=row.id, stage=previous.workshop.stage,
                      source_id=row.id, source=source)
               for name, items in rows.items() for row in items if isinstance(row, Stored) and row.id]
    return fresh.model_copy(update={
        **rows,
        "quick_win_weights": previous.quick_win_weights,
        "quick_win_scores": previous.quick_win_scores,
        "origins": _first_origin(previous.origins, origins),
    })


def _first_origin(earlier: list[Origin], now: list[Origin]) -> list[Origin]:
    """A row carried twice (II → III → IV) keeps the stage it was first carried from."""
    first = {(o.item_table, o.item_id): o for o in earlier}
    return [first.get((o.item_table, o.item_id), o) for o in now]


def create_next_stage(path: Path, previous_path: Path, stage: Stage | None = None,
                      header: dict[str, object] | None = None, shared: bool = False) -> WorkshopStore:
    """Create the workshop file of the stage after the one at ``previous_path``; returns its store.

    ``header`` overrides fields of the carried header (already validated by the caller).
    """
    previous = read_bundle(previous_path)
    workshop = next_workshop(previous.workshop, stage or NEXT_STAGE[previous.workshop.stage])
    workshop = Workshop.model_validate({**workshop.model_dump(), **(header or {})})
    return create_workshop(path, carried_bundle(previous, workshop, Path(previous_path).name), shared)

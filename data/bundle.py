"""The JSON bundle: a whole workshop in one file, exported and imported losslessly.

Format: one JSON object, the :class:`core.models.Bundle` model (``rembuk schema`` prints its
JSON Schema). Ids are kept, so references between rows survive the round trip, and the output
is deterministic (sorted keys, fixed indentation): export, import, export gives the same bytes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from core.models import (
    ActionStep,
    Agency,
    Attendance,
    Bundle,
    Innovation,
    Model,
    Note,
    Participant,
    QuickWinScore,
    Risk,
)
from data import errors
from data.reference import default_agencies, reference_data
from data.rows import TABLES, to_row

if TYPE_CHECKING:
    from core.models import ReferenceData, Workshop
    from data.store import WorkshopStore

ITEMS: dict[str, type[Model]] = {
    "agencies": Agency,
    "participants": Participant,
    "attendance": Attendance,
    "innovations": Innovation,
    "action_steps": ActionStep,
    "risks": Risk,
    "notes": Note,
    "quick_win_scores": QuickWinScore,
}
"""Bundle field → model, in an order that satisfies foreign keys on import."""


def read_bundle(store: WorkshopStore) -> Bundle:
    """Read everything in ``store`` into a :class:`Bundle` (the caller holds a transaction)."""
    items = {name: store.all(cls) for name, cls in ITEMS.items()}
    return Bundle(
        workshop=store.workshop(),
        reference=store.reference(),
        quick_win_weights=store.quick_win_weights(),
        **items,
    )


def write_bundle(store: WorkshopStore, bundle: Bundle) -> None:
    """Write a whole bundle into an empty, freshly created store, in one transaction."""
    with store.write() as db:
        db.table("workshop").insert({"id": 1, "data": bundle.workshop.model_dump_json()})
        db.table("reference").insert({"key": "reference", "data": bundle.reference.model_dump_json()})
        if bundle.quick_win_weights:
            weights = json.dumps(bundle.quick_win_weights, sort_keys=True)
            db.table("reference").insert({"key": "quick_win_weights", "data": weights})
        for name, cls in ITEMS.items():
            rows = [to_row(item) for item in getattr(bundle, name)]
            if rows:
                db.table(TABLES[cls]).insert_all(rows)


def new_bundle(workshop: Workshop, reference: ReferenceData | None = None) -> Bundle:
    """A fresh workshop: the shipped reference data and the usual agencies, ids 1..n."""
    agencies = [a.model_copy(update={"id": n}) for n, a in enumerate(default_agencies(), 1)]
    return Bundle(workshop=workshop, reference=reference or reference_data(), agencies=agencies)


def dumps(bundle: Bundle) -> str:
    """The bundle as deterministic JSON text."""
    return json.dumps(bundle.model_dump(mode="json"), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def loads(text: str, source: Path | str = "") -> Bundle:
    """Parse bundle JSON; :class:`~data.errors.BadBundle` with the first problem otherwise."""
    try:
        return Bundle.model_validate_json(text)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise errors.BadBundle(source, f"{where}: {first['msg']}") from exc


def schema() -> str:
    """The JSON Schema of the bundle format."""
    return json.dumps(Bundle.model_json_schema(), indent=2, sort_keys=True) + "\n"

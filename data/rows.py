"""The one place where table rows become core models and back.

List and dict fields (supporting agencies, a step's budget per year) are stored as JSON text;
everything else maps column for column.
"""

from __future__ import annotations

import json
from typing import Any, TypeVar

from core.models import (
    ActionStep,
    Agency,
    AgendaItem,
    Attendance,
    Innovation,
    Model,
    Note,
    Origin,
    Participant,
    QuickWinScore,
    Risk,
)

M = TypeVar("M", bound=Model)

TABLES: dict[type[Model], str] = {
    Agency: "agencies",
    Participant: "participants",
    Attendance: "attendance",
    Innovation: "innovations",
    ActionStep: "action_steps",
    Risk: "risks",
    Note: "notes",
    QuickWinScore: "quick_win_scores",
    AgendaItem: "agenda_items",
    Origin: "origins",
}
"""Which table holds each stored model."""

JSON_COLUMNS = {"supporting_agency_ids", "budget"}


def to_row(model: Model) -> dict[str, Any]:
    """A model as a row: JSON for its list/dict fields, ISO text for dates."""
    row = model.model_dump(mode="json")
    for column in JSON_COLUMNS & row.keys():
        row[column] = json.dumps(row[column], sort_keys=True)
    return row


def from_row(cls: type[M], row: dict[str, Any]) -> M:
    """A row as a model of class ``cls``."""
    values = dict(row)
    for column in JSON_COLUMNS & values.keys():
        values[column] = json.loads(values[column] or "null") or ({} if column == "budget" else [])
    return cls.model_validate({k: v for k, v in values.items() if v is not None})

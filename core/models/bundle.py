"""The whole workshop as one value: the JSON bundle, and the input of every export."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from core.models.base import Model
from core.models.history import HistoryAction
from core.models.innovation import ActionStep, Innovation, QuickWinScore
from core.models.note import Note
from core.models.reference import ReferenceData
from core.models.risk import Risk
from core.models.workshop import Agency, Attendance, Participant, Workshop

BUNDLE_FORMAT: Literal["rembuk-bundle"] = "rembuk-bundle"
BUNDLE_VERSION = 2
"""2 adds the change record (``history``); version 1 bundles still import, with none."""


class Bundle(Model):
    """Everything in one workshop file, losslessly: ``rembuk export bundle`` writes it as JSON.

    Ids are kept, so references between rows (a step's innovation, a note's target) hold
    across an export and import.
    """

    format: Literal["rembuk-bundle"] = BUNDLE_FORMAT
    bundle_version: int = Field(default=BUNDLE_VERSION, ge=1, le=BUNDLE_VERSION)
    workshop: Workshop
    reference: ReferenceData
    quick_win_weights: dict[str, int] = Field(default_factory=dict)
    """Per-workshop weights of the quick-win criteria, by criterion key."""
    agencies: list[Agency] = Field(default_factory=list)
    participants: list[Participant] = Field(default_factory=list)
    attendance: list[Attendance] = Field(default_factory=list)
    innovations: list[Innovation] = Field(default_factory=list)
    action_steps: list[ActionStep] = Field(default_factory=list)
    risks: list[Risk] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)
    quick_win_scores: list[QuickWinScore] = Field(default_factory=list)
    history: list[HistoryAction] = Field(default_factory=list)
    """Every recorded action, oldest first (bundle version 2)."""

    def content(self) -> Bundle:
        """The workshop without its change record: what an undo brings back to where it was."""
        return self.model_copy(update={"history": []})

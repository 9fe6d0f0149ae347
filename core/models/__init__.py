"""The domain models (pydantic v2), one module per part of the domain, re-exported here."""

from core.models.agenda import AgendaItem
from core.models.base import Line, Model, Name, Stored, Text
from core.models.bundle import BUNDLE_VERSION, Bundle
from core.models.enums import (
    FollowUpStatus,
    Horizon,
    InnovationStatus,
    NoteKind,
    QuickWin,
    ReviewOutcome,
    RiskType,
    Role,
    Stage,
    StepStatus,
    TargetType,
    TimeZone,
)
from core.models.history import HistoryAction, HistoryChange
from core.models.innovation import ActionStep, Innovation, QuickWinScore
from core.models.note import Note
from core.models.origin import HeldStage, Origin
from core.models.reference import (
    Criterion,
    Dimension,
    Element,
    Label,
    ReferenceData,
    RiskBand,
    RiskScale,
)
from core.models.risk import Risk
from core.models.workshop import Agency, Attendance, Participant, Workshop

__all__ = [
    "ActionStep", "AgendaItem", "Agency", "Attendance", "BUNDLE_VERSION", "Bundle", "Criterion", "Dimension",
    "Element", "FollowUpStatus", "HeldStage", "HistoryAction", "HistoryChange", "Horizon", "Innovation",
    "InnovationStatus", "Label", "Line", "Model", "Name",
    "Note", "NoteKind", "Origin", "Participant", "QuickWin", "QuickWinScore", "ReferenceData",
    "ReviewOutcome", "Risk", "RiskBand", "RiskScale", "RiskType", "Role", "Stage",
    "StepStatus", "Stored", "TargetType", "Text", "TimeZone", "Workshop",
]

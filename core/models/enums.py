"""The fixed vocabularies of the domain (docs/domain.md). Each value's label is in the catalogs
under ``enum.<class name>.<value>``."""

from __future__ import annotations

from enum import StrEnum


class Stage(StrEnum):
    """The four Bimtek stages."""

    I = "I"  # noqa: E741 - the stage's own name
    II = "II"
    III = "III"
    IV = "IV"


class InnovationStatus(StrEnum):
    """Whether an innovation is already running (sudah berjalan) or new (baru)."""

    EXISTING = "existing"
    NEW = "new"


class ReviewOutcome(StrEnum):
    """What the FGD decided about an existing innovation."""

    CONTINUE = "continue"
    IMPROVE = "improve"
    STOP = "stop"
    MERGE = "merge"


class Horizon(StrEnum):
    """Pendek (≤1 yr), menengah (≤5 yr), panjang (≤10 yr)."""

    SHORT = "short"
    MEDIUM = "medium"
    LONG = "long"


class QuickWin(StrEnum):
    """An innovation's place in quick-win selection."""

    NONE = "none"
    CANDIDATE = "candidate"
    SELECTED = "selected"


class NoteKind(StrEnum):
    """What a captured note records."""

    NOTE = "note"
    DECISION = "decision"
    FOLLOW_UP = "follow_up"
    QUESTION = "question"
    DATA_REQUEST = "data_request"


class Role(StrEnum):
    """A participant's role in the workshop."""

    CHAIR = "chair"
    SPEAKER = "speaker"
    FACILITATOR = "facilitator"
    MINUTE_TAKER = "minute_taker"
    PARTICIPANT = "participant"


class RiskType(StrEnum):
    """Positive risks are opportunities, negative ones threats."""

    NEGATIVE = "negative"
    POSITIVE = "positive"


class StepStatus(StrEnum):
    """Where an action step stands."""

    PLANNED = "planned"
    ONGOING = "ongoing"
    DONE = "done"
    DROPPED = "dropped"


class TargetType(StrEnum):
    """What a note is attached to."""

    WORKSHOP = "workshop"
    DIMENSION = "dimension"
    INNOVATION = "innovation"
    STEP = "step"
    RISK = "risk"

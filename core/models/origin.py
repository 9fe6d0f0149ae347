"""Where a row carried from an earlier stage's workshop file came from, and the stages held
before this one."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from core.models.base import Line, Model
from core.models.enums import Stage


class Origin(Model):
    """A row of ``item_table`` carried in from the workshop of an earlier stage."""

    item_table: Line
    """The table of the carried row (``innovations``, ``notes``, …)."""
    item_id: int
    stage: Stage
    """The stage it was carried from."""
    source_id: int
    """Its id in that stage's file."""
    source: Line = ""
    """That stage's file name."""


class HeldStage(Model):
    """An earlier stage of the series a workshop continues: which, when and where it was held.

    Written when the next stage's file is made from it (``data.carry``), so the masterplan can
    name every stage so far with its days though each stage is a file of its own.
    """

    stage: Stage
    dates: list[date] = Field(default_factory=list)
    venue: Line = ""
    source: Line = ""
    """That stage's workshop file name."""

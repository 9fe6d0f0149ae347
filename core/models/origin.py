"""Where a row carried from an earlier stage's workshop file came from."""

from __future__ import annotations

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

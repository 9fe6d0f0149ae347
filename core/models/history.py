"""The change record: who changed which row, when, and what it held before and after."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import Field, field_validator

from core.models.base import Line, Model
from core.text import clean_text

ChangeOp = Literal["insert", "update", "delete"]
ActionKind = Literal["do", "undo", "redo", "restore"]


def _cleaned(row: dict[str, Any] | None) -> dict[str, Any] | None:
    """Text in a recorded row is cleaned like any text typed: undo may write it back."""
    if row is None:
        return None
    return {k: clean_text(v) if isinstance(v, str) else v for k, v in row.items()}


class HistoryChange(Model):
    """One row inserted, updated or deleted, with its values before (``old``) and after (``new``)."""

    table: Line
    row_key: Line
    """The row's primary key as text (``12``; ``3|2024-07-02`` for a two-column key)."""
    op: ChangeOp
    old: dict[str, Any] | None = None
    new: dict[str, Any] | None = None

    @field_validator("old", "new")
    @classmethod
    def _clean(cls, row: dict[str, Any] | None) -> dict[str, Any] | None:
        return _cleaned(row)


class HistoryAction(Model):
    """One user action: every row it changed, written in the same transaction as the change."""

    id: int
    at: datetime
    terminal: Line
    """The terminal's name (for now the login name, or ``REMBUK_TERMINAL``)."""
    kind: ActionKind = "do"
    reverses: int | None = None
    """For an undo or redo: the action it reversed."""
    reversed_by: int | None = None
    changes: list[HistoryChange] = Field(default_factory=list)

"""The agenda item form (day, planned time, title, topic, timebox, lead) and the free timer's.

Both are the kit's forms (Ctrl+S saves, Escape cancels, each refusal under its field). The
agenda item form saves the item itself (a new one at the end of its day); the timer form starts
the room's one timer (:mod:`data.clock`), with what it is for as its label.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input

from core.agenda import AgendaItemInput, TimerInput
from core.i18n import _
from core.models import AgendaItem
from data import agenda, clock
from data.store import WorkshopStore
from screens.forms.field_form import FieldForm, Saver, model_from
from screens.forms.field_row import FieldRow

ITEM_FIELDS = ("day", "planned_time", "title", "topic", "timebox", "lead")


class AgendaItemForm(FieldForm[AgendaItem]):
    """Create or edit one agenda item; dismisses with it, saved, or ``None``."""

    SMALL = True

    def __init__(self, store: WorkshopStore, item: AgendaItem) -> None:
        super().__init__(store, item, save=agenda.add)

    @staticmethod
    def blank(day: int = 1) -> AgendaItem:
        """An empty item to fill in (not valid until its title is typed)."""
        return AgendaItem.model_construct(id=None, version=0, position=0, day=day, planned_time="", title="",
                                          topic="", timebox=30, lead="", started_at=None, ended_at=None)

    def heading(self) -> str:
        return _("agenda.form.edit" if self.item.id else "agenda.form.new")

    def rows(self) -> ComposeResult:
        for name in ITEM_FIELDS:
            placeholder = _(f"agenda.hint.{name}") if name in ("planned_time", "topic") else ""
            field = Input(str(getattr(self.item, name)), max_length=300, placeholder=placeholder)
            yield FieldRow(name, _(f"agenda.field.{name}"), field)

    def first_field(self) -> str:
        return "title"

    def validate(self, values: dict[str, Any]) -> tuple[AgendaItem | None, dict[str, str]]:
        """The planned time is checked as ``08.30`` (and written so)."""
        typed, errors = model_from(AgendaItemInput, {**self.item.model_dump(), **values})
        return (typed.item() if typed else None), errors


def start_timer(terminal: str) -> Saver[TimerInput]:
    """The timer form's saver: the room's timer, started by ``terminal``, for the minutes typed."""

    def save(store: WorkshopStore, typed: TimerInput) -> TimerInput:
        clock.start(store, typed.seconds, typed.label, started_by=terminal)
        return typed

    return save


class TimerForm(FieldForm[TimerInput]):
    """Start the room's timer for a break or an exercise: what for, and how many minutes."""

    SMALL = True

    def __init__(self, store: WorkshopStore, item: TimerInput, terminal: str) -> None:
        super().__init__(store, item, save=start_timer(terminal))

    def heading(self) -> str:
        return _("agenda.timer.title")

    def rows(self) -> ComposeResult:
        yield FieldRow("label", _("agenda.timer.label"), Input(self.item.label, max_length=300))
        yield FieldRow("minutes", _("agenda.timer.minutes"), Input(str(self.item.minutes), max_length=3))

"""The agenda item form (day, planned time, title, topic, timebox, lead) and the free timer's."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input

from core.agenda import AgendaItemInput, TimerInput
from core.i18n import _
from screens.forms.field_form import FieldForm

ITEM_FIELDS = ("day", "planned_time", "title", "topic", "timebox", "lead")


class AgendaItemForm(FieldForm[AgendaItemInput]):
    """Create or edit one agenda item; dismisses with it (not yet saved) or ``None``."""

    MODEL = AgendaItemInput

    @staticmethod
    def blank(day: int = 1) -> AgendaItemInput:
        """An empty item to fill in (not valid until its title is typed)."""
        return AgendaItemInput.model_construct(id=None, version=0, position=0, day=day, planned_time="",
                                               title="", topic="", timebox=30, lead="", started_at=None,
                                               ended_at=None)

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-panel form-small") as panel:
            panel.border_title = _("agenda.form.edit" if self.item.id else "agenda.form.new")
            panel.border_subtitle = _("boards.form.hint")
            for name in ITEM_FIELDS:
                placeholder = _(f"agenda.hint.{name}") if name in ("planned_time", "topic") else ""
                field = Input(str(getattr(self.item, name)), max_length=300, placeholder=placeholder)
                yield from self.row(name, field, _(f"agenda.field.{name}"))
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#field-title", Input).focus()

    def values(self) -> dict[str, Any]:
        return {name: self.query_one(f"#field-{name}", Input).value for name in ITEM_FIELDS}


class TimerForm(FieldForm[TimerInput]):
    """Start a free timer: what for, and how many minutes."""

    MODEL = TimerInput

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-panel form-small") as panel:
            panel.border_title = _("agenda.timer.title")
            panel.border_subtitle = _("boards.form.hint")
            yield from self.row("label", Input(self.item.label, max_length=300), _("agenda.timer.label"))
            yield from self.row("minutes", Input(str(self.item.minutes), max_length=3), _("agenda.timer.minutes"))
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#field-label", Input).focus()

    def values(self) -> dict[str, Any]:
        return {name: self.query_one(f"#field-{name}", Input).value for name in ("label", "minutes")}

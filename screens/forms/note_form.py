"""Editing a note after it was saved: its text, speaker and kind (the history keeps the old)."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Select

from core.i18n import _
from core.labels import enum_label
from core.models import Note, NoteKind
from screens.forms.field_form import FieldForm


class NoteForm(FieldForm[Note]):
    """One saved note's fields; dismisses with the edited note (not yet saved) or ``None``."""

    MODEL = Note

    def compose(self) -> ComposeResult:
        note = self.item
        kinds = [(enum_label(_, kind), kind.value) for kind in NoteKind]
        with Vertical(classes="form-panel form-small") as panel:
            panel.border_title = _("notes.form.title")
            panel.border_subtitle = _("boards.form.hint")
            yield from self.row("text", Input(note.text, max_length=20_000), _("notes.form.text"))
            yield from self.row("speaker", Input(note.speaker, max_length=300), _("notes.form.speaker"))
            yield from self.row("kind", Select(kinds, value=note.kind.value, allow_blank=False),
                                _("notes.form.kind"))
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#field-text", Input).focus()

    def values(self) -> dict[str, Any]:
        return {
            "text": self.query_one("#field-text", Input).value,
            "speaker": self.query_one("#field-speaker", Input).value,
            "kind": self.select_value("kind"),
        }

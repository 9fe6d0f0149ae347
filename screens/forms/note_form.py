"""Editing a note after it was saved: its text, speaker and kind (the history keeps the old)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input

from core.i18n import _
from core.labels import enum_label
from core.models import Note, NoteKind
from screens.forms.field_form import FieldForm
from screens.forms.field_row import FieldRow
from tui.widgets.choices import Choice


class NoteForm(FieldForm[Note]):
    """One saved note's fields; dismisses with the note, saved, or ``None``."""

    SMALL = True

    def heading(self) -> str:
        return _("notes.form.title")

    def rows(self) -> ComposeResult:
        note = self.item
        kinds = [(enum_label(_, kind), kind.value) for kind in NoteKind]
        yield FieldRow("text", _("notes.form.text"), Input(note.text, max_length=20_000))
        yield FieldRow("speaker", _("notes.form.speaker"), Input(note.speaker, max_length=300))
        yield FieldRow("kind", _("notes.form.kind"), Choice(kinds, value=note.kind.value, allow_blank=False))

"""The next stage from inside the app: where to create its workshop file, and which stage.

A kit form: Ctrl+S creates the file (in the form's worker, carrying this stage's work) and the
form closes with what it created; a path or stage refused is said under its field.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import Input

from core.i18n import _
from core.models import Stage
from core.setup import NextStage
from data.carry import create_next_stage
from data.store import WorkshopStore
from screens.forms.field_form import FieldForm
from screens.forms.field_row import FieldRow
from tui.widgets.choices import Choice


def create_file(store: WorkshopStore, typed: NextStage) -> NextStage:
    """The form's saver: the next stage's file, made from the open workshop."""
    create_next_stage(Path(typed.path).expanduser(), store.path, typed.stage).close()
    return typed


class NextStageForm(FieldForm[NextStage]):
    """Asks for the new file's path and stage, creates it; dismisses with them or ``None``."""

    SMALL = True

    def __init__(self, store: WorkshopStore, item: NextStage) -> None:
        super().__init__(store, item, save=create_file)

    def heading(self) -> str:
        return _("setup.next.title")

    def rows(self) -> ComposeResult:
        yield FieldRow("path", _("setup.next.path"), Input(self.item.path, max_length=300))
        stages = [(_(f"enum.Stage.{s.value}"), s.value) for s in Stage]
        yield FieldRow("stage", _("setup.field.stage"), Choice(stages, value=self.item.stage.value, allow_blank=False))

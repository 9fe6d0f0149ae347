"""The next stage from inside the app: where to create its workshop file, and which stage."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Select

from core.i18n import _
from core.models import Stage
from core.setup import NextStage
from screens.forms.field_form import FieldForm


class NextStageForm(FieldForm[NextStage]):
    """Asks for the new file's path and stage; dismisses with them or ``None``."""

    MODEL = NextStage

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-panel form-small") as panel:
            panel.border_title = _("setup.next.title")
            panel.border_subtitle = _("boards.form.hint")
            yield from self.row("path", Input(self.item.path, max_length=300), _("setup.next.path"))
            stages = [(_(f"enum.Stage.{s.value}"), s.value) for s in Stage]
            yield from self.row("stage", Select(stages, value=self.item.stage.value, allow_blank=False),
                                _("setup.field.stage"))
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#field-path", Input).focus()

    def values(self) -> dict[str, Any]:
        return {"path": self.query_one("#field-path", Input).value, "stage": self.select_value("stage")}

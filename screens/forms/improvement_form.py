"""'How to improve': one line for an existing innovation the FGD wants done better.

Saving it also records the review outcome *improve*, so the facilitator types the idea as the
room says it, without opening the whole card.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input

from core.i18n import _
from core.models import Innovation, ReviewOutcome
from screens.forms.field_form import FieldForm


class ImprovementForm(FieldForm[Innovation]):
    """The improvement of one card; dismisses with the card (not yet saved) or ``None``."""

    MODEL = Innovation

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-panel form-small") as panel:
            panel.border_title = _("boards.improve.title", title=self.item.title)
            panel.border_subtitle = _("boards.form.hint")
            yield from self.row("improvement", Input(self.item.improvement), _("boards.field.improvement"))
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#field-improvement", Input).focus()

    def values(self) -> dict[str, Any]:
        improvement = self.query_one("#field-improvement", Input).value
        return {"improvement": improvement, "review_outcome": ReviewOutcome.IMPROVE}

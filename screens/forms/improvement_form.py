"""'How to improve': one line for an existing innovation the FGD wants done better.

Saving it also records the review outcome *improve*, so the facilitator types the idea as the
room says it, without opening the whole card.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input

from core.i18n import _
from core.models import Innovation, ReviewOutcome
from screens.forms.field_form import FieldForm
from screens.forms.field_row import FieldRow


class ImprovementForm(FieldForm[Innovation]):
    """The improvement of one card; dismisses with the card, saved, or ``None``."""

    SMALL = True

    def heading(self) -> str:
        return _("boards.improve.title", title=self.item.title)

    def rows(self) -> ComposeResult:
        yield FieldRow("improvement", _("boards.field.improvement"), Input(self.item.improvement))

    def values(self) -> dict[str, Any]:
        return {**super().values(), "review_outcome": ReviewOutcome.IMPROVE}

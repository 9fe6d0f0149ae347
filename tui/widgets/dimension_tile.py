"""A dimension tile on the overview: its counts and its three elements."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from core.i18n import _
from core.summary import DimensionSummary


class DimensionTile(Widget, can_focus=True):
    """One dimension: innovations existing and new, quick wins, high risks, notes, elements."""

    DEFAULT_CSS = """
    DimensionTile {
        height: 9;
        border: round $primary-darken-2;
        border-title-color: $text;
        border-title-style: bold;
    }
    DimensionTile:focus {
        border: heavy $accent;
        background: $boost;
    }
    """

    summary: reactive[DimensionSummary | None] = reactive(None, layout=False)
    """The counts shown; set by the screen whenever the workshop changes."""

    def __init__(self, code: str, number: int, **kwargs) -> None:
        super().__init__(id=f"tile-{code.lower()}", **kwargs)
        self.code = code
        self.number = number

    def watch_summary(self, summary: DimensionSummary | None) -> None:
        if summary is not None:
            self.border_title = f"{self.number} {summary.name}"

    def render(self) -> Text:
        summary = self.summary
        if summary is None:
            return Text("…")
        width = max(self.content_size.width, 10)
        lines = [
            _("overview.tile.innovations", existing=summary.existing, new=summary.new),
            _("overview.tile.quick_wins", candidates=summary.candidates, selected=summary.selected),
            _("overview.tile.risks", risks=summary.high_risks),
            _("overview.tile.notes", notes=summary.notes),
        ]
        text = Text("\n".join(line[:width] for line in lines))
        for code, (label, count) in summary.elements.items():
            text.append("\n" + _element_line(code, label, count, width), style="dim" if not count else "")
        return text


def _element_line(code: str, label: str, count: int, width: int) -> str:
    """``GOV-1 Layanan Publik   3``, the label cut to fit ``width``."""
    tail = f" {count}"
    room = width - len(code) - 1 - len(tail)
    label = label if len(label) <= room else label[: max(room - 1, 0)] + "…"
    return f"{code} {label.ljust(room)}{tail}"

"""A dimension tile on the overview: its counts and its three elements."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Region
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

    summary: reactive[DimensionSummary | None] = reactive(None, layout=False, repaint=False)
    """The counts shown; set by the screen whenever the workshop changes. Only the lines that
    changed are redrawn (a saved note changes one count: one line, not the tile)."""

    def __init__(self, code: str, number: int, **kwargs) -> None:
        super().__init__(id=f"tile-{code.lower()}", **kwargs)
        self.code = code
        self.number = number

    def watch_summary(self, old: DimensionSummary | None, summary: DimensionSummary | None) -> None:
        title = f"{self.number} {summary.name}" if summary is not None else None
        if title is not None and title != self.border_title:
            self.border_title = title  # setting it redraws the whole tile, even to the same text
        if old is None or summary is None:
            self.refresh()
            return
        width = self.content_size.width
        before, after = _lines(old, width), _lines(summary, width)
        if len(before) != len(after):
            self.refresh()
            return
        changed = [Region(0, y, width, 1) for y, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
        if changed:
            self.refresh(*changed)

    def render(self) -> Text:
        summary = self.summary
        if summary is None:
            return Text("…")
        text = Text()
        for n, (line, dim) in enumerate(_lines(summary, self.content_size.width)):
            text.append(("\n" if n else "") + line, style="dim" if dim else "")
        return text


def _lines(summary: DimensionSummary, content_width: int) -> list[tuple[str, bool]]:
    """The tile's lines, each with whether it is dimmed (an element with no innovation)."""
    width = max(content_width, 10)
    lines = [
        _("overview.tile.innovations", existing=summary.existing, new=summary.new),
        _("overview.tile.quick_wins", candidates=summary.candidates, selected=summary.selected),
        _("overview.tile.risks", risks=summary.high_risks),
        _("overview.tile.notes", notes=summary.notes),
    ]
    shown = [(line[:width], False) for line in lines]
    shown += [(_element_line(code, label, count, width), not count)
              for code, (label, count) in summary.elements.items()]
    return shown


def _element_line(code: str, label: str, count: int, width: int) -> str:
    """``GOV-1 Layanan Publik   3``, the label cut to fit ``width``."""
    tail = f" {count}"
    room = width - len(code) - 1 - len(tail)
    label = label if len(label) <= room else label[: max(room - 1, 0)] + "…"
    return f"{code} {label.ljust(room)}{tail}"

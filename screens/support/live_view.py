"""What the driving terminal shows, as the small :class:`~core.live.LiveView` it publishes.

Read from the screen on top, on the UI thread and without touching the file: which screen,
which dimension, which card or candidate, which heatmap cell, how far down the minutes. A
screen this module has no case for can say it itself by defining ``live_view()`` (the agenda
screens of the workshop-series work do); any other is shown by its title alone.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from textual.containers import VerticalScroll
from textual.css.query import NoMatches
from textual.screen import ModalScreen, Screen

from core.live import LiveView
from screens.board import BoardScreen
from screens.overview import OverviewScreen
from screens.preview import PreviewScreen
from screens.quick_wins import QuickWinScreen
from screens.risk_heatmap import RiskHeatmapScreen
from tui.widgets.dimension_tile import DimensionTile


@runtime_checkable
class ShowsLive(Protocol):
    """A screen that says itself what a follow view should show of it."""

    def live_view(self) -> LiveView:
        """The view to publish while this screen is on top."""


def describe_stack(stack: list[Screen]) -> LiveView | None:
    """The view of the topmost full screen: the note line or a form over a board shows the board.

    ``None`` while that screen is still being built (its widgets not yet mounted): look again.
    """
    full = [screen for screen in stack if not isinstance(screen, ModalScreen)]
    try:
        return describe(full[-1]) if full else LiveView()
    except NoMatches:
        return None


def describe(screen: Screen) -> LiveView:
    """The view of ``screen`` that the follow views should show."""
    if isinstance(screen, ShowsLive):
        return screen.live_view()
    title = screen.sub_title or screen.title or ""
    if isinstance(screen, OverviewScreen):
        tile = screen.focused
        return LiveView(screen="overview", title=title,
                        dimension=tile.code if isinstance(tile, DimensionTile) else None)
    if isinstance(screen, BoardScreen):
        card = screen.card
        return LiveView(screen="board", title=title, dimension=screen.dimension,
                        innovation_id=card.innovation.id if card else None)
    if isinstance(screen, RiskHeatmapScreen):
        return LiveView(screen="heatmap", title=title, cell=screen.grid.cursor, residual=screen.residual)
    if isinstance(screen, QuickWinScreen):
        current = screen.current
        return LiveView(screen="quick_wins", title=title, dimension=screen.dimension, overall=screen.overall,
                        innovation_id=current.innovation.id if current else None)
    if isinstance(screen, PreviewScreen):
        return LiveView(screen="preview", title=title, scroll=_fraction(screen), lang=screen.lang)
    return LiveView(screen="other", title=title)


def _fraction(screen: PreviewScreen) -> float:
    scroll = screen.query_one("#preview-scroll", VerticalScroll)
    return round(min(1.0, scroll.scroll_y / scroll.max_scroll_y), 3) if scroll.max_scroll_y else 0.0

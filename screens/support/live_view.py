"""What the driving terminal shows, as the small :class:`~core.live.LiveView` it publishes.

Read from the screen on top, on the UI thread and without touching the file: which screen,
which dimension, which card or candidate, which heatmap cell, how far down the minutes. A
screen this module has no case for can say it itself by defining ``live_view()`` (the agenda
screens of the workshop-series work do); any other is shown by its title alone.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Protocol, cast, runtime_checkable

from textual.containers import VerticalScroll
from textual.css.query import NoMatches
from textual.screen import ModalScreen, Screen

from core.live import LiveView
from tui.widgets.dimension_tile import DimensionTile

if TYPE_CHECKING:
    from screens.board import BoardScreen
    from screens.overview import OverviewScreen
    from screens.preview import PreviewScreen
    from screens.quick_wins import QuickWinScreen
    from screens.risk_heatmap import RiskHeatmapScreen


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


def _is(screen: Screen, module: str, name: str) -> bool:
    """Whether ``screen`` is an instance of ``module``'s class ``name``.

    Looked up among the modules already imported, so that describing the first screen does not
    import every other screen at start: a screen whose module was never imported is not open.
    """
    kind = getattr(sys.modules.get(module), name, None)
    return isinstance(kind, type) and isinstance(screen, kind)


def describe(screen: Screen) -> LiveView:
    """The view of ``screen`` that the follow views should show."""
    if isinstance(screen, ShowsLive):
        return screen.live_view()
    title = screen.sub_title or screen.title or ""
    if _is(screen, "screens.overview", "OverviewScreen"):
        tile = cast("OverviewScreen", screen).focused
        return LiveView(screen="overview", title=title,
                        dimension=tile.code if isinstance(tile, DimensionTile) else None)
    if _is(screen, "screens.board", "BoardScreen"):
        board = cast("BoardScreen", screen)
        card = board.card
        return LiveView(screen="board", title=title, dimension=board.dimension,
                        innovation_id=card.innovation.id if card else None)
    if _is(screen, "screens.risk_heatmap", "RiskHeatmapScreen"):
        heatmap = cast("RiskHeatmapScreen", screen)
        return LiveView(screen="heatmap", title=title, cell=heatmap.grid.cursor, residual=heatmap.residual)
    if _is(screen, "screens.quick_wins", "QuickWinScreen"):
        wins = cast("QuickWinScreen", screen)
        current = wins.current
        return LiveView(screen="quick_wins", title=title, dimension=wins.dimension, overall=wins.overall,
                        innovation_id=current.innovation.id if current else None)
    if _is(screen, "screens.preview", "PreviewScreen"):
        preview = cast("PreviewScreen", screen)
        return LiveView(screen="preview", title=title, scroll=_fraction(preview), lang=preview.lang)
    return LiveView(screen="other", title=title)


def _fraction(screen: PreviewScreen) -> float:
    scroll = screen.query_one("#preview-scroll", VerticalScroll)
    return round(min(1.0, scroll.scroll_y / scroll.max_scroll_y), 3) if scroll.max_scroll_y else 0.0

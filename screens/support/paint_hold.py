"""Holding a pushed screen's paint until its first reading is shown and laid out.

Textual paints a pushed screen before it handles its resume and resize, then paints it again
after them (labels, data and scrollbars arriving separately): on a slow link that is two or
three full frames for one key. A screen opened with its reading already in hand, and held, is
drawn once. The board and the risk screens share this one mechanism.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any, Protocol, TypeVar

from textual.screen import Screen

from tui.workers import in_thread

R = TypeVar("R")

HOLD_LIMIT = 0.5
"""Seconds after which the hold is let go whatever happens: the screen never stays blank."""


class PaintHold:
    """One screen's hold on the app's painting (see the module docstring)."""

    def __init__(self, screen: Screen[Any]) -> None:
        self._screen = screen
        self._held: AbstractContextManager[None] | None = None

    @property
    def active(self) -> bool:
        """Whether painting is held back now."""
        return self._held is not None

    def hold(self) -> None:
        """Draw nothing until :meth:`release_after_layout` (call right after the push)."""
        app = self._screen.app
        self._held = app.batch_update()
        self._held.__enter__()
        app.set_timer(HOLD_LIMIT, self.release)  # the app's: it runs even if the screen never does

    def release_after_layout(self) -> None:
        """Let painting go after the layout that follows (scrollbars come with it): on resume."""
        if self._held is not None:
            self._screen.call_after_refresh(self._screen.call_after_refresh, self.release)

    def release(self) -> None:
        """Let painting go now (idempotent)."""
        held, self._held = self._held, None
        if held is not None:
            held.__exit__(None, None, None)


class HeldScreen(Protocol):
    """A screen that holds its paint until it is shown (its own :class:`PaintHold`)."""

    paint_hold: PaintHold


def push_held(opener: Screen[Any], screen: HeldScreen) -> None:
    """Push ``screen`` (built with its reading) and hold its paint until it is shown whole."""
    assert isinstance(screen, Screen)
    opener.app.push_screen(screen)
    screen.paint_hold.hold()  # before its first paint, which comes with the messages the push queued


def open_when_read(opener: Screen[Any], read: Callable[[], R], build: Callable[[R], HeldScreen]) -> None:
    """Read in a worker on ``opener`` (typing ahead waits for it), then push ``build(reading)``
    held: the screen that was showing stays until the new one replaces it in one paint."""
    _read_then_push(opener, read, build)


@in_thread(group="open-when-read", exclusive=True)
def _read_then_push(opener: Screen[Any], read: Callable[[], R], build: Callable[[R], HeldScreen]) -> None:
    reading = read()
    opener.call_later(lambda: push_held(opener, build(reading)))  # a message to the UI thread

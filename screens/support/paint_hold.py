"""Holding a pushed screen's paint until its first reading is shown and laid out.

Textual paints a pushed screen before it handles its resume and resize, then paints it again
after them (labels, data and scrollbars arriving separately): on a slow link that is two or
three full frames for one key. Every workshop screen holds the app's paint from its mount
until its first readings are in and laid out (:class:`~screens.support.opening.OpensInOneFrame`),
so that it is drawn once; a screen opened with its reading already in hand (the board, the risk
screens: :func:`open_when_read`) is held from its push and needs no reading after it.
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
        """Draw nothing until :meth:`release` (holding again while held does nothing)."""
        if self._held is not None:
            return
        app = self._screen.app
        self._held = app.batch_update()
        self._held.__enter__()
        app.set_timer(HOLD_LIMIT, self.release)  # the app's: it runs even if the screen never does

    def release(self) -> None:
        """Let painting go now (idempotent)."""
        held, self._held = self._held, None
        if held is not None:
            held.__exit__(None, None, None)
            # Laid out while held, the screen has nothing left to ask for: it is painted whole
            # now (what the layouts marked is kept, and a first frame is the whole screen).
            self._screen.refresh()


class HeldScreen(Protocol):
    """A screen that holds its paint until it is shown (its own :class:`PaintHold`)."""

    paint_hold: PaintHold


def push_held(opener: Screen[Any], screen: HeldScreen, callback: Callable[[Any], None] | None = None) -> None:
    """Push ``screen`` (built with its reading) and hold its paint until it is shown whole;
    ``callback`` gets what it is dismissed with."""
    assert isinstance(screen, Screen)
    opener.app.push_screen(screen, callback)
    screen.paint_hold.hold()  # before its first paint, which comes with the messages the push queued


def open_when_read(opener: Screen[Any], read: Callable[[], R], build: Callable[[R], HeldScreen],
                   callback: Callable[[Any], None] | None = None) -> None:
    """Read in a worker on ``opener`` (typing ahead waits for it), then push ``build(reading)``
    held: the screen that was showing stays until the new one replaces it in one paint."""
    _read_then_push(opener, read, build, callback)


@in_thread(group="open-when-read", exclusive=True)
def _read_then_push(opener: Screen[Any], read: Callable[[], R], build: Callable[[R], HeldScreen],
                    callback: Callable[[Any], None] | None) -> None:
    reading = read()
    opener.call_later(lambda: push_held(opener, build(reading), callback))  # a message to the UI thread

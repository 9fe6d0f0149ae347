"""The agenda clock in the header of every screen: the running item, with its time left or
over, as words and digits (``FGD Smart Governance · 12:40 left``). A free timer is the room's
timer, which the header's room line shows (:mod:`tui.room`).

It reads the stored start and end times every :data:`READ_EVERY` seconds (another terminal may
start an item) and redraws every second from them, so nothing depends on it ticking: after a
restart it shows the right time at once. Hidden while nothing runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from core.agenda import Countdown, countdowns, header_text
from core.i18n import current_language, translator
from data.agenda import agenda
from data.store import WorkshopStore
from tui.workers import in_thread

READ_EVERY = 2
"""Seconds between reads of the stored agenda."""


class AgendaClock(Static):
    """What runs against the clock now, docked at the right of a screen's header."""

    DEFAULT_CSS = """
    AgendaClock {
        dock: right;
        width: auto;
        max-width: 75%;
        height: 1;
        padding: 0 1;
        text-style: bold reverse;
    }
    AgendaClock.-idle {
        display: none;
    }
    """

    running: reactive[tuple[Countdown, ...]] = reactive(tuple, always_update=True)
    """What is counting down, as last read from the file."""

    @dataclass
    class Read(Message):
        """The countdowns, read in a worker."""

        running: tuple[Countdown, ...]

    def __init__(self, store: WorkshopStore, now: Callable[[], datetime] = datetime.now) -> None:
        super().__init__("", markup=False, classes="-idle")
        self.store = store
        self.now = now
        self._ticks = 0
        self._shown: str | None = None
        """The text last drawn (None: nothing drawn yet)."""

    def on_mount(self) -> None:
        self.read()
        self.set_interval(1, self.tick)

    def tick(self) -> None:
        """Every second: redraw; every few seconds, read the file again (on the screen shown)."""
        if not self.screen.is_current:
            return
        self._ticks += 1
        if self._ticks % READ_EVERY == 0:
            self.read()
        self.show()

    @in_thread(group="agenda-clock", exclusive=True)
    def read(self) -> None:
        """Read the agenda off the UI thread."""
        self.post_message(self.Read(tuple(countdowns(agenda(self.store)))))

    def on_agenda_clock_read(self, message: Read) -> None:
        message.stop()
        self.running = message.running

    def watch_running(self) -> None:
        self.show()

    def show(self) -> None:
        """Draw the countdowns as they stand now."""
        text = header_text(list(self.running), self.now(), translator(current_language()))
        if text == self._shown:
            return  # nothing to draw: an idle clock writes nothing, a running one only its line
        self._shown = text
        self.set_class(not text, "-idle")
        self.update(text)

"""The follow view for the projector: what the driving terminal shows, for the back of the room.

Large and sparse: one heading, one title, a few labelled fields or a short list, the room's
clock in big digits. It reads the file four times a second (off the UI thread) and writes
nothing, so it runs on a file it may only read, and any number may run at once. When the
driving terminal stops beating, it says so and keeps showing the last view.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Digits, Label, Markdown, Static

from core.i18n import _
from core.live import LiveView, Room, RoomTimer, clock_text
from data.room import read_room
from data.store import WorkshopStore
from screens.support.follow_content import Shown, read_shown
from tui.keys import Translated
from tui.workers import in_thread

LOOK_SECONDS = 0.25
"""How often the file is read: with the driver's own 0.25 s, a move shows within a second."""


class MinutesScroll(VerticalScroll, can_focus=False):
    """The minutes, scrolled by the driver only: no key of the room's moves them."""

    fraction = 0.0
    """How far down the driver has scrolled (0 to 1)."""

    def follow(self, fraction: float) -> None:
        """Scroll as far down as the driver has, now and whenever the minutes are laid out again."""
        self.fraction = fraction
        self.scroll_to(y=round(fraction * self.max_scroll_y), animate=False)

    def on_resize(self) -> None:
        """The view resized: scroll to the driver's place again."""
        self.call_after_refresh(lambda: self.follow(self.fraction))  # the fraction then, not now

    def watch_virtual_size(self) -> None:
        """The minutes laid out again (at first, when the scroll bar comes): the same."""
        self.call_after_refresh(lambda: self.follow(self.fraction))


class FollowScreen(Translated, Screen[None]):
    """Follows the driving terminal; ``q`` quits, nothing else does anything."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [Binding("q,escape", "app.quit", "keys.quit", id="follow.quit")]

    room: reactive[Room | None] = reactive(None, init=False)
    """Who drives, who is here, the room's timer."""

    @dataclass
    class Seen(Message):
        """The room read from the file, and the driver's view's content when it changed."""

        room: Room
        shown: Shown | None

    def __init__(self, store: WorkshopStore) -> None:
        super().__init__(id="follow")
        self.store = store
        self._view: LiveView | None = None
        self._content_version = -1
        self._text = ""

    def compose(self) -> ComposeResult:
        yield Label(_("follow.waiting"), id="follow-status", markup=False)
        with Horizontal(id="follow-clock-row"):
            yield Label("", id="follow-clock-label", markup=False)
            yield Digits("", id="follow-clock")
        with Vertical(id="follow-body"):
            yield Label("", id="follow-heading", markup=False)
            yield Label("", id="follow-title", markup=False)
            yield Static("", id="follow-fields")
            with MinutesScroll(id="follow-scroll"):
                yield Markdown("", id="follow-text")

    def on_mount(self) -> None:
        self.look()
        self.set_interval(LOOK_SECONDS, self.look)
        self.set_interval(1.0, self._show_room)

    def look(self) -> None:
        """Read the room, unless the last read is still under way (a slow disk, a busy CPU)."""
        if not any(w.group == "follow" and not w.is_finished for w in self.workers):
            self._read()

    @in_thread(group="follow")
    def _read(self) -> None:
        store = self.store
        room = read_room(store)
        view, version = room.driver.view if room.driver else None, store.content_version()
        shown = None
        if view is not None and (view != self._view or version != self._content_version):
            shown = read_shown(store, view)
            self._view, self._content_version = view, version  # only once read: a failure retries
        self.post_message(self.Seen(room, shown))

    async def on_follow_screen_seen(self, message: Seen) -> None:
        self.room = message.room
        if message.shown is not None:
            await self._show(message.shown)

    def watch_room(self) -> None:
        self._show_room()

    # -- showing -----------------------------------------------------------------------------

    async def _show(self, shown: Shown) -> None:
        self.query_one("#follow-heading", Label).update(shown.heading)
        self.query_one("#follow-title", Label).update(shown.title)
        self.query_one("#follow-fields", Static).update(_fields(shown))
        self.set_class(bool(shown.text), "-text")
        if shown.text != self._text:  # the driver scrolling only moves the view: nothing to lay out again
            self._text = shown.text
            await self.query_one("#follow-text", Markdown).update(shown.text)
        self.query_one(MinutesScroll).follow(shown.scroll)

    def _show_room(self) -> None:
        if self.room is None:
            return
        now = time.time()
        self.query_one("#follow-status", Label).update(status_line(self.room, now))
        driver = self.room.driver
        self.set_class(driver is not None and not driver.alive(now), "-driver-gone")
        self._show_clock(self.room.timer, now)

    def _show_clock(self, timer: RoomTimer | None, now: float) -> None:
        self.set_class(timer is not None, "-timer")
        self.set_class(timer is not None and timer.ended(now), "-time-up")
        if timer is None:
            return
        left = timer.remaining(now)
        label = timer.label or _("follow.timer")
        self.query_one("#follow-clock-label", Label).update(label if left else f"{label} · {_('room.time_up')}")
        self.query_one("#follow-clock", Digits).update(clock_text(left))


def status_line(room: Room, now: float) -> str:
    """Who drives (or that the driver is gone, and since when) and how many are connected."""
    connected = _("room.connected", count=len(room.terminals))
    driver = room.driver
    if driver is None:
        return f"{_('follow.nobody_drives')} · {connected}"
    if not driver.alive(now):
        return f"{_('follow.driver_gone', name=driver.name, seconds=driver.gone_for(now))} · {connected}"
    return f"▶ {_('room.drives', name=driver.name)} · {connected}"


def _fields(shown: Shown) -> Text:
    text = Text()
    for label, value in shown.fields:
        text.append(f"{label}: ", style="bold")
        text.append(f"{value}\n")
    for item in shown.items:
        text.append(f"{item}\n")
    return text

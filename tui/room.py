"""The app's side of the live room: announce this terminal, drive, publish the view, the clock.

Every file access runs off the UI thread through :func:`~tui.workers.in_thread`. A heartbeat
every :data:`~core.live.HEARTBEAT_SECONDS` keeps this terminal's presence row fresh; once a
second the room (who is here, who drives, the timer) is read back and shown in the header.
The driving terminal looks at its screen four times a second, on the UI thread and without
SQL, and writes the view only when it changed: a burst of keys costs one write, not one per
key. When the room's timer ends, the driving terminal rings the bell once.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass

from textual.app import App
from textual.binding import Binding
from textual.message import Message

from core.agenda import shortened
from core.i18n import _
from core.live import HEARTBEAT_SECONDS, LiveView, Room, Terminal, TerminalRole, clock_text
from data import clock, presence
from data.errors import StoreError
from data.room import read_room
from data.store import WorkshopStore
from screens.support.live_view import describe_stack
from tui.workers import in_thread

LOOK_SECONDS = 0.25
"""How often the driving terminal compares its screen with what it last published."""

ROOM_SECONDS = 1.0
"""How often the room is read back: a change shows in the header within a second."""


@dataclass
class RoomSeen(Message):
    """The room as just read from the file."""

    room: Room


class RoomMember(App[None]):
    """An app that takes part in the live room of its workshop file (see the module docstring)."""

    _in_room = False
    """Joined and not yet left: leaving happens once, on whichever way out comes first."""

    BINDINGS = [
        Binding("f7", "drive", "keys.room.drive", show=False, id="room.drive"),
        Binding("f8", "timer", "keys.room.timer", show=False, id="room.timer"),
    ]

    def join_room(self, store: WorkshopStore, terminal: Terminal, base_title: str) -> None:
        """Announce ``terminal`` on ``store`` and keep the header's room line up to date."""
        self._room_store, self.terminal, self._base_title = store, terminal, base_title
        self.room = Room()
        self._published: LiveView | None = None
        self._rung_for: float | None = None
        self._beats = 0
        self._in_room = True
        self._enter_room()
        self.set_interval(ROOM_SECONDS, self._read_room_unless_busy)
        self.set_interval(LOOK_SECONDS, self._look)

    @property
    def drives(self) -> bool:
        """This terminal drives the follow views."""
        return self.room.driver is not None and self.room.driver.terminal_id == self.terminal.id

    # -- the file ----------------------------------------------------------------------------

    @in_thread(group="room")
    def _enter_room(self) -> None:
        presence.join(self._room_store, self.terminal)
        if self.terminal.role is TerminalRole.FACILITATOR:
            presence.drive_if_free(self._room_store, self.terminal, LiveView())
        self._read_room()

    def _read_room_unless_busy(self) -> None:
        if not any(w.group == "room" and not w.is_finished for w in self.workers):
            self._beat_and_read()

    @in_thread(group="room")
    def _beat_and_read(self) -> None:
        self._beats += 1
        if self._beats % round(HEARTBEAT_SECONDS / ROOM_SECONDS) == 0:
            presence.beat(self._room_store, self.terminal)
        self._read_room()

    def _read_room(self) -> None:
        store = self._room_store
        self.post_message(RoomSeen(read_room(store)))

    @in_thread(group="room-publish")
    def _publish(self, view: LiveView) -> None:
        presence.publish(self._room_store, self.terminal, view)

    @in_thread(group="room")
    def _take_over(self, view: LiveView) -> None:
        presence.take_over(self._room_store, self.terminal, view)
        self._read_room()

    @in_thread(group="room")
    def _set_timer(self, minutes: int) -> None:
        if minutes:
            clock.start(self._room_store, minutes * 60, started_by=self.terminal.name)
        else:
            clock.stop(self._room_store)
        self._read_room()

    def leave_room(self) -> None:
        """Remove this terminal's row at once on the way out (synchronously: no worker runs then).

        Safe to call twice; a file that cannot be written leaves the row to go stale instead.
        """
        if not self._in_room:
            return
        self._in_room = False
        with contextlib.suppress(StoreError):
            presence.leave(self._room_store, self.terminal.id)

    # -- the UI ------------------------------------------------------------------------------

    def on_room_seen(self, message: RoomSeen) -> None:
        self.room = message.room
        self._show_room()

    def _look(self) -> None:
        """Publish the view if this terminal drives and its screen moved; tick the clock."""
        if not self.screen_stack:  # the app is closing (or not yet open): nothing to publish or show
            return
        publishing = any(w.group == "room-publish" and not w.is_finished for w in self.workers)
        settled = self.focused is not None  # nothing focused: a screen being built or torn down
        if self.drives and settled and not publishing:  # one write in flight: the next look catches up
            view = describe_stack(self.screen_stack)
            if view is not None and view != self._published:
                self._published = view
                self._publish(view)
        self._show_room()

    def _show_room(self) -> None:
        self.title = " · ".join([self._base_title, *room_line(self.room, self.terminal, time.time())])
        timer = self.room.timer
        if timer and timer.ended(time.time()) and self.drives and self._rung_for != timer.ends_at:
            self._rung_for = timer.ends_at
            self.bell()

    def action_drive(self) -> None:
        """Drive the follow views from this terminal (whoever drove before stops)."""
        self._published = view = describe_stack(self.screen_stack) or LiveView()
        self._take_over(view)
        self.notify(_("room.notify.driving"))


    def action_timer(self) -> None:
        """Start the room's timer for a number of minutes (0 stops it), for every terminal."""
        from screens.dialogs.timer_dialog import TimerDialog  # imported when used: start-up time matters

        def chosen(minutes: int | None) -> None:
            if minutes is not None:
                self._set_timer(minutes)

        self.push_screen(TimerDialog(), chosen)


def room_line(room: Room, me: Terminal, now: float) -> list[str]:
    """The header's room parts: how many terminals, who drives, the clock.

    Nothing while this terminal is alone on the file and drives it with no timer running: then
    there is nothing to tell, and the header keeps its room for the workshop's name.
    """
    driver, timer = room.driver, room.timer
    mine = driver is not None and driver.terminal_id == me.id
    if len(room.terminals) <= 1 and mine and timer is None:
        return []
    parts = [_("room.connected", count=max(1, len(room.terminals)))]
    if mine:
        parts.append(_("room.you_drive"))
    elif driver is not None and driver.alive(now):
        parts.append(_("room.drives", name=driver.name))
    if timer is not None:
        left = timer.remaining(now)
        shown = _("room.timer", clock=clock_text(left)) if left else _("room.time_up")
        parts.append(_("room.timer_for", label=shortened(timer.label), timer=shown) if timer.label else shown)
    return parts

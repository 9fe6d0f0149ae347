"""Typing ahead: every key from the terminal is handled completely before the next is routed.

Textual routes a key to whatever has focus *when the key is read*, and a key that opens
something (``n`` opens the note line, ``a`` a form, Tab moves to the next field) takes effect
a few messages later. Over a slow SSH link keys arrive in bursts, so ``n`` followed at once by
the note's words sent the words to the board, where they were lost or taken as commands.

:class:`OrderedKeys` holds each key (and paste) until the one before has settled: it has been
through the widget it went to and up to the app's bindings, and any screen it opened has
read its data and taken focus. Text typed into a focused text field goes straight on (the
field keeps it in order, and text cannot move focus), so ordinary typing costs nothing. A
widget can also hold typing while it finishes something (the note line, while a note is
committed) with :meth:`OrderedKeys.hold_keys`; what is typed meanwhile waits, in order, and is
never dropped.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from textual import events
from textual.app import App
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input

SETTLE_LIMIT = 0.5
"""Seconds after which a key counts as settled whatever happens (a node removed midway)."""

OPENING_LIMIT = 3.0
"""Seconds a key that opened a screen may wait for that screen's first data."""

LOAD_POLL = 0.01
"""How often (seconds) an opening screen's workers are looked at."""

HOLD_LIMIT = 15.0
"""Seconds after which a hold lets typing through even if its owner never released it."""


class KeyHold:
    """Typing waits while this is held; :meth:`release` (idempotent) lets it through in order."""

    def __init__(self, on_release: Callable[[KeyHold], None]) -> None:
        self._on_release = on_release
        self.released = False

    def release(self) -> None:
        """Let held typing through (again: nothing)."""
        if not self.released:
            self.released = True
            self._on_release(self)


class OrderedKeys(App[None]):
    """An app whose keys and pastes are handled one at a time, in the order they were typed."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._waiting: deque[events.Event] = deque()
        self._holds: set[KeyHold] = set()
        self._settling: int | None = None
        self._settle_timer: Timer | None = None
        self._routed = 0

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            self._waiting.append(event)
            await self._route_next()
            return
        await super().on_event(event)

    def hold_keys(self) -> KeyHold:
        """Hold typing until the returned hold is released (or :data:`HOLD_LIMIT` passes)."""
        hold = KeyHold(self._released)
        self._holds.add(hold)
        self.set_timer(HOLD_LIMIT, hold.release)
        return hold

    def _released(self, hold: KeyHold) -> None:
        self._holds.discard(hold)
        self.call_later(self._route_next)

    async def _route_next(self) -> None:
        """Route the waiting keys in order, unless one is settling or typing is held.

        Text typed or pasted into a focused text field is routed straight on: the field takes
        it in the order it came and it cannot move focus. Any other key waits to settle.
        """
        while self._waiting and self._settling is None and not self._holds:
            if not self._into_text_field(self._waiting[0]):
                await self._route_and_settle()
                return
            await super().on_event(self._waiting.popleft())

    def _into_text_field(self, event: events.Event) -> bool:
        """Whether ``event`` is text for the focused text field (which inserts it, nothing more)."""
        if not isinstance(self.focused, Input):
            return False
        return isinstance(event, events.Paste) or (isinstance(event, events.Key) and event.is_printable)

    async def _route_and_settle(self) -> None:
        """Route the oldest waiting key and follow it until it has settled."""
        self._routed += 1
        token = self._settling = self._routed
        screen, target = self.screen, self.focused or self.screen
        self._restart_settle_timer(token, SETTLE_LIMIT)
        await super().on_event(self._waiting.popleft())
        self._hop(token, [*target.ancestors_with_self], lambda: self._after_app(token, screen))

    def _hop(self, token: int, nodes: list[MessagePump], then: Callable[[], object]) -> None:
        """Run ``then`` once each of ``nodes`` in turn has handled what was queued on it."""
        if token != self._settling:
            return
        while nodes and not nodes[0].is_running:
            nodes = nodes[1:]
        if not nodes:
            then()
            return
        nodes[0].call_later(self._hop, token, nodes[1:], then)

    def _after_app(self, token: int, screen: Screen) -> None:
        """The key reached the app; a screen it opened must also finish opening (and focus)."""
        if self.screen is screen:
            self._settled(token)
            return
        self._restart_settle_timer(token, OPENING_LIMIT)
        opened = self.screen
        self._hop(token, [opened, self], lambda: self._when_loaded(token, opened))

    def _when_loaded(self, token: int, screen: Screen) -> None:
        """Settle once the opened screen's workers (its first read of the file) have finished.

        A worker's result arrives as a message on the screen, so the screen and the app are
        gone through once more after the last worker ends: then the data is on screen.
        """
        if token != self._settling:
            return
        if any(worker.node is screen and not worker.is_finished for worker in self.workers):
            self.set_timer(LOAD_POLL, lambda: self._when_loaded(token, screen))
        else:
            self._hop(token, [screen, self], lambda: self._settled(token))

    def _restart_settle_timer(self, token: int, limit: float) -> None:
        if self._settle_timer is not None:
            self._settle_timer.stop()
        self._settle_timer = self.set_timer(limit, lambda: self._settled(token))

    def _settled(self, token: int) -> None:
        if token != self._settling:
            return
        self._settling = None
        if self._settle_timer is not None:
            self._settle_timer.stop()
        self.call_later(self._route_next)

"""Typing ahead: every key from the terminal is handled completely before the next is routed.

Textual routes a key to whatever has focus *when the key is read*, and a key that opens
something (``n`` opens the note line, ``a`` a form, Tab moves to the next field) takes effect
a few messages later. Over a slow SSH link keys arrive in bursts, so ``n`` followed at once by
the note's words sent the words to the board, where they were lost or taken as commands.

:class:`OrderedKeys` holds each key (and paste) until the one before has settled, and there is
one rule for that: a key has settled when it has been through the widget it went to and up to
the app's bindings (and through any screen it opened), and the workers it started have
finished and their results have been handled. So Enter in the note line holds typing until
the note is committed, and a key that opens a screen holds it until the screen has read its
data and taken focus. Text typed into a focused text field goes straight on (the field keeps
it in order, and text cannot move focus), so ordinary typing costs nothing.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable, Collection
from typing import Any

from textual import events
from textual.app import App
from textual.message_pump import MessagePump
from textual.timer import Timer
from textual.widgets import Input
from textual.worker import Worker

SETTLE_LIMIT = 3.0
"""Seconds a key may take to go through the nodes on its way before it counts as settled anyway
(a node removed midway). Generous: on a loaded machine opening a screen takes seconds, and a
key let through too early is misrouted."""

WORK_LIMIT = 15.0
"""Seconds a key's workers may run before typing is let through anyway (a file locked for long)."""


class OrderedKeys(App[None]):
    """An app whose keys and pastes are handled one at a time, in the order they were typed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._waiting: deque[events.Event] = deque()
        self._settling: int | None = None
        self._settle_timer: Timer | None = None
        self._routed = 0
        self._waits: set[asyncio.Task[None]] = set()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            self._waiting.append(event)
            await self._route_next()
            return
        await super().on_event(event)

    async def _route_next(self) -> None:
        """Route the waiting keys in order, unless one is settling.

        Text typed or pasted into a focused text field is routed straight on: the field takes
        it in the order it came and it cannot move focus. Any other key waits to settle.
        """
        while self._waiting and self._settling is None:
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
        seen = set(self.workers)
        target = self.focused or self.screen
        self._restart_settle_timer(token, SETTLE_LIMIT)
        await super().on_event(self._waiting.popleft())
        # Twice up the path the key took: a message it caused (Enter's Submitted, bubbling up
        # to the screen that saves the note) is then handled before its workers are looked for.
        path = [*target.ancestors_with_self]
        self._hop(token, [*path, *path], lambda: self._after_workers(token, seen))

    def _hop(self, token: int, nodes: list[MessagePump], then: Callable[[], object]) -> None:
        """Run ``then`` once each of ``nodes`` in turn has handled what was queued on it."""
        if token != self._settling:
            return
        # A node that is not running, or is closing (a form that dismissed itself when its save
        # worker's result came), refuses the callback: it has nothing more to handle, so go on.
        while nodes and not (nodes[0].is_running and nodes[0].call_later(self._hop, token, nodes[1:], then)):
            nodes = nodes[1:]
        if not nodes:
            then()

    def _after_workers(self, token: int, seen: set[Worker[Any]]) -> None:
        """Go through the screen (perhaps one the key opened) and the app, then settle unless
        workers started since the key are running."""
        self._hop(token, [self.screen, self], lambda: self._wait_for_started(token, seen))

    def _wait_for_started(self, token: int, seen: set[Worker[Any]]) -> None:
        """Settle, or wait for the workers started since the key, then look again.

        A worker's result arrives as a message on its node, and handling it may start another
        worker (a save, then a reload): so after each wait the nodes, the screen and the app
        are gone through again, and the workers looked at again.
        """
        started = [worker for worker in self.workers if worker not in seen]
        if not started:
            self._settled(token)
            return
        self._restart_settle_timer(token, WORK_LIMIT)
        nodes: list[MessagePump] = [worker.node for worker in started]
        self._when_finished(started, lambda: self._hop(
            token, nodes, lambda: self._after_workers(token, seen | set(started))))

    def _when_finished(self, workers: Collection[Worker[Any]], then: Callable[[], object]) -> None:
        """Call ``then`` when every one of ``workers`` has ended (done, failed or cancelled)."""

        async def wait() -> None:
            await asyncio.gather(*(worker.wait() for worker in workers), return_exceptions=True)
            then()

        task = asyncio.get_running_loop().create_task(wait())
        self._waits.add(task)
        task.add_done_callback(self._waits.discard)

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

"""Ordered keys (``tui/typeahead.py``) in a small app: a key has settled when its workers have.

The one rule: typing after a key waits until the workers that key started have finished and
their results are handled; then it arrives, in order, where the results put the focus.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pytest
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

from tests.support import settle, wait_until
from tui import typeahead
from tui.typeahead import OrderedKeys
from tui.workers import in_thread


class SlowOpen(OrderedKeys):
    """``o`` starts a worker that waits for ``gate``; its result focuses the second field."""

    BINDINGS = [Binding("o", "open", "open")]

    @dataclass
    class Opened(Message):
        """The worker's result."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()

    def compose(self) -> ComposeResult:
        field = Input(id="second")
        field.can_focus = False  # nothing focused: 'o' goes to the bindings
        yield field

    def action_open(self) -> None:
        self.load()

    @in_thread(group="load")
    def load(self) -> None:
        self.gate.wait(5)
        self.post_message(self.Opened())

    @on(Opened)
    def opened(self) -> None:
        field = self.query_one("#second", Input)
        field.can_focus = True
        field.focus()


def burst(app: OrderedKeys, text: str) -> None:
    """Deliver ``text`` as the terminal does: raw key events, all at once."""
    for char in text:
        app.post_message(events.Key(char, char))


async def test_typing_waits_for_the_keys_worker_and_then_arrives_in_order() -> None:
    app = SlowOpen()
    async with app.run_test() as pilot:
        second = app.query_one("#second", Input)
        burst(app, "oabc")
        await pilot.pause(0.2)  # a while for nothing to happen: the worker still runs
        assert second.value == ""  # the words wait, not lost
        app.gate.set()
        await wait_until(pilot, lambda: second.value == "abc", what="the words, after the worker")
        assert app.focused is second


async def test_a_worker_that_never_ends_lets_typing_through_in_the_end(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(typeahead, "WORK_LIMIT", 0.2)
    app = SlowOpen()
    async with app.run_test() as pilot:
        burst(app, "oo")
        await wait_until(pilot, lambda: len([w for w in app.workers if w.group == "load"]) == 2,
                         what="the second 'o', once the limit has passed")
        app.gate.set()
        await settle(pilot)

"""Ordered keys (``tui/typeahead.py``) in a small app: held typing waits, then arrives in order."""

from __future__ import annotations

import pytest
from textual import events
from textual.app import ComposeResult
from textual.widgets import Input

from tests.support import settle, wait_until
from tui import typeahead
from tui.typeahead import OrderedKeys


class OneField(OrderedKeys):
    """Just an input, focused."""

    def compose(self) -> ComposeResult:
        yield Input(id="field")


def burst(app: OrderedKeys, text: str) -> None:
    """Deliver ``text`` as the terminal does: raw key events, all at once."""
    for char in text:
        app.post_message(events.Key(char, char))


async def test_typing_held_waits_and_then_arrives_in_order() -> None:
    app = OneField()
    async with app.run_test() as pilot:
        field = app.query_one(Input)
        hold = app.hold_keys()
        burst(app, "abc")
        await settle(pilot)  # the keys have been handled: held, not typed
        assert field.value == ""
        hold.release()
        hold.release()  # a second release changes nothing
        await settle(pilot)
        assert field.value == "abc"


async def test_a_forgotten_hold_lets_typing_through_in_the_end(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(typeahead, "HOLD_LIMIT", 0.2)
    app = OneField()
    async with app.run_test() as pilot:
        app.hold_keys()
        burst(app, "xyz")
        await wait_until(pilot, lambda: app.query_one(Input).value == "xyz", timeout=0.5,
                         what="the held keys, after the hold limit")

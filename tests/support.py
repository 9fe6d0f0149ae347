"""Driving the app under Pilot: the one way to wait for it to settle, or for a condition.

No test sleeps for a fixed time: it waits until the app is quiet (``settle``) or until what it
expects has happened (``wait_until``), with a bound that fails the test if it never does.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual.app import App
from textual.pilot import Pilot
from textual.worker import WorkerState

SETTLE_ROUNDS = 10
"""At most this many rounds of waiting (a screen that polls starts workers without end)."""

POLL_SECONDS = 0.02
"""How often ``wait_until`` looks at its condition."""


def _working(app: App[object]) -> bool:
    return any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers)


async def settle(pilot: Pilot[object]) -> None:
    """Wait until the app's workers are done and every message they posted has been handled.

    A handled message may start another worker (a reload after a save), and a screen just
    pushed starts its first read only once it is mounted, so this goes round until two rounds
    in a row begin and end with no worker running.
    """
    quiet = 0
    for _ in range(SETTLE_ROUNDS):
        busy = _working(pilot.app)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        quiet = quiet + 1 if not busy and not _working(pilot.app) else 0
        if quiet == 2:
            return


async def press(pilot: Pilot[object], *keys: str) -> None:
    """Press keys, one at a time, settling after each (a key may start a worker)."""
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


async def wait_until(pilot: Pilot[object], condition: Callable[[], object], timeout: float = 10.0,
                     what: str = "the condition") -> None:
    """Let the app run until ``condition()`` holds; fail the test if it does not within ``timeout``."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"{what} did not happen within {timeout} s")
        await pilot.pause()
        await asyncio.sleep(POLL_SECONDS)

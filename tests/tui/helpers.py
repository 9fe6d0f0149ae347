"""Helpers for Pilot tests: let workers finish and their messages land."""

from __future__ import annotations


async def settle(pilot, rounds: int = 3) -> None:
    """Wait for every worker, then for the messages they posted, a few times over."""
    for _ in range(rounds):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def press(pilot, *keys: str) -> None:
    """Press keys, one at a time, settling after each (a key may start a worker)."""
    for key in keys:
        await pilot.press(key)
        await settle(pilot)

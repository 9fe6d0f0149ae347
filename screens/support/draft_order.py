"""Draft writes land in the order they were decided, whichever worker thread finishes first.

Drafts (the note line's, a form's) are written by thread workers. A write decided earlier can
finish later: a periodic save of the note line that started just before Enter would otherwise
land after the note's commit had cleared the draft, and the saved note would be offered again
on reopen. Each write takes a number on the UI thread when it is decided; an older write never
replaces a newer one. A note's commit always runs (it is the note), and counts as the newest.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

_numbers = itertools.count(1)
_newest: dict[str, int] = {}
_lock = threading.Lock()


def ticket() -> int:
    """The number of a write decided now (take it on the UI thread, when deciding)."""
    return next(_numbers)


def in_order(key: str, number: int, write: Callable[[], T], always: bool = False) -> T | None:
    """Run ``write`` for draft ``key`` unless a newer one has run (``always``: run it anyway).

    Returns what ``write`` returned, or ``None`` when it was skipped as outdated.
    """
    with _lock:
        newest = _newest.get(key, 0)
        if number < newest and not always:
            return None
        _newest[key] = max(number, newest)
        return write()

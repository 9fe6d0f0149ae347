"""``rembuk follow``: the projector's app, one read-only screen that follows the driving terminal.

It opens the workshop file read-only and never writes to it: no presence row, no draft, no
state. It takes one key, ``q``, and quitting it affects nobody else.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from core.i18n import _, set_language
from data.store import WorkshopStore
from screens.follow import FollowScreen
from tui.failures import failure_line
from tui.keys import Translated
from tui.messages import WorkFailed
from tui.textual_leaks import mend_styles_cache


class FollowApp(Translated, App[None]):
    """Shows :class:`~screens.follow.FollowScreen` over a store opened read-only."""

    CSS_PATH = "app.tcss"

    def __init__(self, store: WorkshopStore) -> None:
        super().__init__()
        mend_styles_cache()  # closed screens' widgets are let go (Textual issue #6665)
        self.store = store

    def on_mount(self) -> None:
        self.title = _("follow.title")
        self.push_screen(FollowScreen(self.store))

    def on_work_failed(self, message: WorkFailed) -> None:
        """A read that failed (the file gone, damaged) is one line; the next read tries again."""
        self.notify(failure_line(message.error), severity="error", markup=False)


def make_follow_app(path: Path | str, language: str = "en") -> FollowApp:
    """The follow view over the workshop file at ``path``, opened read-only.

    Raises a :class:`~data.errors.StoreError` with a one-line message if the file cannot be read.
    """
    set_language(language)
    return FollowApp(WorkshopStore.open(path, readonly=True))

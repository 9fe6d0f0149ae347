"""The app shell: global keys, the palette, the first screen, and the lifecycle of the store.

Behaviour lives in screens and widgets; this class only wires them together, keeps the
workshop file open, notices other terminals' changes, and shuts down cleanly on hang-up.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import Binding

from core.i18n import _, set_language, translator
from core.labels import long_date
from core.models import Workshop
from data.errors import StoreError
from data.store import WorkshopStore
from screens.capture import CaptureScreen
from screens.dialogs.help import HelpScreen
from screens.forms.field_form import FieldForm
from screens.overview import OverviewScreen
from tui.commands import BindingCommands
from tui.keys import Translated, describe
from tui.messages import NoteSaved, WorkFailed, WorkshopChanged
from tui.settings import Settings, load_keymap
from tui.failures import failure_line
from tui.typeahead import OrderedKeys

HANGUP_GRACE_SECONDS = 2.0
"""After a hang-up, how long a clean exit may take before the process ends itself."""


class RembukApp(Translated, OrderedKeys):
    """rembuk's terminal app over one open workshop file; keys are handled in the order typed."""

    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {BindingCommands}
    BINDINGS = [
        Binding("f1", "help", "keys.help", id="app.help", priority=True),  # also over the note line
        Binding("question_mark", "help", "keys.help", show=False, id="app.help_question"),
        Binding("n", "capture", "keys.capture", id="app.capture"),
        Binding("q", "quit", "keys.quit", id="app.quit"),
    ]

    def __init__(self, store: WorkshopStore, settings: Settings) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self._data_version = store.data_version()

    def on_mount(self) -> None:
        self.set_keymap(self.settings.keymap)
        self.title = _("app.title")
        self.install_screen(CaptureScreen(self.store, self.settings.draft_interval), "capture")
        self.push_screen(OverviewScreen(id="overview"))
        self._handle_hangup()
        self.set_interval(self.settings.poll_interval, self.poll_changes)
        self.load_start()

    @work(thread=True, group="start")
    def load_start(self) -> None:
        """Read the header and any kept draft off the UI thread, then show them."""
        workshop, draft = self.store.workshop(), self.store.draft("capture")
        self.call_from_thread(self._show_workshop, workshop)
        if draft:
            self.call_from_thread(self.offer_draft, draft)

    def _show_workshop(self, workshop: Workshop) -> None:
        self.sub_title = _("header.subtitle", region=workshop.region, stage=workshop.stage.value)
        if workshop.dates:
            self.sub_title += " · " + long_date(translator(self.settings.language), workshop.dates[0])

    # -- keys --------------------------------------------------------------------------------

    def on_work_failed(self, message: WorkFailed) -> None:
        """The one handler for every worker: a failure becomes one line, never the end of the app."""
        self.notify(failure_line(message.error), severity="error", markup=False)

    def action_help(self) -> None:
        """Open the key help for the current screen (F1 again closes it)."""
        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        keys: dict[str, list[str]] = {}
        for active in self.screen.active_bindings.values():
            text = describe(active.binding)
            if text:
                keys.setdefault(text, []).append(self.get_key_display(active.binding))
        self.push_screen(HelpScreen([(" ".join(shown), text) for text, shown in keys.items()]))

    def action_capture(self) -> None:
        """Open the note line, attached to what the current screen shows."""
        capture = self.get_screen("capture")
        if self.screen is capture:
            return
        capture.context = self.screen.capture_context()  # type: ignore[attr-defined]
        self.push_screen(capture)

    # -- changes -----------------------------------------------------------------------------

    def on_note_saved(self, message: NoteSaved) -> None:
        self._broadcast(WorkshopChanged(external=False))

    def poll_changes(self) -> None:
        """Every ``poll_interval``: look for another terminal's changes, unless a look is under way.

        Skipping rather than cancelling (an exclusive worker would) means a slow look is never
        thrown away half done, however busy the machine.
        """
        if not any(w.group == "poll" and not w.is_finished for w in self.workers):
            self._poll()

    @work(thread=True, group="poll")
    def _poll(self) -> None:
        """Tell the screens when another terminal has changed the file (checked off the UI thread)."""
        try:
            version = self.store.data_version()
        except StoreError:  # closed on hang-up, or gone: the next write will say so
            return
        if version != self._data_version:
            self._data_version = version
            self.call_from_thread(self._broadcast, WorkshopChanged(external=True))

    def _broadcast(self, message: WorkshopChanged) -> None:
        for screen in self.screen_stack:
            screen.post_message(WorkshopChanged(message.external))

    # -- drafts and hang-up ------------------------------------------------------------------

    def offer_draft(self, draft: str) -> None:
        """A half-typed note survived the last run: open the note line with it."""
        self.action_capture()
        self.call_after_refresh(self._restore_draft, draft)

    def _restore_draft(self, draft: str) -> None:
        self.get_screen("capture").offer(draft)  # type: ignore[attr-defined]

    def _handle_hangup(self) -> None:
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGHUP, signal.SIGTERM):
            loop.add_signal_handler(signum, self.hang_up)

    def hang_up(self) -> None:
        """The terminal went away (SSH dropped) or we were asked to stop: keep everything."""
        try:
            keepers = [self.get_screen("capture").save_draft_now]  # type: ignore[attr-defined]
            keepers += [s.keep_draft_now for s in self.screen_stack if isinstance(s, FieldForm)]
            for keep in keepers:
                with contextlib.suppress(StoreError):  # one that cannot be written: keep the rest
                    keep()
        finally:
            self.store.close()
            asyncio.get_running_loop().call_later(HANGUP_GRACE_SECONDS, os._exit, 0)
            self.exit()


def make_app(path: Path | str, language: str = "en", create: bool = False, **settings) -> RembukApp:
    """Build the app over the workshop file at ``path``: the one factory the CLI and tests use.

    Raises a :class:`~data.errors.StoreError` with a one-line message if the file cannot be used.
    """
    set_language(language)
    path = Path(path)
    if create and not path.exists():
        from data.workshop_files import create as create_file

        create_file(path, region=None, stage="I", language=language, demo=False, shared=False).close()
    settings.setdefault("keymap", load_keymap())
    store = WorkshopStore.open(path)
    return RembukApp(store, Settings(workshop_path=path, language=language, **settings))

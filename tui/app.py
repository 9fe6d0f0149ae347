"""The app shell: global keys, the palette, the first screen, and the lifecycle of the store.

Behaviour lives in screens and widgets; this class only wires them together, keeps the
workshop file open, notices other terminals' changes, and shuts down cleanly on hang-up.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import threading
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from rich.console import RenderableType
from textual import events, on
from textual._compositor import ChopsUpdate
from textual.binding import Binding
from textual.driver import Driver
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.reactive import Reactive
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, TextArea

from core.i18n import _, set_language, translator
from core.labels import long_date
from core.live import TerminalRole
from core.models import AgendaItem, Note, Workshop
from data import agenda
from data.errors import Closed, StoreError, describe_row
from data.first_screen import FirstScreen, read_in_background
from data.notes import CAPTURE_DRAFT
from data.queries import latest_notes
from data.store import WorkshopStore
from screens.capture import RECENT_NOTES, CaptureScreen
from screens.overview import LATEST_NOTES, OverviewScreen
from screens.support.base import WorkshopScreen, Workspace
from screens.support.history_keys import HistoryKeys
from screens.support.quiet import QuietScreen
from tui.chops import CroppedChopsUpdate
from tui.commands import BindingCommands, Palette
from tui.failures import failure_line, log_traceback
from tui.keys import Translated, describe
from tui.messages import CaptureContext, NoteSaved, WorkFailed, WorkshopChanged, note_tables
from tui.pasting import PastedText
from tui.room import RoomMember
from tui.settings import Settings, load_keymap, load_settings_file
from tui.textual_leaks import mend_styles_cache
from tui.typeahead import OrderedKeys
from tui.widgets.agenda_clock import AgendaClock
from tui.workers import in_thread

HANGUP_GRACE_SECONDS = 2.0
"""After a hang-up, how long a clean exit may take before the process ends itself."""


class RembukApp(Translated, HistoryKeys, RoomMember, OrderedKeys, PastedText):
    """rembuk's terminal app over one workshop file: keys in the order typed, pastes kept whole.

    Ctrl+Z, Ctrl+Y and ``H`` (undo, redo, history) come from :class:`HistoryKeys`; presence,
    driving the follow views and the room's timer from :class:`RoomMember`.
    """

    CSS_PATH = "app.tcss"
    COMMANDS = {BindingCommands}

    # The header watches these and redraws its own line; Textual's defaults repaint the screen.
    title: Reactive[str] = Reactive("", compute=False, repaint=False)
    sub_title: Reactive[str] = Reactive("", compute=False, repaint=False)
    BINDINGS = [
        Binding("f1", "help", "keys.help", id="app.help", priority=True),  # also over the note line
        Binding("question_mark", "help", "keys.help", show=False, id="app.help_question"),
        Binding("n", "capture", "keys.capture", id="app.capture"),
        Binding("f6", "agenda_step", "keys.agenda.step", show=False, id="app.agenda_step"),
        Binding("q", "quit", "keys.quit", id="app.quit"),
        Binding("ctrl+l", "redraw", "keys.redraw", show=False, id="app.redraw", priority=True),
    ]

    @dataclass
    class Started(Message):
        """The workshop's header, the note line's kept draft and its last notes, read at start."""

        workshop: Workshop
        draft: str
        recent: list[Note] = field(default_factory=list)
        """The notes the note line shows above itself: ready before it first opens."""

    @dataclass
    class ChangedElsewhere(Message):
        """Another terminal has changed the workshop file."""

        version: int
        """The file's ``data_version``: moved by any commit of another connection."""
        changes: dict[str, int]
        """Other terminals' change count per table: moved only by changes to the workshop itself."""

    def __init__(self, store: WorkshopStore, settings: Settings) -> None:
        super().__init__()
        mend_styles_cache()  # closed screens' widgets are let go (Textual issue #6665)
        self.store = store
        self.settings = settings
        store.terminal = settings.name  # one name for the room, the notes and undo
        self._data_version = store.data_version()
        self._changes = store.others_changes()
        # Read after the change counts: a change made meanwhile is seen by the poll.
        self.first = FirstScreen(read_in_background(store, CAPTURE_DRAFT, max(LATEST_NOTES, RECENT_NOTES)))
        self.workspace = Workspace(store, settings, self.first)
        self.capture = CaptureScreen(store, settings.draft_interval, settings.name)
        self._damaged_said: set[tuple[str, object]] = set()
        self.hung_up = False
        """Set on SIGHUP or SIGTERM: the file is closed and the app is ending."""
        self.failure: Exception | None = None
        """The exception that ended this run, if one did (the CLI then starts a new run)."""

    def action_command_palette(self) -> None:
        """The command palette (Ctrl+P), in the UI's language."""
        if not isinstance(self.screen, Palette):
            self.push_screen(Palette())

    @property
    def _background_screens(self) -> list[Screen]:  # type: ignore[override]
        """Textual's screens that show through the current one, but none behind an opaque screen.

        Textual always counts the screen just below, so anything that changed on it (a tile
        losing focus, a reload after a save) repainted the whole of the board above it.
        """
        if self._screen_stack and self._screen_stack[-1].styles.background.a == 1:
            return []
        return super()._background_screens

    def _display(self, screen: Screen, renderable: RenderableType | None) -> None:
        """Write an update; a partial one only from where each of its spans starts (:mod:`tui.chops`)."""
        if isinstance(renderable, ChopsUpdate):
            renderable = CroppedChopsUpdate.of(renderable)
        super()._display(screen, renderable)

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for this platform, or on Linux and macOS rembuk's (:mod:`tui.driver`)."""
        driver = super().get_driver_class()
        if driver.__name__ != "LinuxDriver":
            return driver
        from tui.driver import RembukDriver

        return RembukDriver

    def on_mount(self) -> None:
        self.set_keymap(self.settings.keymap)
        self.title = _("app.title")
        self.install_screen(self.capture, "capture")
        self.push_screen(OverviewScreen(self.workspace, id="overview"))
        self._handle_hangup()
        first = self.first.take_ready("start")
        if first is None:
            self.load_start()
        else:  # read while Textual started: the header's line is in the first frame
            self.started(self.Started(first.workshop, first.draft, first.notes[:RECENT_NOTES]))
        self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        """Join the room and watch the file once the first frame is out: their first writes and
        reads (and sqlite-utils' import) would otherwise share the interpreter with its drawing."""
        self.set_interval(self.settings.poll_interval, self.poll_changes)
        self.join_room(self.store, self.settings.terminal(), _("app.title"))

    @in_thread(group="start")
    def load_start(self) -> None:
        """Read the header and any kept draft off the UI thread, then show them (the first reading's)."""
        first = self.first.take("start")
        if first is not None:
            self.post_message(self.Started(first.workshop, first.draft, first.notes[:RECENT_NOTES]))
            return
        self.post_message(self.Started(self.store.workshop(), self.store.draft(CAPTURE_DRAFT),
                                       latest_notes(self.store, RECENT_NOTES)))

    @on(Started)
    def started(self, message: Started) -> None:
        self.capture.preload(message.recent)
        self._show_workshop(message.workshop)
        if message.draft:
            self.offer_draft(message.draft)

    @dataclass
    class HeaderRead(Message):
        """The workshop's header, read again after a change (the set-up form, another terminal)."""

        workshop: Workshop

    def on_workshop_changed(self, message: WorkshopChanged) -> None:
        """A screen was told the workshop changed: the subtitle's region, stage and day may have."""
        self.read_header()

    @in_thread(group="header", exclusive=True)
    def read_header(self) -> None:
        """Read the header off the UI thread, for the subtitle."""
        self.post_message(self.HeaderRead(self.store.workshop()))

    @on(HeaderRead)
    def header_read(self, message: HeaderRead) -> None:
        self._show_workshop(message.workshop)

    def _show_workshop(self, workshop: Workshop) -> None:
        sub_title = _("header.subtitle", region=workshop.region, stage=workshop.stage.value)
        if workshop.dates:
            sub_title += " · " + long_date(translator(self.settings.language), workshop.dates[0])
        self.sub_title = sub_title  # set once: the same line read again after a change draws nothing

    # -- keys --------------------------------------------------------------------------------

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Textual's toast, its text always shown as written: a toast names what people typed (a
        step's activity, an agency, a path), and Textual would read ``[/x]`` in it as markup and
        fail to draw it. No catalog line uses markup, so ``markup`` is never honoured."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def on_work_failed(self, message: WorkFailed) -> None:
        """The one handler for every worker: a failure becomes one line, never the end of the app."""
        if not isinstance(message.error, Closed):  # after a hang-up: the exit is under way
            self.notify(failure_line(message.error), severity="error", markup=False)

    def _handle_exception(self, error: Exception) -> None:
        """Textual's last resort, for an exception no worker caught (a message handler's).

        The widget whose handler raised has stopped taking messages, so carrying on would
        leave a screen that no longer answers. Instead everything typed is kept as drafts,
        the traceback goes to rembuk.log, and the run ends quietly with :attr:`failure` set:
        the CLI starts the app again over the same file (``tui.cli``), drafts offered.
        After a hang-up, a worker refused by the closed file is expected: nothing to report.
        """
        if self.hung_up:
            return
        self.failure = error
        log_traceback(error)
        self._keep_typing()
        self._return_code = 1
        if self.is_headless and self._exception is None:
            self._exception = error  # a test run re-raises it, so tests see the defect
        self._close_messages_no_wait()

    def action_redraw(self) -> None:
        """Ctrl+L: write the whole screen again. rembuk writes only what changed, so a screen
        garbled by something else (a message another user of the server sent with ``write``, a
        terminal that dropped bytes) stayed garbled until those lines changed."""
        from tui.driver import RembukDriver  # (imported with the driver already)

        if isinstance(self._driver, RembukDriver):
            self._driver.forget_pen()
        for screen in self.screen_stack:
            if isinstance(screen, QuietScreen):
                screen.forget_terminal()
        self.screen.refresh()

    def action_help(self) -> None:
        """Open the key help for the current screen (F1 again closes it)."""
        from screens.dialogs.help import HelpScreen  # imported when used: start-up time matters

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
        self._open_capture(narrow=True)

    def _open_capture(self, *, narrow: bool) -> None:
        """Open the note line; ``narrow``: write only the lines it covers, if the screen below is
        settled (not at start-up, when the screen below has yet to draw what it reads)."""
        if self.screen is self.capture:
            return
        self.capture.context = self._capture_context()
        if narrow:
            self.capture.draw_over(self.screen)
        self.push_screen(self.capture)

    def _capture_context(self) -> CaptureContext:
        """What the screen on top shows; a screen of another kind (a form): the workshop."""
        if isinstance(self.screen, WorkshopScreen):
            return self.screen.capture_context()
        return CaptureContext(label=_("capture.general"))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """A text cursor blinks only if this run lets it (``Settings.blink``): a slow link does not."""
        if not self.settings.blink and isinstance(event.widget, Input | TextArea):
            event.widget.cursor_blink = False

    @dataclass
    class AgendaStepped(Message):
        """F6 ended the running agenda item or started the next (None: nothing left to start)."""

        done: tuple[str, AgendaItem] | None

    def action_agenda_step(self) -> None:
        """From any screen: end the agenda item running, or start the next one."""
        self.agenda_step()

    @in_thread(group="agenda-step")
    def agenda_step(self) -> None:
        self.post_message(self.AgendaStepped(agenda.advance(self.store, datetime.now())))

    @on(AgendaStepped)
    def agenda_stepped(self, message: AgendaStepped) -> None:
        """Say what F6 did, and show it in the header's clock and on the screens now."""
        if message.done is None:
            self.notify(_("agenda.step.none"), severity="warning", markup=False)
            return
        done, item = message.done
        self.notify(_(f"agenda.step.{done}", title=item.title), markup=False)
        for clock in self.screen.query(AgendaClock):
            clock.read()
        self.broadcast(WorkshopChanged(external=False))

    # -- changes -----------------------------------------------------------------------------

    def on_note_saved(self, message: NoteSaved) -> None:
        self.broadcast(WorkshopChanged(external=False, tables=note_tables(message.note)))

    def poll_changes(self) -> None:
        """Every ``poll_interval``: look for another terminal's changes, unless a look is under way.

        Skipping rather than cancelling (an exclusive worker would) means a slow look is never
        thrown away half done, however busy the machine.
        """
        if not any(w.group == "poll" and not w.is_finished for w in self.workers):
            self._poll()
        self._say_damaged()

    def _say_damaged(self) -> None:
        """Name each row left out because it cannot be read, once (the rest is shown)."""
        for row, problem in list(self.store.damaged.items()):
            if row not in self._damaged_said:
                self._damaged_said.add(row)
                self.notify(_("store.damaged.shown", row=describe_row(row, problem)),
                            severity="warning", markup=False, timeout=30)

    @in_thread(group="poll")
    def _poll(self) -> None:
        """Look off the UI thread whether another terminal has changed the file."""
        try:
            version = self.store.data_version()
        except StoreError:  # closed on hang-up, or gone: the next write will say so
            return
        self.post_message(self.ChangedElsewhere(version, self.store.others_changes()))

    @on(ChangedElsewhere)
    def changed_elsewhere(self, message: ChangedElsewhere) -> None:
        """Tell the screens which of the workshop's tables another terminal changed.

        Any commit by another connection moves ``data_version``, heartbeats, the driver's state
        and drafts included; only the tables whose change count moved are named, and a screen
        reloads only if it reads one of them (``WorkshopScreen.reads``). This terminal's own
        writes are left out of the counts (``others_changes``): the screens were told of those
        when they were made.
        """
        if message.version == self._data_version:
            return
        self._data_version = message.version
        moved = frozenset(t for t in message.changes.keys() | self._changes.keys()
                          if message.changes.get(t) != self._changes.get(t))
        self._changes = message.changes
        if moved:
            self.broadcast(WorkshopChanged(external=True, tables=moved))

    def broadcast(self, message: WorkshopChanged) -> None:
        """Tell the screens that can be seen: the top one, and those under only modal screens.

        A screen further down reloads when it comes back (``on_screen_resume``). Told now, the
        one right under the top redrew the whole terminal: Textual paints it as a background.
        """
        stack = self.screen_stack
        for index, screen in enumerate(stack):
            if all(isinstance(above, ModalScreen) for above in stack[index + 1:]):
                screen.post_message(WorkshopChanged(external=message.external, tables=message.tables,
                                                    item=message.item))

    # -- drafts and hang-up ------------------------------------------------------------------

    def offer_draft(self, draft: str) -> None:
        """A half-typed note survived the last run: open the note line with it."""
        self._open_capture(narrow=False)
        self.call_after_refresh(self.capture.offer, draft)

    def _handle_hangup(self) -> None:
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGHUP, signal.SIGTERM):
            loop.add_signal_handler(signum, self.hang_up)

    def hang_up(self) -> None:
        """The terminal went away (SSH dropped) or we were asked to stop: keep everything."""
        if self.hung_up:
            return
        self.hung_up = True
        try:
            self._keep_typing()
            with contextlib.suppress(Exception):  # the room forgets us within seconds anyway
                self.leave_room()
        finally:
            self.store.close()  # from here on, a worker still running gets Closed, and is ignored
            # On a thread of its own, not the event loop's: the loop may be what is stuck. Once,
            # the terminal gone, Textual's shutdown waited forever for its output thread, and
            # the process stayed on the shared server with nothing left to keep.
            grace = threading.Timer(HANGUP_GRACE_SECONDS, os._exit, args=(0,))
            grace.daemon = True
            grace.start()
            self.exit()

    def _keep_typing(self) -> None:
        """Write the note line and every open form to the file as drafts, now, on this thread."""
        keepers = [self.capture.save_draft_now]
        forms = sys.modules.get("screens.forms.field_form")  # imported when a form opens; none yet: none open
        if forms is not None:
            keepers += [s.keep_draft_now for s in self.screen_stack if isinstance(s, forms.FieldForm)]
        for keep in keepers:
            with contextlib.suppress(Exception):  # one that cannot be written: keep the rest
                keep()


def make_app(path: Path | str, language: str = "en", create: bool = False,
             verified: Future[None] | None = None, **settings) -> RembukApp:
    """Build the app over the workshop file at ``path``: the one factory the CLI and tests use.

    Raises a :class:`~data.errors.StoreError` with a one-line message if the file cannot be used.
    """
    set_language(language)
    path = Path(path)
    if create and not path.exists():
        from data.workshop_files import create as create_file

        create_file(path, workshop=Workshop(region=_("workshop.default_region"), language=language)).close()
    settings.setdefault("keymap", load_keymap())
    for name, value in load_settings_file().items():  # the command line's options win
        settings.setdefault(name, value)
    if "role" in settings:
        settings["role"] = TerminalRole(settings["role"])
    # Damage is refused here, in one line, before anything (a migration) writes. The CLI starts
    # the check before it imports this module (``verified``), so that it costs no time to wait.
    if verified is None:
        from data.check import verify_file

        verify_file(path)
    else:
        verified.result()
    store = WorkshopStore.open(path)
    return RembukApp(store, Settings(workshop_path=path, language=language, **settings))

"""What every rembuk screen shares: translated bindings, the open workshop, reloading on change.

A screen is given what it works on when it is made (:class:`Workspace`: the store and the
settings), typed, rather than reaching for attributes of the app; it passes the same workspace
to the screens it opens.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import events, on
from textual.message import Message
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widgets import Header

from core.i18n import _
from data.first_screen import FirstScreen
from data.history import Item
from data.store import WorkshopStore
from screens.support.opening import OpensInOneFrame
from screens.support.quiet import QuietScreen
from tui.keys import Translated
from tui.messages import CaptureContext, WorkshopChanged
from tui.settings import Settings
from tui.widgets.agenda_clock import AgendaClock


@dataclass(frozen=True)
class Workspace:
    """What the screens of one run work on: the open workshop file and how rembuk was started."""

    store: WorkshopStore
    """The open workshop file (opened and closed by the app)."""
    settings: Settings
    """The run's settings (the workshop's path, the language, intervals)."""
    first: FirstScreen | None = None
    """What the first screen shows, read while Textual started (None: each screen reads its own)."""


class WorkshopScreen(Translated, OpensInOneFrame[None], QuietScreen, Screen[None]):
    """A screen showing part of the workshop. Subclasses implement :meth:`reload` and say what it reads.

    It writes only the lines a key changes (:class:`~screens.support.quiet.QuietScreen`), and
    its first frame only once its first readings are shown and laid out
    (:class:`~screens.support.opening.OpensInOneFrame`): the workers it starts on its first
    resume are what the hold waits for.
    """

    reads: ClassVar[frozenset[str] | None] = None
    """The tables :meth:`reload` reads (names of ``data.schema`` change counts): a change made
    elsewhere reloads the screen only if it touched one. None: any change reloads it."""

    # Textual's, without their repaint of the whole screen at each change: the header that shows
    # the titles repaints itself (the room line's title at each join wrote a full frame). The
    # focus is QuietScreen's.
    title: Reactive[str | None] = Reactive(None, compute=False, repaint=False)
    sub_title: Reactive[str | None] = Reactive(None, compute=False, repaint=False)

    @dataclass
    class WriteEnded(Message):
        """A worker's write ended, committed or refused (the app's failure line says why): read again."""

    def __init__(self, workspace: Workspace, *, name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.workspace = workspace

    @on(events.Mount)
    def _remember_terminal(self) -> None:
        # A reading shown again, or the screen back from the one it opened (Textual lays it out
        # a second time once that one is gone), writes only what changed.
        self.remember_terminal()

    @on(events.ScreenSuspend)
    def _forget_terminal_when_covered(self) -> None:
        self.forget_terminal()  # the screen on top draws over the terminal

    @property
    def store(self) -> WorkshopStore:
        """The open workshop file."""
        return self.workspace.store

    def capture_context(self) -> CaptureContext:
        """What a note typed on this screen is attached to; the workshop unless overridden."""
        return CaptureContext(label=_("capture.general"))

    def _mount_clock(self) -> None:
        """The running agenda item, in this screen's header (once)."""
        for header in self.query(Header):
            if not header.query(AgendaClock):
                header.mount(AgendaClock(self.store))

    def history_item(self) -> Item | None:
        """The card, risk, step or note highlighted here, whose history ``H`` shows; None: the workshop's."""
        return None

    def reload(self) -> None:
        """Fetch what the screen shows again (in a thread worker)."""

    def reload_after(self, change: Callable[[], object]) -> None:
        """Run ``change`` (inside a worker), then have the screen read again, committed or refused.

        The worker does not read again itself: it posts :class:`WriteEnded`, and the screen's
        handler starts the reading on the UI thread, as every worker's result comes back.
        """
        try:
            change()
        finally:
            self.post_message(self.WriteEnded())

    @on(WriteEnded)
    def write_ended(self) -> None:
        self.reload()

    def highlight(self, item: Item) -> None:
        """An undo or redo brought ``item`` back or changed it: if this screen shows such rows,
        put the cursor on it at the next reading. Screens without a cursor on rows ignore it."""

    def on_workshop_changed(self, message: WorkshopChanged) -> None:
        if message.item is not None:
            self.highlight(message.item)
        if message.item is not None or message.touches(self.reads):
            self.reload()

    def on_screen_resume(self) -> None:
        self.reload()
        # After the first read has started: typing ahead waits for that read (tui.typeahead),
        # and a mount queued before it would let keys reach the screen before its data.
        self._mount_clock()

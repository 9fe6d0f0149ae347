"""Note capture, over whatever screen is open: type, Enter, next note.

The line is saved as a draft at most ``draft_interval`` seconds behind the typing, and in full
when the app is told to hang up, so neither a crash nor a dropped SSH link costs any typing.
A note leaves the line only once it is committed to the workshop file.
"""

from __future__ import annotations

import contextlib
import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.geometry import Region
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Label

from core.follow_ups import KINDS as OWNED_KINDS
from core.i18n import _, current_language, translator
from core.line_draft import LineDraft
from core.models import Agency, Note, TargetType
from core.validation import field_errors
from data.errors import StoreError
from data.notes import CAPTURE_DRAFT, NoteCommit
from data.people import agencies, speaker_names
from data.queries import latest_notes
from data.store import WorkshopStore
from screens.support.opening import settled
from screens.support.quiet import QuietScreen
from tui.keys import Translated
from tui.messages import CaptureContext, NoteSaved, WorkshopChanged
from tui.widgets.capture_bar import CaptureBar
from tui.widgets.notes_list import NotesList
from tui.workers import in_thread

RECENT_NOTES = 3
"""How many of the last notes the line shows above itself."""

FIRST_PAINT_HOLD = 0.25
"""The longest the first opening waits to be painted whole (it settles in a few milliseconds)."""


class CaptureScreen(Translated, QuietScreen, ModalScreen[None]):
    """The capture bar docked at the bottom, with the last notes above it.

    It is transparent: opening it writes only the lines it covers, and closing it only those
    again (the screen below redraws them alone; :class:`~screens.support.quiet.QuietScreen`).
    What it covers is kept to the rows that say something (issue 15: each is written whole on
    every opening): a title row as its top edge, the last notes, the line, and the hint on the
    bottom row, which names the line's keys in place of the screen below's footer.
    The line opens drawn as it will stay: its title and the cursor in the text are set before
    its first paint, not redrawn after it.
    """

    AUTO_FOCUS = "#capture-text"

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    BINDINGS = [Binding("escape", "close", "keys.close", id="capture.close")]

    context = CaptureContext(label="")
    """What the notes typed now are attached to; set by the app before each opening."""

    @dataclass
    class Committed(Message):
        """A note typed in the line is in the workshop file (read back from it)."""

        note: Note
        commit: NoteCommit
        """The commit, with the line's text when Enter was pressed: what leaves the line now."""

    @dataclass
    class Refused(Message):
        """The file refused a note or a draft: why, shown under the line (which keeps the text)."""

        text: str
        commit: NoteCommit | None = None
        """The note refused, if it was a note (None: a draft)."""

    @dataclass
    class RecentRead(Message):
        """The last notes, read to show above the line."""

        notes: list[Note]

    def __init__(self, store: WorkshopStore, draft_interval: float, captured_by: str = "") -> None:
        super().__init__(id="capture")
        self.store = store
        self.draft_interval = draft_interval
        self.captured_by = captured_by
        """The terminal's name, recorded on every note typed here."""
        self._draft_dirty = False
        self._committing: list[NoteCommit] = []
        """Notes on their way to the file: a hang-up commits them itself (see save_draft_now)."""
        self._preloaded: list[Note] = []
        self._owned_hint = False
        """Whether the hint names the agency and due date (the kind is a follow-up's)."""
        self._holding = False
        """Whether painting waits for the first opening to settle (:meth:`_hold_first_paint`)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="capture-panel"):
            yield Label(self._title(), id="capture-title", markup=False)
            recent = NotesList(id="capture-recent")
            recent.set_reactive(NotesList.notes, self._preloaded)  # laid out once, at its full height
            yield recent
            yield CaptureBar()
            yield Label(_("capture.hint"), id="capture-hint")  # the line's keys, over the footer below

    def preload(self, notes: list[Note]) -> None:
        """The last notes, read at start: shown at once when the line first opens."""
        self._preloaded = notes

    def on_mount(self) -> None:
        self.set_interval(self.draft_interval, self.flush_draft)
        self.load_recent()

    def draw_over(self, below: object) -> None:
        """About to open over ``below``: if it is on the terminal already and stays as it is,
        write only the lines this screen covers.

        A screen still reading (just opened, or the overview at start-up while a kept draft
        opens the line at once) is about to draw what it read: then everything is drawn, or the
        room would see it half drawn behind the line (its changes come to this screen as one
        whole repaint, which the narrowing would drop).
        """
        if not isinstance(below, QuietScreen):
            return
        below.cover(self.covered)
        if settled(below):
            below.redraw_only(list)
            self.redraw_only(self.covered)
            if not self.is_mounted:
                self._hold_first_paint()

    def _hold_first_paint(self) -> None:
        """Paint the first opening once, when it is ready, not once per step of getting there.

        Mounting the line paints it, then its widgets learn their sizes and the text takes the
        cursor, and each repaints it again: three whole panels written for one (issue 15). Until
        it has settled (:meth:`on_screen_resume`, two rounds of messages later; at most
        ``FIRST_PAINT_HOLD`` seconds) nothing is painted, then everything it covers at once.
        """
        self._holding = True
        self.app._begin_batch()
        self.app.set_timer(FIRST_PAINT_HOLD, self._release_first_paint)

    def _release_first_paint(self, rounds: int = 0) -> None:
        if rounds:
            self.call_after_refresh(self._release_first_paint, rounds - 1)
            return
        if self._holding:
            self._holding = False
            self.app._end_batch()
            self.refresh()  # one whole repaint, narrowed to what the line covers

    def covered(self) -> list[Region] | None:
        """The regions this screen draws over the one below: the panel and the footer.

        None while a notification shows (it moves between the screens): then all is redrawn.
        """
        shown = self._compositor.full_map
        if any(w.id == "textual-toastrack" and w.children for w in self.children):
            return None
        return [shown[w].region for w in self.children if w in shown and w.display and w.id != "textual-toastrack"]

    def _title(self) -> str:
        return _("capture.title", target=self.context.label)

    def on_screen_resume(self) -> None:
        title = self.query_one("#capture-title", Label)
        if str(title.content) != self._title():  # the same text again would redraw it all the same
            title.update(self._title())
        self.bar.focus_text()
        self.load_speakers()
        if self._holding:
            self._release_first_paint(rounds=2)

    @in_thread(group="capture-speakers", exclusive=True)
    def load_speakers(self) -> None:
        """Offer the registered participants, with their agency, as the speaker's completions,
        and the agencies as a follow-up's (due dates without a year count from the first day)."""
        names = speaker_names(self.store)
        owners = agencies(self.store)
        days = self.store.workshop().dates
        self.app.call_from_thread(self._offer, names, owners, min(days) if days else date.today())

    def _offer(self, names: list[str], owners: list[Agency], first_day: date) -> None:
        self.bar.set_speakers(names)
        self.bar.set_agencies(owners, first_day)

    def offer(self, draft: str) -> None:
        """Put a draft kept from an earlier run back in the line (with its kind, speaker, agency
        and due date), and say where it came from: that hint stays over the kind's own."""
        kept = LineDraft.loads(draft)
        self._owned_hint = kept.kind in {kind.value for kind in OWNED_KINDS}
        self.context = _context_of(kept) or self.context
        self.query_one("#capture-title", Label).update(_("capture.title", target=self.context.label))
        self.bar.restore(kept)
        self.query_one("#capture-hint", Label).update(_("notify.draft_offered"))

    def kept_line(self) -> LineDraft:
        """The line as a draft: what is typed, and what the note is about."""
        ctx = self.context
        return dataclasses.replace(self.bar.draft(), about=ctx.label, dimension=ctx.dimension or "",
                                   target_type=ctx.target_type.value,
                                   target_id="" if ctx.target_id is None else str(ctx.target_id))

    @property
    def bar(self) -> CaptureBar:
        """The capture line."""
        return self.query_one(CaptureBar)

    def action_close(self) -> None:
        """Close the bar; the half-typed text stays, as a draft."""
        self.flush_draft()
        regions = self.covered()
        below = self.app.screen_stack[-2] if len(self.app.screen_stack) > 1 else None
        if isinstance(below, QuietScreen):
            below.cover(None)
            below.redraw_only(lambda: regions)  # only the lines the note line covered change
        self.dismiss()

    # -- saving notes ------------------------------------------------------------------------

    @on(CaptureBar.Submitted)
    def submit(self, event: CaptureBar.Submitted) -> None:
        try:
            note = self._note(event)
        except ValidationError as exc:
            self.bar.show_error(" ".join(field_errors(exc, translator(current_language())).values()))
            return
        commit = NoteCommit(note, event.text)
        self._committing.append(commit)
        self.save(commit)

    def _note(self, typed: CaptureBar.Submitted) -> Note:
        ctx = self.context
        return Note(kind=typed.kind, text=typed.text.strip(), speaker=typed.speaker, dimension=ctx.dimension,
                    target_type=ctx.target_type, target_id=ctx.target_id, created_at=datetime.now(),
                    captured_by=self.captured_by, owner_agency_id=typed.owner_agency_id, due=typed.due)

    @in_thread(group="capture")
    def save(self, commit: NoteCommit) -> None:
        """Commit the note and clear its draft, off the UI thread (typing waits for it).

        A refusal (the file locked, the disk full) is said under the line rather than by the
        app's failure line: it stays in sight while the note waits in the line for another Enter.
        The commit runs once, here or on hang-up, whichever comes first (:class:`NoteCommit`).
        """
        try:
            saved = commit.run(self.store)
        except StoreError as exc:
            self.post_message(self.Refused(str(exc), commit))
            return
        self.post_message(self.Committed(saved, commit))

    @on(Refused)
    def refused(self, message: Refused) -> None:
        self._done(message.commit)
        self.bar.show_error(_("notify.error", message=message.text))

    def _done(self, commit: NoteCommit | None) -> None:
        """A note's commit is over (saved or refused): the line no longer waits on it."""
        if commit in self._committing:
            self._committing.remove(commit)

    @on(CaptureBar.KindChanged)
    def kind_changed(self, message: CaptureBar.KindChanged) -> None:
        """The hint names where Tab goes: to the agency and due date for a follow-up (another
        hint, such as a kept draft's, stays until the kind changes between the two)."""
        if message.owned != self._owned_hint:
            self._owned_hint = message.owned
            self.query_one("#capture-hint", Label).update(_("capture.hint_owned" if message.owned else "capture.hint"))

    @on(Committed)
    def committed(self, message: Committed) -> None:
        """The note left the line; anything typed after Enter stays, to be kept as a draft."""
        self._done(message.commit)
        self.query_one("#capture-hint", Label).update(_("capture.hint"))
        self.bar.consume(message.commit.typed)
        self.bar.show_error("")
        self._draft_dirty = bool(self.bar.text)
        self.app.post_message(NoteSaved(message.note))
        self.load_recent()

    @in_thread(exclusive=True, group="capture-recent")
    def load_recent(self) -> None:
        """Read the last three notes, to show above the line."""
        self.post_message(self.RecentRead(latest_notes(self.store, RECENT_NOTES)))

    @on(RecentRead)
    def show_recent(self, message: RecentRead) -> None:
        self.query_one(NotesList).show(message.notes)

    def on_workshop_changed(self, message: WorkshopChanged) -> None:
        if message.touches(frozenset({"notes"})):
            self.load_recent()

    # -- the draft ---------------------------------------------------------------------------

    @on(CaptureBar.Edited)
    def edited(self, event: CaptureBar.Edited) -> None:
        self._draft_dirty = True

    def flush_draft(self) -> None:
        """Save the line as a draft if it changed since the last save (in a worker).

        The write takes its number now: if a note's commit lands first, the commit outranks it
        (the line still held the note), and it is skipped (``WorkshopStore.save_draft``).
        """
        if self._draft_dirty:
            self._draft_dirty = False
            self.save_draft(self.kept_line().dumps(), self.store.draft_number())

    @in_thread(exclusive=True, group="capture-draft")
    def save_draft(self, text: str, number: int) -> None:
        """Write the draft off the UI thread, unless a newer write (a commit) has landed."""
        try:
            self.store.save_draft(CAPTURE_DRAFT, text, number)
        except StoreError as exc:  # under the line, not a notice at every tick while it lasts
            self._draft_dirty = True  # try again at the next tick
            self.post_message(self.Refused(str(exc)))

    def save_draft_now(self) -> None:
        """Write the draft synchronously: only for shutdown (hang-up), when no worker will run.

        A note still on its way to the file is committed first, here (its worker will find it
        done), and leaves the line, so the draft never holds a note that was saved.
        """
        if not self.is_mounted:
            return
        line = self.kept_line()
        for commit in self._committing:
            with contextlib.suppress(StoreError):  # not saved (a full disk): it stays in the draft
                commit.run(self.store)
            if commit.saved is not None:  # what is left was typed after it: a plain note's text
                line = line.after_saving(commit.typed)
        self.store.save_draft(CAPTURE_DRAFT, line.dumps())


def _context_of(kept: LineDraft) -> CaptureContext | None:
    """What a kept line's note was about (None: a draft from before rembuk kept it)."""
    try:
        target = TargetType(kept.target_type)
    except ValueError:
        return None
    if target is TargetType.WORKSHOP:
        return CaptureContext(label=_("capture.general"))  # in this run's language
    target_id = int(kept.target_id) if kept.target_id.isdigit() else None
    return CaptureContext(kept.about, kept.dimension or None, target, target_id)

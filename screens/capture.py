"""Note capture, over whatever screen is open: type, Enter, next note.

The line is saved as a draft at most ``draft_interval`` seconds behind the typing, and in full
when the app is told to hang up, so neither a crash nor a dropped SSH link costs any typing.
A note leaves the line only once it is committed to the workshop file.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path

from pydantic import ValidationError
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from core.i18n import _, current_language, translator
from core.models import Note, NoteKind
from core.validation import field_errors
from data.errors import StoreError
from data.notes import CAPTURE_DRAFT, NoteCommit
from data.people import speaker_names
from data.queries import latest_notes
from data.store import WorkshopStore
from screens.support.draft_order import in_order, ticket
from tui.keys import Translated
from tui.messages import CaptureContext, NoteSaved, WorkshopChanged
from tui.widgets.capture_bar import CaptureBar, left_after
from tui.widgets.notes_list import NotesList
from tui.workers import in_thread


class CaptureScreen(Translated, ModalScreen[None]):
    """The capture bar docked at the bottom, with the last notes above it."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    BINDINGS = [Binding("escape", "close", "keys.close", id="capture.close")]

    context = CaptureContext(label="")
    """What the notes typed now are attached to; set by the app before each opening."""

    def __init__(self, store: WorkshopStore, draft_interval: float) -> None:
        super().__init__(id="capture")
        self.store = store
        self.draft_interval = draft_interval
        self._draft_dirty = False
        self._committing: list[NoteCommit] = []
        """Notes being committed: the line still shows them, so no draft is written meanwhile."""

    def compose(self) -> ComposeResult:
        with Vertical(id="capture-panel"):
            yield Label(id="capture-title", markup=False)
            yield NotesList(id="capture-recent")
            yield CaptureBar()
            yield Label(_("capture.hint"), id="capture-hint")

    def on_mount(self) -> None:
        self.set_interval(self.draft_interval, self.flush_draft)
        self.load_recent()

    def on_screen_resume(self) -> None:
        self.query_one("#capture-title", Label).update(_("capture.title", target=self.context.label))
        self.bar.focus_text()
        self.load_speakers()

    @in_thread(group="capture-speakers", exclusive=True)
    def load_speakers(self) -> None:
        """Offer the registered participants, with their agency, as the speaker's completions."""
        names = speaker_names(self.store)
        self.app.call_from_thread(self.bar.set_speakers, names)

    def offer(self, draft: str) -> None:
        """Put a draft kept from an earlier run back in the line, and say where it came from."""
        self.bar.text = draft
        self.query_one("#capture-hint", Label).update(_("notify.draft_offered"))

    @property
    def bar(self) -> CaptureBar:
        """The capture line."""
        return self.query_one(CaptureBar)

    def action_close(self) -> None:
        """Close the bar; the half-typed text stays, as a draft."""
        self.flush_draft()
        self.dismiss()

    # -- saving notes ------------------------------------------------------------------------

    @on(CaptureBar.Submitted)
    def submit(self, event: CaptureBar.Submitted) -> None:
        try:
            note = self._note(event.kind, event.speaker, event.text)
        except ValidationError as exc:
            event.release()
            self.bar.show_error(" ".join(field_errors(exc, translator(current_language())).values()))
            return
        commit = NoteCommit(note, event.text)
        self._committing.append(commit)
        self.save(commit, event, ticket())

    def _note(self, kind: NoteKind, speaker: str, text: str) -> Note:
        ctx = self.context
        return Note(kind=kind, text=text.strip(), speaker=speaker, dimension=ctx.dimension,
                    target_type=ctx.target_type, target_id=ctx.target_id, created_at=datetime.now())

    @work(thread=True, group="capture")
    def save(self, commit: NoteCommit, submitted: CaptureBar.Submitted, number: int) -> None:
        """Commit the note (and clear its draft) off the UI thread; then let typing through."""
        try:
            saved = in_order(CAPTURE_DRAFT, number, lambda: commit.run(self.store), always=True)
        except StoreError as exc:
            self.app.call_from_thread(self.bar.show_error, _("notify.error", message=str(exc)))
            return
        else:
            self.app.call_from_thread(self._saved, saved, submitted.text)
        finally:
            self.app.call_from_thread(self._committed, commit, submitted)

    def _committed(self, commit: NoteCommit, submitted: CaptureBar.Submitted) -> None:
        """The commit is over (saved or refused): drafts may be written again, typing resumes."""
        self._committing.remove(commit)
        submitted.release()

    def _saved(self, note: Note, typed: str) -> None:
        self.query_one("#capture-hint", Label).update(_("capture.hint"))
        self.bar.consume(typed)
        self.bar.show_error("")
        self._draft_dirty = bool(self.bar.text)
        self.app.post_message(NoteSaved(note))
        self.load_recent()

    @work(thread=True, exclusive=True, group="capture-recent")
    def load_recent(self) -> None:
        """Show the last three notes above the line."""
        notes = latest_notes(self.store, 3)
        self.app.call_from_thread(setattr, self.query_one(NotesList), "notes", notes)

    def on_workshop_changed(self, message: WorkshopChanged) -> None:
        self.load_recent()

    # -- the draft ---------------------------------------------------------------------------

    @on(CaptureBar.Edited)
    def edited(self, event: CaptureBar.Edited) -> None:
        self._draft_dirty = True

    def flush_draft(self) -> None:
        """Save the line as a draft if it changed since the last save (in a worker).

        Not while a note is being committed: the line still holds it, and the commit clears the
        draft (a later draft write would bring the saved note back as a draft).
        """
        if self._draft_dirty and not self._committing:
            self._draft_dirty = False
            self.save_draft(self.bar.text, ticket())

    @work(thread=True, exclusive=True, group="capture-draft")
    def save_draft(self, text: str, number: int) -> None:
        """Write the draft off the UI thread, unless a newer write (a commit) has landed."""
        try:
            in_order(CAPTURE_DRAFT, number, lambda: self.store.save_draft(CAPTURE_DRAFT, text))
        except StoreError as exc:
            self._draft_dirty = True  # try again at the next tick
            self.app.call_from_thread(self.bar.show_error, _("notify.error", message=str(exc)))

    def save_draft_now(self) -> None:
        """Write the draft synchronously: only for shutdown (hang-up), when no worker will run.

        A note still on its way to the file is committed first, here (its worker will find it
        done), and leaves the line, so the draft never holds a note that was saved.
        """
        if not self.is_mounted:
            return
        line = self.bar.text
        for commit in self._committing:
            with contextlib.suppress(StoreError):  # not saved (a full disk): it stays in the draft
                commit.run(self.store)
            if commit.saved is not None:
                line = left_after(line, commit.typed)
        self.store.save_draft(CAPTURE_DRAFT, line)

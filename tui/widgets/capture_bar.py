"""The capture line: kind, speaker and the note's text, saved with Enter.

Escape is deliberately not on this path (Textual must wait ~100 ms to tell a lone Escape from
an escape sequence): Enter saves, and the bar stays open for the next note.

A note stays in the line until it is committed. Typing that arrives meanwhile (the next note,
in a burst over a slow link) waits for the commit and then goes into the emptied line: the app
holds typing until the workers a key started have finished (:mod:`tui.typeahead`), and the
commit is one of them. The bar itself knows nothing of the app.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input, Label

from core.i18n import _
from core.labels import enum_label
from core.models import NoteKind
from tui.keys import Translated

KINDS = list(NoteKind)


def left_after(line: str, saved: str) -> str:
    """What stays in the line once the note ``saved`` leaves it (text typed after its Enter)."""
    return line[len(saved):].lstrip() if line.startswith(saved) else line


class CaptureBar(Translated, Widget):
    """A one-line note editor. Posts :class:`Submitted` on Enter and :class:`Edited` on typing."""

    DEFAULT_CSS = """
    CaptureBar { height: auto; }
    CaptureBar Horizontal { height: 1; }
    CaptureBar #capture-kind { width: auto; min-width: 12; padding: 0 1; background: $accent; color: $text; }
    CaptureBar Input, CaptureBar Input:focus { border: none; height: 1; padding: 0 1; }
    CaptureBar Input:focus { background: $boost; }
    CaptureBar #capture-speaker { width: 22; background: $boost; }
    CaptureBar #capture-text { width: 1fr; }
    CaptureBar #capture-error { color: $error; height: auto; }
    CaptureBar #capture-error.-empty { display: none; }
    """

    BINDINGS = [
        Binding("ctrl+t", "next_kind", "keys.next_kind", id="capture.next_kind"),
        Binding("f2", "next_kind", "keys.next_kind", show=False, id="capture.next_kind_f2"),
    ]

    kind: reactive[NoteKind] = reactive(NoteKind.NOTE)
    """The kind the next note is saved as."""

    @dataclass
    class Submitted(Message):
        """Enter was pressed on a non-empty note."""

        bar: CaptureBar
        kind: NoteKind
        speaker: str
        text: str

        @property
        def control(self) -> CaptureBar:
            return self.bar

    @dataclass
    class Edited(Message):
        """The note's text changed (for the draft)."""

        bar: CaptureBar
        text: str

        @property
        def control(self) -> CaptureBar:
            return self.bar

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Label(id="capture-kind")
            yield Input(placeholder=_("capture.speaker"), id="capture-speaker")
            yield Input(placeholder=_("capture.placeholder"), id="capture-text", max_length=20_000)
        yield Label("", id="capture-error", classes="-empty", markup=False)

    def watch_kind(self, kind: NoteKind) -> None:
        self.query_one("#capture-kind", Label).update(enum_label(_, kind))

    def action_next_kind(self) -> None:
        """Cycle the kind: note → decision → follow-up → question → data request."""
        self.kind = KINDS[(KINDS.index(self.kind) + 1) % len(KINDS)]

    @property
    def text(self) -> str:
        """The note as typed so far."""
        return self.query_one("#capture-text", Input).value

    @text.setter
    def text(self, value: str) -> None:
        self.query_one("#capture-text", Input).value = value

    def set_speakers(self, names: list[str]) -> None:
        """Offer these names as completions in the speaker field."""
        self.query_one("#capture-speaker", Input).suggester = SuggestFromList(names, case_sensitive=False)

    def show_error(self, message: str) -> None:
        """Show why the last note was not saved (empty message: hide)."""
        label = self.query_one("#capture-error", Label)
        label.update(message)
        label.set_class(not message, "-empty")

    def focus_text(self) -> None:
        """Put the cursor in the note's text."""
        self.query_one("#capture-text", Input).focus()

    def consume(self, saved: str) -> None:
        """Remove a saved note from the line, keeping anything typed after it was submitted.

        Its kind and speaker go with it: the next note starts as a plain note by nobody, so a
        decision is never saved as the previous note's question, under the previous speaker.
        """
        self.text = left_after(self.text, saved)
        self.kind = NoteKind.NOTE
        self.query_one("#capture-speaker", Input).value = ""

    @on(Input.Submitted, "#capture-text")
    def submit(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            speaker = self.query_one("#capture-speaker", Input).value
            self.post_message(self.Submitted(self, self.kind, speaker, event.value))

    @on(Input.Submitted, "#capture-speaker")
    def speaker_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_text()

    @on(Input.Changed, "#capture-text")
    def edited(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Edited(self, event.value))

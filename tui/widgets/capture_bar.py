"""The capture line: kind, speaker and the note's text, saved with Enter.

A follow-up or data request also takes the agency that must act and its due date, on a row
of their own under the line, shown only for those kinds: Tab from the text reaches the agency
(completing from the workshop's agencies, as the speaker completes from the participants),
then the due date (``2024-08-15``, ``15/8`` or ``15-08-2024``). What they were read as shows
beside them while typing; a refusal shows there too, and the note waits in the line.

Escape is deliberately not on this path (Textual must wait ~100 ms to tell a lone Escape from
an escape sequence): Enter saves, and the bar stays open for the next note.

A note stays in the line until it is committed. Typing that arrives meanwhile (the next note,
in a burst over a slow link) waits for the commit and then goes into the emptied line: the app
holds typing until the workers a key started have finished (:mod:`tui.typeahead`), and the
commit is one of them. The bar itself knows nothing of the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pydantic_core import PydanticCustomError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input, Label

from core.follow_ups import KINDS as OWNED_KINDS
from core.follow_ups import find_agency, parse_due
from core.i18n import _
from core.labels import enum_label, short_date
from core.line_draft import LineDraft, left_after
from core.models import Agency, NoteKind
from tui.keys import Translated

KINDS = list(NoteKind)


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
    CaptureBar #capture-owner { display: none; }
    CaptureBar.-owned #capture-owner { display: block; }
    CaptureBar #capture-owner Label { width: auto; padding: 0 1 0 0; }
    CaptureBar #capture-agency { width: 16; background: $boost; }
    CaptureBar #capture-due { width: 13; background: $boost; }
    CaptureBar #capture-due-label { margin-left: 2; }
    CaptureBar #capture-owner-note { width: 1fr; padding: 0 0 0 2; color: $text-muted; }
    CaptureBar #capture-owner-note.-refused { color: $error; text-style: bold; }
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
        owner_agency_id: int | None = None
        """For a follow-up or data request: the agency typed on its row."""
        due: date | None = None

        @property
        def control(self) -> CaptureBar:
            return self.bar

    @dataclass
    class Edited(Message):
        """Something in the line changed: its text, kind, speaker, agency or due date (for the draft)."""

        bar: CaptureBar

        @property
        def control(self) -> CaptureBar:
            return self.bar

    @dataclass
    class KindChanged(Message):
        """The kind changed; ``owned``: it takes an agency and a due date (their row shows)."""

        owned: bool

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Label(id="capture-kind")
            yield Input(placeholder=_("capture.speaker"), id="capture-speaker")
            yield Input(placeholder=_("capture.placeholder"), id="capture-text", max_length=20_000)
        with Horizontal(id="capture-owner"):
            yield Label(_("capture.owner.agency"), id="capture-agency-label")
            yield Input(placeholder=_("capture.owner.agency_hint"), id="capture-agency", max_length=300)
            yield Label(_("capture.owner.due"), id="capture-due-label")
            yield Input(placeholder="15/8", id="capture-due", max_length=20)
            yield Label("", id="capture-owner-note", markup=False)
        yield Label("", id="capture-error", classes="-empty", markup=False)

    def __init__(self) -> None:
        super().__init__()
        self.agencies: list[Agency] = []
        """The workshop's agencies, that the agency field completes and reads."""
        self.reference_day: date = date.today()
        """The day a due date without a year is counted from (the workshop's first day)."""

    def watch_kind(self, kind: NoteKind) -> None:
        self.query_one("#capture-kind", Label).update(enum_label(_, kind))
        self.set_class(kind in OWNED_KINDS, "-owned")
        self.post_message(self.KindChanged(kind in OWNED_KINDS))

    def action_next_kind(self) -> None:
        """Cycle the kind: note → decision → follow-up → question → data request."""
        self.kind = KINDS[(KINDS.index(self.kind) + 1) % len(KINDS)]
        self.post_message(self.Edited(self))

    @property
    def text(self) -> str:
        """The note as typed so far."""
        return self.query_one("#capture-text", Input).value

    @text.setter
    def text(self, value: str) -> None:
        self.query_one("#capture-text", Input).value = value

    def draft(self) -> LineDraft:
        """Everything typed in the line, to keep as a draft."""
        value = self._value
        return LineDraft(text=self.text, kind=self.kind.value, speaker=value("#capture-speaker"),
                         agency=value("#capture-agency"), due=value("#capture-due"))

    def restore(self, draft: LineDraft) -> None:
        """Put a kept draft back: its kind (a plain note if no longer known) and every field."""
        self.kind = next((kind for kind in KINDS if kind.value == draft.kind), NoteKind.NOTE)
        for field, value in (("#capture-speaker", draft.speaker), ("#capture-agency", draft.agency),
                             ("#capture-due", draft.due), ("#capture-text", draft.text)):
            self.query_one(field, Input).value = value
        self._show_owner()

    def _value(self, field: str) -> str:
        return self.query_one(field, Input).value

    def set_speakers(self, names: list[str]) -> None:
        """Offer these names as completions in the speaker field."""
        self.query_one("#capture-speaker", Input).suggester = SuggestFromList(names, case_sensitive=False)

    def set_agencies(self, agencies: list[Agency], reference_day: date) -> None:
        """Offer these agencies in the agency field; count due dates without a year from ``reference_day``."""
        self.agencies, self.reference_day = agencies, reference_day
        names = [a.abbreviation for a in agencies] + [a.name for a in agencies if a.name]
        self.query_one("#capture-agency", Input).suggester = SuggestFromList(names, case_sensitive=False)
        self._show_owner()  # what was typed before they came (a kept draft) is read with them

    @property
    def owned(self) -> bool:
        """The next note is a follow-up or data request: it takes an agency and a due date."""
        return self.kind in OWNED_KINDS

    def read_owner(self) -> tuple[Agency | None, date | None, list[str]]:
        """The agency and due date as typed, and why either is refused (empty: neither is)."""
        agency_text = self.query_one("#capture-agency", Input).value.strip()
        due_text = self.query_one("#capture-due", Input).value.strip()
        agency, due, refusals = find_agency(self.agencies, agency_text), None, []
        if agency_text and agency is None:
            refusals.append(_("capture.owner.unknown_agency", agency=agency_text))
        try:
            due = parse_due(due_text, self.reference_day) if due_text else None
        except PydanticCustomError:
            refusals.append(_("capture.owner.bad_due", value=due_text))
        return agency, due, refusals

    def _show_owner(self, refusals_shown: bool = False) -> list[str]:
        """Say beside the row what the agency and due date were read as, or why they are refused.

        A refusal is said once Enter was pressed (``refusals_shown``), not while a date is half
        typed; returns the refusals (empty: none).
        """
        agency, due, refusals = self.read_owner()
        note = self.query_one("#capture-owner-note", Label)
        if refusals and refusals_shown:
            note.update(" · ".join(refusals))
        else:
            read = [_("capture.owner.due_read", date=short_date(_, due))] if due else []
            read += [agency.name or agency.abbreviation] if agency else []
            note.update(" · ".join(read))
        note.set_class(bool(refusals) and refusals_shown, "-refused")
        return refusals

    def show_error(self, message: str) -> None:
        """Show why the last note was not saved (empty message: hide)."""
        label = self.query_one("#capture-error", Label)
        label.update(message)
        label.set_class(not message, "-empty")

    def focus_text(self) -> None:
        """Put the cursor in the note's text, lit (its blink starts again).

        Focusing the field it is already in would redraw the whole field once more.
        """
        text = self.query_one("#capture-text", Input)
        if not text.has_focus:
            text.focus()
        else:
            text._restart_blink()  # lit now, and not blinking off just after the line opens

    def consume(self, saved: str) -> None:
        """Remove a saved note from the line, keeping anything typed after it was submitted.

        Its kind, speaker, agency and due date go with it: the next note starts as a plain note
        by nobody, so a decision is never saved as the previous note's question, under the
        previous speaker, nor a follow-up with the previous one's agency and date.
        """
        self.text = left_after(self.text, saved)
        self.kind = NoteKind.NOTE
        for field in ("#capture-speaker", "#capture-agency", "#capture-due"):
            self.query_one(field, Input).value = ""

    @on(Input.Submitted, "#capture-text")
    def submit(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit(event.value)

    def _submit(self, text: str) -> None:
        """Post the note, with its agency and due date if it takes them; a refusal keeps it here."""
        if not text.strip():
            return
        speaker = self.query_one("#capture-speaker", Input).value
        if not self.owned:
            self.post_message(self.Submitted(self, self.kind, speaker, text))
            return
        agency, due, refusals = self.read_owner()
        if refusals:
            self._show_owner(refusals_shown=True)
            refused_agency = agency is None and bool(self.query_one("#capture-agency", Input).value.strip())
            self.query_one("#capture-agency" if refused_agency else "#capture-due", Input).focus()
            return
        self.post_message(self.Submitted(self, self.kind, speaker, text, agency.id if agency else None, due))

    @on(Input.Submitted, "#capture-agency, #capture-due")
    def owner_done(self, event: Input.Submitted) -> None:
        """Enter on the agency or the due date saves the note if it has text, else goes to the text."""
        event.stop()
        if self.text.strip():
            self._submit(self.text)
        else:
            self.focus_text()

    @on(Input.Changed, "#capture-agency, #capture-due")
    def owner_edited(self, event: Input.Changed) -> None:
        event.stop()
        self._show_owner()
        self.post_message(self.Edited(self))

    @on(Input.Changed, "#capture-speaker")
    def speaker_edited(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Edited(self))

    @on(Input.Blurred, "#capture-agency")
    def agency_left(self, event: Input.Blurred) -> None:
        """Leaving the agency field takes the agency it was read as (the one suggested)."""
        agency = find_agency(self.agencies, event.value)
        if agency is not None and event.input.value != agency.abbreviation:
            event.input.value = agency.abbreviation

    @on(Input.Submitted, "#capture-speaker")
    def speaker_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_text()

    @on(Input.Changed, "#capture-text")
    def edited(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Edited(self))

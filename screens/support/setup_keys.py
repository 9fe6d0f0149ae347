"""The overview's way into the workshop's set-up (``w``) and agenda (``t``), and the line saying
what the header lacks.

A screen gets the key by listing :class:`SetupKeys` before its base class and composing a
:class:`~tui.widgets.setup_line.SetupLine`, which this mixin keeps up to date.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.binding import Binding
from textual.message import Message

from core.i18n import _
from core.models import Participant, Workshop
from core.setup import NextStage, WorkshopSetup, missing_fields
from data.people import participants
from screens.support.base import WorkshopScreen
from tui.messages import WorkshopChanged
from tui.widgets.setup_line import SetupLine
from tui.workers import in_thread

if TYPE_CHECKING:  # the forms are imported when opened: start-up time matters
    from screens.forms.workshop_form import WorkshopForm


class SetupKeys(WorkshopScreen):
    """Mixin: ``w`` edits the workshop's header, ``t`` opens the agenda; keeps the screen's
    :class:`SetupLine` current."""

    BINDINGS = [
        Binding("w", "setup", "keys.setup", show=False, id="setup.open"),
        Binding("t", "agenda", "keys.agenda", show=False, id="setup.agenda"),
        Binding("f", "follow_ups", "keys.follow_ups", show=False, id="setup.follow_ups"),
        Binding("S", "next_stage", "keys.next_stage", show=False, id="setup.next_stage"),
    ]

    @dataclass
    class HeaderRead(Message):
        """The header and the participants, read in a worker."""

        workshop: Workshop
        participants: list[Participant]
        edit: bool
        """Open the form with them (else only refresh the line)."""
        next_stage: bool = False
        """Ask where to create the next stage's file."""

    def on_mount(self) -> None:
        self.read_header(edit=False)

    def on_screen_resume(self) -> None:
        self.read_header(edit=False)

    def on_workshop_changed(self, message: WorkshopChanged) -> None:
        self.read_header(edit=False)

    def action_setup(self) -> None:
        """Edit the workshop's header: organisation, title, days, times, people, …"""
        self.read_header(edit=True)

    def action_agenda(self) -> None:
        """The agenda: start and end its items against the clock."""
        from screens.agenda import AgendaScreen

        self.app.push_screen(AgendaScreen(self.workspace))

    def action_follow_ups(self) -> None:
        """The follow-ups and data requests, those carried from earlier stages included."""
        from screens.follow_ups import FollowUpScreen

        self.app.push_screen(FollowUpScreen(self.workspace))

    def action_next_stage(self) -> None:
        """Create the next stage's workshop file from this one."""
        self.read_header(edit=False, next_stage=True)

    def _next_stage_made(self, made: NextStage | None) -> None:
        """The form created the file: say how to open it."""
        if made is not None:
            self.notify(_("setup.next.created", path=str(Path(made.path).expanduser())))

    @in_thread(group="setup-read")
    def read_header(self, edit: bool, next_stage: bool = False) -> None:
        """Read the header and the register off the UI thread."""
        self.post_message(self.HeaderRead(self.store.workshop(), participants(self.store), edit, next_stage))

    @on(HeaderRead)
    def header_read(self, message: HeaderRead) -> None:
        self.query_one(SetupLine).missing = tuple(missing_fields(message.workshop, message.participants))
        if message.edit:
            from screens.forms.workshop_form import WorkshopForm

            setup = WorkshopSetup.model_validate(message.workshop.model_dump())
            form = WorkshopForm(self.store, setup, message.participants)
            self.app.push_screen(form, partial(self._header_saved, form))
        if message.next_stage:
            from data.carry import NEXT_STAGE  # carrying imports the bundle: only when asked for
            from screens.forms.next_stage_form import NextStageForm

            stage = NEXT_STAGE[message.workshop.stage]
            suggested = self.store.path.with_name(f"{self.store.path.stem}-{stage.value}{self.store.path.suffix}")
            self.app.push_screen(NextStageForm(self.store, NextStage(path=str(suggested), stage=stage)),
                                 self._next_stage_made)

    def _header_saved(self, form: WorkshopForm, saved: WorkshopSetup | None) -> None:
        """The form saved the header (and registered the new people it names): say so."""
        if saved is not None:
            self.notify(_("setup.notify.saved", count=len(form.registered)))
            self.post_message(WorkshopChanged())

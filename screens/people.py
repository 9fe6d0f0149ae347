"""The registers: agencies (OPD) and participants, with attendance per workshop day.

``o`` and ``p`` switch between the two tables; ``a`` adds and ``e`` (or Enter) edits in the
one shown. On the participants, the digits 1–9 mark the highlighted person present (or not)
on that workshop day: the minutes count the attendance from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Header, Label, TabbedContent, TabPane

from core.i18n import _
from core.models import Agency, Participant
from data import people, setup
from screens.dialogs.confirm import ask
from screens.forms.agency_form import AgencyForm
from screens.forms.participant_form import ParticipantForm
from screens.support.base import WorkshopScreen
from tui.widgets.steady_footer import SteadyFooter
from tui.widgets.whole_columns import WholeColumnTable
from tui.workers import in_thread

PRESENT, ABSENT = "✓", "·"

AGENCY_CELL = 16
"""How much of an agency's abbreviation the participants table shows (the agencies tab has all)."""

NAME_CELL = 30
"""How much of a name (with its degrees) the participants table shows: with three workshop days,
the name, every day's attendance, the agency and the role fit at 80 columns."""


def clipped(text: str, limit: int) -> str:
    """``text``, cut to ``limit`` characters with an ellipsis if longer."""
    return text if len(text) <= limit else text[: limit - 1] + "…"

TABLES = {"agencies": "#agency-table", "participants": "#participant-table"}
"""Each register's table, by tab id."""


@dataclass
class Registers:
    """What the screen shows, read together."""

    agencies: list[Agency]
    participants: list[Participant]
    days: list[date]
    present: set[tuple[int, date]]


class PeopleScreen(WorkshopScreen):
    """Agencies and participants. Escape goes back."""
    reads = frozenset({"participants", "attendance", "agencies", "workshop"})

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    BINDINGS = [
        Binding("escape", "back", "keys.board.back", show=False, id="people.back"),
        Binding("a", "add", "keys.people.add", id="people.add"),
        Binding("e", "edit", "keys.board.edit", id="people.edit"),
        Binding("x", "delete", "keys.people.delete", id="people.delete"),
        # The tabs say "OPD (o)" and "Peserta (p)": out of the footer, which then fits at 80.
        Binding("o", "tab('agencies')", "keys.people.agencies", show=False, id="people.agencies"),
        Binding("p", "tab('participants')", "keys.people.participants", show=False, id="people.participants"),
        *[Binding(str(n), f"attend({n})", "keys.people.attend", show=False, id=f"people.attend{n}")
          for n in range(1, 10)],
    ]

    @dataclass
    class Loaded(Message):
        """The registers, read in a worker."""

        registers: Registers

    registers: Registers | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(initial="agencies"):
            with TabPane(_("people.tab.agencies"), id="agencies"):
                yield WholeColumnTable(id="agency-table", cursor_type="row", zebra_stripes=True)
            with TabPane(_("people.tab.participants"), id="participants"):
                yield Label(id="attendance-hint")
                # The name stays in view when → shows the columns further right.
                yield WholeColumnTable(id="participant-table", cursor_type="row", zebra_stripes=True,
                                       fixed_columns=1)
        yield SteadyFooter(compact=True)

    def on_mount(self) -> None:
        self.sub_title = _("people.title")
        self.query_one("#agency-table").focus()

    def reload(self) -> None:
        self.load()

    @in_thread(exclusive=True, group="people-load")
    def load(self) -> None:
        """Read both registers and the attendance off the UI thread."""
        store = self.store
        registers = Registers(people.agencies(store), people.participants(store),
                              list(store.workshop().dates), people.attendance(store))
        self.post_message(self.Loaded(registers))

    @on(Loaded)
    def show(self, message: Loaded) -> None:
        """Fill both tables; attendance shows as ✓ (present) or · per workshop day."""
        self.registers = registers = message.registers
        names = {a.id: a.abbreviation for a in registers.agencies}
        self._fill("#agency-table", [_("people.field.abbreviation"), _("people.field.agency_name")],
                   [(a.id, [a.abbreviation, a.name]) for a in registers.agencies])
        count = len(registers.days)
        days = [_("people.day_short", number=n) for n in range(1, count + 1)]
        # What the room checks first comes first: who, and present each day (short headings,
        # explained in the line above), then agency and role, the long position titles last.
        headings = [_("people.field.name"), *days, _("people.field.agency"), _("people.field.role"),
                    _("people.field.position")]
        rows = [(p.id, [clipped(p.name, NAME_CELL),
                        *[PRESENT if (p.id, d) in registers.present else ABSENT for d in registers.days],
                        clipped(names.get(p.agency_id, "—"), AGENCY_CELL),
                        _(f"people.enum.Role.{p.role.value}"), p.position])
                for p in registers.participants]
        self._fill("#participant-table", headings, rows)
        hint = self.query_one("#attendance-hint", Label)
        hint.display = bool(count)
        if days:
            hint.update(_("people.attendance_hint", days="–".join(dict.fromkeys([days[0], days[-1]])),
                          keys="–".join(dict.fromkeys(["1", str(count)]))))

    def _fill(self, selector: str, headings: list[str], rows: list[tuple[int | None, list[str]]]) -> None:
        table = self.query_one(selector, DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        table.add_columns(*headings)
        for key, cells in rows:
            table.add_row(*cells, key=str(key))
        if rows:
            table.move_cursor(row=min(row, len(rows) - 1))

    # -- keys --------------------------------------------------------------------------------

    @property
    def tab(self) -> str:
        """Which register is shown: ``agencies`` or ``participants``."""
        return self.query_one(TabbedContent).active

    def action_tab(self, name: str) -> None:
        """Show one register and put the cursor in it."""
        self.query_one(TabbedContent).active = name
        self.query_one(TABLES[name]).focus()

    def action_back(self) -> None:
        """Back to where the registers were opened from."""
        self.dismiss()

    def _current(self) -> Agency | Participant | None:
        if self.registers is None:
            return None
        table = self.query_one(TABLES[self.tab], DataTable)
        items = self.registers.agencies if self.tab == "agencies" else self.registers.participants
        return items[table.cursor_row] if 0 <= table.cursor_row < len(items) else None

    def action_add(self) -> None:
        """Register a new agency or participant."""
        self._open(AgencyForm.blank() if self.tab == "agencies" else ParticipantForm.blank())

    def action_edit(self) -> None:
        """Edit the highlighted agency or participant."""
        item = self._current()
        if item is not None:
            self._open(item)

    @on(DataTable.RowSelected)
    def row_selected(self) -> None:
        self.action_edit()

    def _open(self, item: Agency | Participant) -> None:
        if isinstance(item, Agency):
            self.app.push_screen(AgencyForm(self.store, item), self._saved)
        else:
            agencies = self.registers.agencies if self.registers else []
            self.app.push_screen(ParticipantForm(self.store, item, agencies), self._saved)

    def _saved(self, item: Agency | Participant | None) -> None:
        """The form saved the agency or participant: read the registers again."""
        if item is not None:
            self.load()

    def action_delete(self) -> None:
        """Delete the highlighted agency or participant, after asking; one in use says why not."""
        item = self._current()
        if item is not None:
            name = item.abbreviation if isinstance(item, Agency) else item.name
            ask(self, _("people.confirm.delete", name=name), lambda: self.delete(item), yes=_("dialog.delete"))

    @in_thread(group="people-save")
    def delete(self, item: Agency | Participant) -> None:
        """Delete off the UI thread (refused, with the reason, if something still uses it)."""
        if isinstance(item, Agency):
            self.reload_after(lambda: setup.delete_agency(self.store, item))
        else:
            self.reload_after(lambda: setup.delete_participant(self.store, item, self.store.workshop()))

    def action_attend(self, number: int) -> None:
        """Mark the highlighted participant present, or not, on workshop day ``number``."""
        if self.tab != "participants" or self.registers is None:
            return
        person = self._current()
        if number > len(self.registers.days):
            self.notify(_("people.notify.no_such_day", number=number, days=len(self.registers.days)))
        elif person is not None and person.id is not None:
            self.attend(person.id, self.registers.days[number - 1])

    @in_thread(group="people-save")
    def attend(self, participant_id: int, day: date) -> None:
        """Toggle one attendance off the UI thread."""
        self.reload_after(lambda: people.toggle_attendance(self.store, participant_id, day))


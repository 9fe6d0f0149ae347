"""Everything about one innovation: its fields, notes, action steps and risks.

Opened with Enter on a board's card. ``e`` edits the card; ``p`` and ``r`` lead to its action
plan and its risk register once those screens exist (until then they say so).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Header, Static

from core.i18n import _, current_language
from core.models import ActionStep, Agency, Innovation, Note, ReferenceData, Risk, TargetType
from core.risk import assess
from data.errors import StoreError
from data.history import Item
from screens.forms.innovation_form import InnovationForm
from screens.support.base import WorkshopScreen, Workspace
from tui.messages import CaptureContext, about_innovation
from tui.widgets.notes_list import note_line
from tui.widgets.steady_footer import SteadyFooter
from tui.workers import in_thread


@dataclass
class Details:
    """One innovation and what hangs off it, read together."""

    innovation: Innovation
    notes: list[Note]
    steps: list[ActionStep]
    risks: list[Risk]
    agencies: list[Agency]
    reference: ReferenceData
    merge_title: str = ""
    """The title of the innovation this one merges into, if any."""


def read_details(store, innovation_id: int) -> Details:
    """Read an innovation with its notes, steps and risks (raises Gone if it was deleted)."""
    notes = store.all(Note, target_type=TargetType.INNOVATION.value, target_id=innovation_id,
                      order=("created_at",))
    innovation = store.get(Innovation, innovation_id)
    merge = store.all(Innovation, id=innovation.merge_into_id) if innovation.merge_into_id else []
    return Details(
        innovation, notes,
        store.all(ActionStep, innovation_id=innovation_id, order=("position", "id")),
        store.all(Risk, innovation_id=innovation_id),
        store.all(Agency), store.reference(), merge[0].title if merge else "",
    )


class InnovationDetailScreen(WorkshopScreen):
    """One card, in full. Escape goes back to the board."""
    reads = frozenset({"innovations", "notes", "action_steps", "risks", "agencies", "reference", "quick_win_scores"})

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    BINDINGS = [
        Binding("escape", "back", "keys.board.back", show=False, id="detail.back"),
        Binding("e", "edit", "keys.board.edit", id="detail.edit"),
        Binding("p", "action_plan", "keys.board.action_plan", id="detail.action_plan"),
        Binding("r", "risks", "keys.board.risks", id="detail.risks"),
        Binding("N", "notes", "keys.notes.open", show=False, id="detail.notes"),
    ]

    @dataclass
    class Loaded(Message):
        """The innovation's details, read in a worker."""

        details: Details

    @dataclass
    class Unreadable(Message):
        """The innovation could not be read: why, in one line."""

        text: str

    def __init__(self, workspace: Workspace, innovation_id: int) -> None:
        super().__init__(workspace)
        self.innovation_id = innovation_id
        self.details: Details | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="detail-body"):
            yield Static(id="detail-fields")
            yield Static(id="detail-notes", classes="detail-section")
            yield Static(id="detail-steps", classes="detail-section")
            yield Static(id="detail-risks", classes="detail-section")
        yield SteadyFooter(compact=True)

    def on_mount(self) -> None:
        self.query_one("#detail-body").focus()

    def reload(self) -> None:
        self.load()

    @in_thread(exclusive=True, group="detail-load")
    def load(self) -> None:
        """Read the innovation off the UI thread; if it is gone, say so and go back."""
        try:
            self.post_message(self.Loaded(read_details(self.store, self.innovation_id)))
        except StoreError as exc:  # gone (another terminal deleted it), or the file went away
            self.post_message(self.Unreadable(str(exc)))

    @on(Unreadable)
    def unreadable(self, message: Unreadable) -> None:
        """Say why the innovation cannot be shown, and go back."""
        self.notify(message.text, severity="warning")
        self.dismiss()

    @on(Loaded)
    def show(self, message: Loaded) -> None:
        """Show the fields, then the notes, action steps and risks, each under its count."""
        self.details = details = message.details
        self.sub_title = details.innovation.title
        names = {a.id: a.abbreviation for a in details.agencies if a.id is not None}
        self.query_one("#detail-fields", Static).update(fields_text(details, names))
        self._section("notes", [note_line(n) for n in details.notes])
        self._section("steps", [_step_line(s, names) for s in details.steps])
        self._section("risks", [_risk_line(r, details.reference) for r in details.risks])

    def _section(self, name: str, lines: list[Text]) -> None:
        widget = self.query_one(f"#detail-{name}", Static)
        widget.border_title = _(f"boards.detail.{name}", count=len(lines))
        widget.update(Text("\n").join(lines) if lines else Text(_("boards.detail.none"), style="dim italic"))

    def capture_context(self) -> CaptureContext:
        if self.details is None:
            return super().capture_context()
        item = self.details.innovation
        return about_innovation(item)

    def history_item(self) -> Item | None:
        if self.details is None:
            return None
        card = self.details.innovation
        return Item("innovations", str(card.id), card.title)

    # -- keys --------------------------------------------------------------------------------

    def action_notes(self) -> None:
        """This card's notes: search, edit, delete."""
        from screens.notes import NotesScreen

        item = self.history_item()
        if item is not None:
            self.app.push_screen(NotesScreen(self.workspace, about=item))

    def action_back(self) -> None:
        """Back to the board."""
        self.dismiss()

    def action_edit(self) -> None:
        """Edit this innovation in the form."""
        if self.details is not None:
            form = InnovationForm(self.store, self.details.innovation, self.details.reference, self.details.agencies)
            self.app.push_screen(form, self._edited)

    def _edited(self, result: Innovation | None) -> None:
        """The form saved the edit: read the innovation again."""
        if result is not None:
            self.load()

    def action_action_plan(self) -> None:
        """The innovation's action plan (rencana aksi): its steps on the roadmap."""
        from screens.action_plan import ActionPlanScreen

        self.app.push_screen(ActionPlanScreen(self.workspace, self.innovation_id))

    def action_risks(self) -> None:
        """The innovation's risk register: add, assess and treat its risks there."""
        from core.register import RiskFilter
        from screens.risk_register import RiskRegisterScreen

        self.app.push_screen(RiskRegisterScreen(self.workspace, RiskFilter(innovation_id=self.innovation_id)))


def fields_text(details: Details, names: dict[int, str]) -> Text:
    """Every field of the innovation, one labelled line each."""
    item = details.innovation
    element = details.reference.element(item.element)
    review = item.review_outcome.value if item.review_outcome else "none"
    rows = [
        ("title", item.title),
        ("element", f"{element.code} {element.label}"),
        ("status", _(f"boards.enum.InnovationStatus.{item.status.value}")),
        ("review_outcome", _(f"boards.enum.ReviewOutcome.{review}")),
        ("improvement", item.improvement),
        ("merge_into_id", details.merge_title),
        ("lead_agency_id", names.get(item.lead_agency_id, "—") if item.lead_agency_id is not None else "—"),
        ("supporting_agency_ids", ", ".join(names.get(i, "?") for i in item.supporting_agency_ids)),
        ("problem", item.problem),
        ("beneficiaries", item.beneficiaries),
        ("horizon", _(f"boards.enum.Horizon.{item.horizon.value}")),
        ("programme", item.programme),
        ("quick_win", _(f"boards.enum.QuickWin.{item.quick_win.value}")),
    ]
    text = Text()
    for name, value in rows:
        text.append(f"{_(f'boards.field.{name}')}: ", style="bold")
        text.append((value or "—") + "\n")
    return text


def _step_line(step: ActionStep, names: dict[int, str]) -> Text:
    years = f"{step.start_year}–{step.end_year}" if step.end_year != step.start_year else str(step.start_year)
    line = Text(f"{years} ", style="dim")
    line.append(step.activity, style="bold")
    if step.lead_agency_id:
        line.append(f" · {names.get(step.lead_agency_id, '?')}")
    if step.total:
        line.append(f" · Rp {step.total:,}".replace(",", "."))
    return line


def _risk_line(risk: Risk, reference: ReferenceData) -> Text:
    found = assess(reference.risk_scale, risk.likelihood, risk.impact)
    line = Text(f"{found.band.letter} {found.magnitude:>2} ", style="bold")
    line.append(f"{found.band.name(current_language())} · {risk.event}")
    return line

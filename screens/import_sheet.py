"""The import screen: an agency's spreadsheet, previewed row by row before anything is written.

``i`` on the overview opens it. The user types a file's path and presses Enter; a worker reads
and plans it (:mod:`data.sheet_import`, the same as ``rembuk import-sheet``) and the table lists
the refused rows with their sheet!cell reasons, then the rows to add and to change. Ctrl+S
imports, after a question, in one transaction (so Ctrl+Z undoes the whole import). While any
row is refused nothing can be imported; Ctrl+G imports the good rows and writes the refused
ones, with why, to the file the CLI would (``FILE-refused.xlsx``). A file that takes more than
a second to read says so, with the seconds counting, until it is read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.timer import Timer
from textual.widgets import DataTable, Header, Input, Label
from textual.worker import Worker, WorkerState

from core.i18n import _, current_language
from core.models import ActionStep, Innovation, Risk, Stored
from core.sheets.plan import ImportPlan, Planned
from data.errors import StoreError
from data.sheet_import import SheetImport, apply_plan, plan_file, refused_path, write_refused
from screens.dialogs.confirm import ask
from screens.support.base import WorkshopScreen, Workspace
from tui.failures import failure_line
from tui.widgets.steady_footer import SteadyFooter
from tui.widgets.whole_columns import WholeColumnTable
from tui.workers import in_thread

READ_GROUP, APPLY_GROUP = "import-read", "import-apply"


def item_label(item: Stored) -> str:
    """What a row adds or changes, as the user knows it: a card's title, a step's activity, a risk's event."""
    if isinstance(item, Innovation):
        return item.title
    if isinstance(item, ActionStep):
        return item.activity
    return item.event if isinstance(item, Risk) else type(item).__name__


def plan_rows(plan: ImportPlan) -> list[tuple[str, str, str]]:
    """The table's rows: refused values first (they are what needs doing), then adds, then changes."""
    refused = [(_("sheets.screen.refused"), f"{r.sheet}!{r.cell}", r.reason) for r in plan.refusals]

    def planned(what: str, rows: list[Planned]) -> list[tuple[str, str, str]]:
        return [(_(what), f"{p.sheet}!{p.row}", item_label(p.item)) for p in rows]

    return [*refused, *planned("sheets.screen.add", plan.added), *planned("sheets.screen.change", plan.changed)]


def refused_count(plan: ImportPlan) -> int:
    """How many rows (not values) the plan refuses."""
    return sum(len(rows) for rows in plan.refused_rows.values())


class ImportSheetScreen(WorkshopScreen):
    """Type a spreadsheet's path, see what importing it would do, then import it (or its good rows)."""
    reads = frozenset[str]()  # it reloads nothing: it shows a file, not the workshop

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    BINDINGS = [
        Binding("escape", "back", "keys.board.back", show=False, id="import.back"),
        Binding("ctrl+s", "apply", "keys.import.apply", id="import.apply"),
        Binding("ctrl+g", "apply_good", "keys.import.good_rows", id="import.good_rows"),
    ]

    SLOW_SECONDS = 1.0
    """A read that takes longer than this shows its progress."""

    @dataclass
    class PlanReady(Message):
        """The file was read and planned; nothing is written yet."""

        found: SheetImport

    @dataclass
    class Unreadable(Message):
        """The file cannot be imported: the one line saying why."""

        line: str

    @dataclass
    class Imported(Message):
        """The import was written: the one line saying what it did."""

        line: str
        path: Path

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace)
        self.found: SheetImport | None = None
        """The file read and planned, once it is; None while typing or reading."""
        self._ticks = 0
        self._progress: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(_("sheets.screen.path"), id="import-prompt")
        yield Input(str(self.workspace.settings.workshop_path.parent) + "/", id="import-path",
                    select_on_focus=False)  # the workshop's folder is kept; the name is typed after it
        yield Label("", id="import-status", markup=False)
        yield WholeColumnTable(id="import-plan", cursor_type="row", zebra_stripes=True)
        yield SteadyFooter()

    @property
    def path_field(self) -> Input:
        """Where the file's path is typed."""
        return self.query_one("#import-path", Input)

    @property
    def status(self) -> Label:
        """The plan's counts and what to do next, or why the file cannot be read."""
        return self.query_one("#import-status", Label)

    @property
    def table(self) -> DataTable[str]:
        """The refused, added and changed rows."""
        return self.query_one("#import-plan", DataTable)

    def on_mount(self) -> None:
        self.title = _("sheets.screen.title")
        self.table.add_columns(*[_(f"sheets.screen.col.{c}") for c in ("what", "where", "item")])
        self.path_field.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "apply":
            return self.found is not None or None  # shown, dimmed, until a file is read
        if action == "apply_good":
            return self.found is not None and bool(self.found.plan.refusals)
        return True

    # -- reading -----------------------------------------------------------------------------

    @on(Input.Submitted, "#import-path")
    def preview(self) -> None:
        """Read and plan the typed file off the UI thread; nothing is written."""
        typed = self.path_field.value.strip()
        if not typed:
            self.status.update(_("sheets.screen.no_path"))
            return
        self._start_reading(Path(typed).expanduser())

    def _start_reading(self, path: Path) -> None:
        self._show(None, _("sheets.screen.reading", path=path))
        self._ticks = 0
        self._stop_progress()
        self._progress = self.set_interval(self.SLOW_SECONDS, lambda: self._still_reading(path))
        self.read(path, current_language())

    @in_thread(group=READ_GROUP, exclusive=True)
    def read(self, path: Path, lang: str) -> None:
        """Plan the import; a file that cannot be used is one line, not a failure."""
        try:
            found = plan_file(self.store, path, lang)
        except (StoreError, OSError) as exc:
            self.post_message(self.Unreadable(failure_line(exc)))
            return
        self.post_message(self.PlanReady(found))

    def _still_reading(self, path: Path) -> None:
        """Each second of a slow read: the seconds so far; the first time, a notification too."""
        self._ticks += 1
        line = _("sheets.screen.still_reading", path=path, seconds=round(self._ticks * self.SLOW_SECONDS))
        if self._ticks == 1:
            self.notify(line, markup=False, timeout=3)
        self.status.update(line)

    def _stop_progress(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A read that ended in any way stops counting; a failed import (the app said why) reads again."""
        if event.worker.group == READ_GROUP and event.worker.is_finished:
            self._stop_progress()
        elif event.worker.group == APPLY_GROUP and event.state == WorkerState.ERROR and self.found:
            self._start_reading(self.found.path)

    @on(PlanReady)
    def show_plan(self, message: PlanReady) -> None:
        self._stop_progress()
        self._show(message.found, self._summary(message.found))
        self.table.add_rows(plan_rows(message.found.plan))
        self.table.focus()

    @on(Unreadable)
    def show_unreadable(self, message: Unreadable) -> None:
        self._stop_progress()
        self._show(None, message.line)
        self.notify(message.line, severity="error", markup=False)
        self.path_field.focus()

    def _show(self, found: SheetImport | None, line: str) -> None:
        self.found = found
        self.table.clear()
        self.status.update(line)
        self.refresh_bindings()

    def _summary(self, found: SheetImport) -> str:
        plan = found.plan
        counts = _("sheets.screen.summary", added=len(plan.added), changed=len(plan.changed),
                   unchanged=sum(plan.unchanged.values()), refused=refused_count(plan))
        return f"{counts}\n{self._next_step(found)}"

    def _next_step(self, found: SheetImport) -> str:
        plan = found.plan
        if plan.refusals:
            return _("sheets.screen.blocked", count=refused_count(plan), path=refused_path(found.path))
        if not plan.added and not plan.changed:
            return _("sheets.screen.nothing")
        return _("sheets.screen.ready")

    # -- importing ---------------------------------------------------------------------------

    def action_apply(self) -> None:
        """Import every row, after a question; refused rows or nothing to do are said instead."""
        found = self.found
        if found is None:
            return
        plan = found.plan
        if plan.refusals or not (plan.added or plan.changed):
            self.notify(self._next_step(found), severity="warning", markup=False)
            return
        question = _("sheets.screen.confirm", added=len(plan.added), changed=len(plan.changed), path=found.path)
        ask(self, question, lambda: self.apply(found, None, current_language()))

    def action_apply_good(self) -> None:
        """Import the good rows and write the refused ones to the file to send back, after a question."""
        found = self.found
        if found is None or not found.plan.refusals:
            return
        plan, out = found.plan, refused_path(found.path)
        question = _("sheets.screen.confirm_good", added=len(plan.added), changed=len(plan.changed),
                     refused=refused_count(plan), path=out)
        ask(self, question, lambda: self.apply(found, out, current_language()))

    @in_thread(group=APPLY_GROUP, exclusive=True)
    def apply(self, found: SheetImport, refused_to: Path | None, lang: str) -> None:
        """Write the refused rows' file first (so the agency's answer exists), then the import."""
        if refused_to is not None:
            write_refused(found, refused_to, lang)
        apply_plan(self.store, found.plan)
        self.post_message(self.Imported(self._imported_line(found, refused_to), found.path))

    @staticmethod
    def _imported_line(found: SheetImport, refused_to: Path | None) -> str:
        line = _("sheets.screen.imported", path=found.path, added=len(found.plan.added),
                 changed=len(found.plan.changed))
        return f"{line} {_('sheets.cli.refused_written', path=refused_to)}" if refused_to else line

    @on(Imported)
    def imported(self, message: Imported) -> None:
        """Say what was written, and read the file again: it now shows as unchanged."""
        self.notify(message.line, markup=False, timeout=8)
        self._start_reading(message.path)

    def action_back(self) -> None:
        """Back to the overview."""
        self.dismiss()

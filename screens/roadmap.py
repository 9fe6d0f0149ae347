"""The 10-year roadmap (peta jalan): every innovation's steps as bars over the horizon's years.

Rows go dimension → innovation → step; quick wins carry a ``Q`` in their year. ``f`` filters
by dimension, agency and funding source (``c`` clears); the totals per year and per funding
source follow the filter. Enter on an innovation or step opens its action plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Header, Static

from core.i18n import _
from core.models import TargetType
from core.roadmap import RoadmapRow, RowKind, build_rows, overall, totals_per_source, totals_per_year
from core.rupiah import format_rupiah, short
from data.actions import RoadmapFilter, roadmap_lines
from screens.action_plan import ActionPlanScreen
from screens.dialogs.roadmap_filter import FilterChoices, RoadmapFilterScreen, filter_choices
from screens.support.base import WorkshopScreen, Workspace
from tui.messages import CaptureContext
from tui.widgets.roadmap_view import RoadmapView
from tui.widgets.steady_footer import SteadyFooter
from tui.workers import in_thread


@dataclass(frozen=True)
class RoadmapData:
    """Everything the screen shows, computed in a worker."""

    rows: list[RoadmapRow]
    years: list[int]
    per_year: dict[int, int]
    per_source: dict[str, int]
    overall: int
    choices: FilterChoices
    innovation_of: dict[int, int]
    """The innovation of each step shown, by step id."""


def read_roadmap(store, where: RoadmapFilter) -> RoadmapData:
    """Query and lay out the roadmap (pure computing after one query; runs off the UI thread)."""
    workshop, reference = store.workshop(), store.reference()
    lines = roadmap_lines(store, where)
    dimensions = [(d.code, d.name) for d in sorted(reference.dimensions, key=lambda d: d.order)]
    steps = [s for i in lines for s in i.steps]
    return RoadmapData(
        rows=build_rows(dimensions, lines), years=list(workshop.years),
        per_year=totals_per_year(steps, workshop.years), per_source=totals_per_source(steps),
        overall=overall(steps), choices=filter_choices(store, reference),
        innovation_of={s.step_id: i.innovation_id for i in lines for s in i.steps},
    )


class RoadmapScreen(WorkshopScreen):
    """The whole workshop's roadmap, filtered, with its totals."""
    reads = frozenset({"action_steps", "innovations", "agencies", "reference", "workshop"})

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    BINDINGS = [
        Binding("escape", "back", "keys.plan_back", show=False, id="roadmap.back"),
        Binding("f", "filter", "keys.roadmap_filter", id="roadmap.filter"),
        Binding("0", "clear_filter", "keys.roadmap_clear", show=False, id="roadmap.clear"),
        Binding("enter", "open_plan", "keys.roadmap_open_plan", id="roadmap.open"),
    ]

    @dataclass
    class Loaded(Message):
        """The roadmap, read in a worker."""

        data: RoadmapData

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace, id="roadmap")
        self.where = RoadmapFilter()
        self.data: RoadmapData | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="roadmap-filter", markup=False)
        yield RoadmapView(id="roadmap-view")
        yield Static(id="roadmap-totals", markup=False)
        yield SteadyFooter(compact=True)

    def on_mount(self) -> None:
        # A large roadmap takes a moment to read the first time: a still line says so (an animated
        # loading indicator rewrote the view many times a second, 30 KB on the way in, issue 15).
        self.query_one("#roadmap-filter", Static).update(_("roadmap.reading"))
        self.query_one(RoadmapView).focus()

    def reload(self) -> None:
        self.load(self.where)

    @in_thread(exclusive=True, group="roadmap-load")
    def load(self, where: RoadmapFilter) -> None:
        """Read the roadmap off the UI thread."""
        self.post_message(self.Loaded(read_roadmap(self.store, where)))

    @on(Loaded)
    def show(self, message: Loaded) -> None:
        """Show the roadmap just read, its filter line and its totals."""
        self.data = data = message.data
        self.query_one(RoadmapView).show(data.rows, data.years, _("roadmap.column.label"), _("roadmap.column.total"))
        self.query_one("#roadmap-filter", Static).update(self._filter_text(data.choices))
        self.query_one("#roadmap-totals", Static).update(self._totals_text(data))

    def _filter_text(self, choices: FilterChoices) -> str:
        if not self.where.active:
            return _("roadmap.filter.none")
        parts = [choices.dimension_name(self.where.dimension), choices.agency_name(self.where.agency_id),
                 self.where.funding_source]
        return _("roadmap.filter.active", filters=" · ".join(p for p in parts if p))

    def _totals_text(self, data: RoadmapData) -> str:
        years = " · ".join(f"{y} {short(t)}" for y, t in data.per_year.items() if t) or "—"
        sources = " · ".join(f"{s or _('roadmap.no_source')} {short(t)}" for s, t in data.per_source.items() if t)
        return "\n".join([_("roadmap.totals.years", years=years),
                          _("roadmap.totals.sources", sources=sources or "—"),
                          _("roadmap.totals.overall", overall=format_rupiah(data.overall))])

    # -- keys --------------------------------------------------------------------------------

    def action_back(self) -> None:
        """Back to the screen the roadmap was opened from."""
        self.dismiss()

    def action_filter(self) -> None:
        """Choose a dimension, an agency and a funding source to show."""
        if self.data is not None:
            self.app.push_screen(RoadmapFilterScreen(self.where, self.data.choices), self._filtered)

    def _filtered(self, where: RoadmapFilter | None) -> None:
        if where is not None:
            self.where = where
            self.reload()

    def action_clear_filter(self) -> None:
        """Show the whole roadmap again."""
        self._filtered(RoadmapFilter())

    def _innovation_id(self) -> int | None:
        row = self.query_one(RoadmapView).current
        if row is None or row.kind is RowKind.DIMENSION or self.data is None:
            return None
        return int(row.ref) if row.kind is RowKind.INNOVATION else self.data.innovation_of.get(int(row.ref))

    def action_open_plan(self) -> None:
        """The action plan of the innovation (or step) under the cursor."""
        innovation_id = self._innovation_id()
        if innovation_id is not None:
            self.app.push_screen(ActionPlanScreen(self.workspace, innovation_id))

    def capture_context(self) -> CaptureContext:
        """A note here is about the innovation under the cursor, or the workshop."""
        row = self.query_one(RoadmapView).current
        innovation_id = self._innovation_id()
        if row is None or innovation_id is None:
            return super().capture_context()
        return CaptureContext(row.label, None, TargetType.INNOVATION, innovation_id)

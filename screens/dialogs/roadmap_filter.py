"""The roadmap's filter: a dimension, an agency and a funding source, each optional."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Select

from core.i18n import _
from core.models import Agency, ReferenceData
from data.actions import RoadmapFilter, funding_sources
from data.store import WorkshopStore
from screens.support.opening import OpensInOneFrame
from tui.keys import Translated
from tui.widgets.choices import Choice


@dataclass(frozen=True)
class FilterChoices:
    """What each filter can be set to: (label, value) pairs."""

    dimensions: list[tuple[str, str]]
    agencies: list[tuple[str, int]]
    sources: list[tuple[str, str]]

    def dimension_name(self, code: str | None) -> str:
        """The label of a dimension code ('' for none)."""
        return next((label for label, value in self.dimensions if value == code), "")

    def agency_name(self, agency_id: int | None) -> str:
        """The abbreviation of an agency id ('' for none)."""
        return next((label for label, value in self.agencies if value == agency_id), "")


def filter_choices(store: WorkshopStore, reference: ReferenceData) -> FilterChoices:
    """The dimensions, agencies and funding sources to offer (reads the store: call off the UI thread)."""
    dimensions = sorted(reference.dimensions, key=lambda d: d.order)
    return FilterChoices(
        dimensions=[(d.name, d.code) for d in dimensions],
        agencies=[(a.abbreviation, a.id) for a in store.all(Agency, order=("abbreviation",)) if a.id is not None],
        sources=[(s, s) for s in funding_sources(store)],
    )


class RoadmapFilterScreen(Translated, OpensInOneFrame[RoadmapFilter | None], ModalScreen[RoadmapFilter | None]):
    """Three choices; F10 or Enter on the last applies them, Escape leaves the filter as it was."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    BINDINGS = [
        Binding("escape", "dismiss(None)", "keys.close", id="roadmap_filter.close"),
        Binding("f10", "apply", "keys.roadmap_apply", id="roadmap_filter.apply"),
    ]

    def __init__(self, current: RoadmapFilter, choices: FilterChoices) -> None:
        super().__init__(id="roadmap-filter-screen")
        self.current = current
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(id="filter-panel") as panel:
            panel.border_title = _("roadmap.filter.title")
            yield from self._choice("dimension", self.choices.dimensions, self.current.dimension)
            yield from self._choice("agency", self.choices.agencies, self.current.agency_id)
            yield from self._choice("source", self.choices.sources, self.current.funding_source)
            yield Label(_("roadmap.filter.hint"), id="filter-hint")

    def _choice(self, name: str, options: list, value: object) -> ComposeResult:
        with Horizontal(classes="filter-row"):
            yield Label(_(f"roadmap.filter.{name}"), classes="filter-label")
            yield Choice(options, value=Select.NULL if value is None else value, id=f"filter-{name}",
                         prompt=_("roadmap.filter.all"), compact=True)

    def on_mount(self) -> None:
        self.query_one("#filter-dimension").focus()

    def _value(self, name: str) -> str | None:
        value = self.query_one(f"#filter-{name}", Select).value
        return None if value is Select.NULL else str(value)

    def action_apply(self) -> None:
        """Close with the chosen filter."""
        agency = self._value("agency")
        self.dismiss(RoadmapFilter(self._value("dimension"), None if agency is None else int(agency),
                                   self._value("source")))

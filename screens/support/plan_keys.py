"""The overview's way into action plans (``a``: pick an innovation) and the roadmap (``m``).

A screen gets both keys by listing :class:`ActionPlanKeys` before its base class. They stay out
of the footer (whose keys the overview's snapshots fix) but are in the help (F1) and the palette.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen

from screens.action_plan import ActionPlanScreen
from screens.dialogs.innovation_picker import InnovationPicker
from screens.roadmap import RoadmapScreen


class ActionPlanKeys(Screen):
    """Mixin: ``a`` opens an innovation's action plan through a picker, ``m`` the roadmap."""

    BINDINGS = [
        Binding("a", "pick_action_plan", "keys.plan_pick", show=False, id="plans.pick"),
        Binding("m", "open_roadmap", "keys.roadmap_open", show=False, id="plans.roadmap"),
    ]

    def action_pick_action_plan(self) -> None:
        """Choose an innovation, then open its action plan."""
        self.app.push_screen(InnovationPicker(self.app.store), self._open_plan)  # type: ignore[attr-defined]

    def _open_plan(self, innovation_id: int | None) -> None:
        if innovation_id is not None:
            self.app.push_screen(ActionPlanScreen(innovation_id))

    def action_open_roadmap(self) -> None:
        """The 10-year roadmap of the whole workshop."""
        self.app.push_screen(RoadmapScreen())

"""The overview's way into action plans (``a``: pick an innovation) and the roadmap (``m``).

A screen gets both keys by being an :class:`ActionPlanKeys`. They stay out
of the footer (whose keys the overview's snapshots fix) but are in the help (F1) and the palette.
"""

from __future__ import annotations

from textual.binding import Binding

from screens.support.base import WorkshopScreen


class ActionPlanKeys(WorkshopScreen):
    """A workshop screen where ``a`` opens an action plan through a picker and ``m`` the roadmap."""

    BINDINGS = [
        Binding("a", "pick_action_plan", "keys.plan_pick", show=False, id="plans.pick"),
        Binding("m", "open_roadmap", "keys.roadmap_open", show=False, id="plans.roadmap"),
    ]

    def action_pick_action_plan(self) -> None:
        """Choose an innovation, then open its action plan."""
        from screens.dialogs.innovation_picker import open_picker  # imported when used: start-up

        open_picker(self, self.store, self._open_plan)

    def _open_plan(self, innovation_id: int | None) -> None:
        if innovation_id is not None:
            from screens.action_plan import ActionPlanScreen

            self.app.push_screen(ActionPlanScreen(self.workspace, innovation_id))

    def action_open_roadmap(self) -> None:
        """The 10-year roadmap of the whole workshop."""
        from screens.roadmap import RoadmapScreen

        self.app.push_screen(RoadmapScreen(self.workspace))

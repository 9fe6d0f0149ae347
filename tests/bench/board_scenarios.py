"""Benchmark scenarios for the dimension boards on a 3,000-innovation workshop.

Measured by the pty harness beside the overview's scenarios (``tests.bench.scenarios``). To
run them there, add at the end of ``scenarios.py``::

    from tests.bench.board_scenarios import BOARD_SCENARIOS  # noqa: E402 - needs Scenario first
    REMBUK_SCENARIOS.extend(BOARD_SCENARIOS)

Each step times one key to the screen that shows its effect: opening a board, filtering it,
regrouping it. The figures are reported, never asserted.
"""

from __future__ import annotations

from pathlib import Path

from tests.bench.harness import ScreenContains
from tests.bench.scenarios import Scenario, Step, rembuk_executable

STRESS_INNOVATIONS = 3_000


class ContainsNot:
    """Holds when the screen shows every text of ``present`` and none of ``absent``."""

    def __init__(self, present: tuple[str, ...], absent: tuple[str, ...]) -> None:
        self.present, self.absent = present, absent

    def __call__(self, screen: str) -> bool:
        return all(t in screen for t in self.present) and not any(t in screen for t in self.absent)

    def __repr__(self) -> str:
        return f"contains({self.present!r}) and not {self.absent!r}"


def stress_workshop(scratch: Path) -> None:
    """Untimed: a workshop file with 3,000 innovations spread over the six dimensions."""
    from core.models import Workshop
    from data.stress import stress_innovations
    from data.workshops import new_workshop

    store = new_workshop(scratch / "w.rembuk", Workshop(region="Kabupaten Uji"))
    try:
        stress_innovations(store, STRESS_INNOVATIONS)
    finally:
        store.close()


BOARD_SCENARIOS: list[Scenario] = [
    Scenario(
        name="rembuk board (3,000 innovations)",
        prepare=stress_workshop,
        command=lambda scratch: [rembuk_executable(), "open", str(scratch / "w.rembuk")],
        env={"REMBUK_LANG": "en"},
        ready=ScreenContains("Smart Environment", "Latest notes"),
        steps=[
            Step("open a board", "1", ScreenContains("GOV-1 Layanan Publik", "Existing (")),
            Step("filter: existing only", "s", ContainsNot(("existing (s)",), ("New (",))),
            Step("filter: new only", "s", ContainsNot(("new (s)",), ("Existing (",))),
            Step("group by agency", "g", ContainsNot(("by agency (g)",), ("GOV-1 Layanan",))),
            Step("back to the overview", "escape", ScreenContains("Latest notes")),
        ],
    ),
]

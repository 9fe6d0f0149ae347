"""Benchmark scenarios for the dimension boards on a 3,000-innovation workshop.

Measured by the pty harness beside the overview's scenarios: ``tests.bench.scenarios`` adds
them to ``REMBUK_SCENARIOS``.

Each step times one key to the screen that shows its effect: opening a board, moving the
highlight between cards and columns, moving a card to the next column and back (a write and a
reload), filtering it, regrouping it and back. The figures are reported, never asserted.
"""

from __future__ import annotations

from pathlib import Path

from tests.bench.harness import ScreenContains
from tests.bench.scenarios import LARGE, LARGE_TMUX, SMALL, Scenario, Step, idle_step, rembuk_executable

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
    """Untimed: the default stress workshop (3,000 innovations spread over the six dimensions)."""
    from data.stress import StressSize, create_stress

    create_stress(scratch / "w.rembuk", StressSize(innovations=STRESS_INNOVATIONS)).close()


BOARD_SCENARIOS: list[Scenario] = [
    Scenario(
        name="rembuk board (3,000 innovations)",
        prepare=stress_workshop,
        command=lambda scratch: [rembuk_executable(), "open", str(scratch / "w.rembuk")],
        env={"REMBUK_LANG": "en"},
        ready=ScreenContains("Smart Environment", "Latest notes"),
        steps=[
            Step("open a board", "1", ScreenContains("▶ GOV-1 Layanan", "Existing (")),
            idle_step("board open"),
            Step("next card (j)", "j", ScreenContains("▶ Peta desa 54")),
            Step("next column (l)", "l", ScreenContains("▶ Warga peta data")),
            Step("move a card to the next column", "}", ScreenContains("▶ GOV-3")),
            Step("move it back", "{", ScreenContains("▶ GOV-2")),
            Step("filter: existing only", "s", ContainsNot(("existing (s)",), ("New (",))),
            Step("filter: new only", "s", ContainsNot(("new (s)",), ("Existing (",))),
            Step("group by agency", "g", ContainsNot(("by agency (g)",), ("GOV-1 Layanan",))),
            Step("group by element", "g", ScreenContains("by element (g)", "GOV-1 Layanan")),
            Step("back to the overview", "escape", ScreenContains("Latest notes")),
        ],
        frames=(SMALL, LARGE, LARGE_TMUX),  # through tmux: issue 15 measured a board there too
    ),
]

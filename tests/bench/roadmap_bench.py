"""The roadmap at the size the issue names: 15,000 action steps (300 innovations × 50 steps).

Opening the roadmap reads every step in one query and lays the rows out off the UI thread; the
keys after it move the cursor through a list drawn line by line, so they should cost what a key
costs on a small workshop. :func:`roadmap_scenario` is registered in
:data:`tests.bench.scenarios.REMBUK_SCENARIOS`.
"""

from __future__ import annotations

from pathlib import Path

from core.models import ActionStep, Innovation, Workshop
from data.workshops import new_workshop
from tests.bench.harness import ScreenContains

DIMENSIONS = ("GOV", "BRA", "ECO", "LIV", "SOC", "ENV")
INNOVATIONS, STEPS_EACH = 300, 50


def large_workshop(path: Path) -> None:
    """A workshop file with 15,000 steps, budgets in most years, a quick win in each dimension."""
    store = new_workshop(path, Workshop(region="Kabupaten Besar", language="en"))
    try:
        per_dimension = INNOVATIONS // len(DIMENSIONS)
        innovations = store.save_all([
            Innovation(title=f"Inovasi {n:03}", dimension=(d := DIMENSIONS[(n - 1) // per_dimension]),
                       element=f"{d}-1", position=n, quick_win="selected" if n % per_dimension == 1 else "none")
            for n in range(1, INNOVATIONS + 1)
        ])
        store.save_all([
            ActionStep(innovation_id=i.id, activity=f"Langkah {n:03}.{k:02}", start_year=2025 + k % 8,
                       end_year=2025 + k % 8 + 2, budget={2025 + k % 8: 1_000_000 * k}, position=k - 1,
                       funding_source=("APBD Kabupaten", "APBN/DAK", "KPBU")[k % 3])
            for n, i in enumerate(innovations, 1) for k in range(1, STEPS_EACH + 1)
        ])
    finally:
        store.close()


def roadmap_scenario():
    """The scenario: open the roadmap of 15,000 steps, move, jump to the end and back."""
    from tests.bench.scenarios import Scenario, Step, rembuk_executable  # that module registers this one

    return Scenario(
        name="rembuk roadmap (15,000 steps)",
        prepare=lambda scratch: large_workshop(scratch / "w.rembuk"),
        command=lambda scratch: [rembuk_executable(), "open", str(scratch / "w.rembuk")],
        env={"REMBUK_LANG": "en"},
        ready=ScreenContains("Smart Environment", "Latest notes"),
        steps=[
            Step("open the roadmap", "m", ScreenContains("Per source", "▶Smart Governance")),
            Step("move in the roadmap", "down", ScreenContains("▶ Q Inovasi 001")),
            Step("move in the roadmap", "down", ScreenContains("▶   Langkah 001.01")),
            Step("move in the roadmap", "down", ScreenContains("▶   Langkah 001.02")),
            Step("jump to the end / start", "end", ScreenContains("▶   Langkah 300.50")),
            Step("jump to the end / start", "home", ScreenContains("▶Smart Governance")),
        ],
    )

"""The register opened from the heatmap shows the heatmap's risks without reading them again.

On the stress workshop a read of the register is 9,000 risks (about 0.3 s before the first row
shows, issue 15); the heatmap has just read the same risks with the same filters. A change made
afterwards, here or in another terminal, still reads the register again.
"""

from __future__ import annotations

import pytest

from data import risks
from screens.risk_register import RiskRegisterScreen
from screens.support import risk_base
from tests.support import press, settle, wait_until
from tui.app import make_app


@pytest.fixture
def reads(monkeypatch) -> list[object]:
    """The filters of each read of the register the risk screens make, in order."""
    made: list[object] = []

    def counted(store, filters=None):
        made.append(filters)
        return risks.snapshot(store, filters)

    monkeypatch.setattr(risk_base, "snapshot", counted)
    return made


async def test_the_register_from_the_heatmap_shows_its_rows_without_a_second_read(risk_workshop, reads):
    app = make_app(risk_workshop, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "r", "d")  # the heatmap, filtered to the first dimension
        heatmap = app.screen
        shown = len(heatmap.snapshot.rows)
        before = len(reads)
        await press(pilot, "r")
        register = app.screen
        assert isinstance(register, RiskRegisterScreen) and register.filters == heatmap.filters
        assert register.table.row_count == shown > 0
        assert len(reads) == before, "the register read the risks again"
        await press(pilot, "d")  # another filter reads again
        await wait_until(pilot, lambda: len(reads) == before + 1, what="a read for the new filter")
        assert register.filters.dimension != heatmap.filters.dimension


async def test_back_on_the_heatmap_nothing_is_read_again_unless_a_risk_changed(risk_workshop, reads):
    app = make_app(risk_workshop, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "r")
        heatmap = app.screen
        shown = heatmap.snapshot
        await press(pilot, "r", "escape")
        assert app.screen is heatmap and heatmap.snapshot is shown
        assert reads == [], "the heatmap read the register again, unchanged"
        await press(pilot, "r")
        row = app.screen.snapshot.rows[0]
        app.store.save(row.risk.model_copy(update={"likelihood": 6 - row.risk.likelihood}))
        await press(pilot, "escape")
        await wait_until(pilot, lambda: heatmap.snapshot is not shown, what="the changed register read again")
        assert len(reads) == 1

"""At 80 columns in Indonesian, the footers show every key they list whole, none cut at the edge."""

from __future__ import annotations

import pytest
from textual.widgets import Footer

from screens.action_plan import ActionPlanScreen
from screens.preview import PreviewScreen
from screens.risk_register import RiskRegisterScreen
from tests.support import press, settle, wait_until
from tui.app import make_app


def cut_keys(app) -> list[str]:
    """The footer keys drawn only in part: over the palette key or past the screen's edge."""
    keys = list(app.screen.query_one(Footer).query("FooterKey"))
    palette = next(key for key in keys if key.has_class("-command-palette"))
    return [f"{key.key_display} {key.description}" for key in keys
            if key is not palette and key.region.right > palette.region.x]


@pytest.mark.parametrize(("keys", "screen"), [
    (["p"], PreviewScreen),
    (["r", "r"], RiskRegisterScreen),
    (["a", *"Mal", "enter"], ActionPlanScreen),
])
async def test_no_footer_key_is_cut_at_80_columns(demo_path, keys, screen):
    app = make_app(demo_path, language="id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, *keys)
        await wait_until(pilot, lambda: isinstance(app.screen, screen), what=screen.__name__)
        await settle(pilot)
        assert cut_keys(app) == []

"""Snapshots of the minutes' preview and the export dialog, at 80×24 with fixed data.

Each was looked at (rendered to PNG) before it was accepted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import settle
from tui.app import make_app


@pytest.fixture
def relative(seeded, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seeded workshop by a relative path, so the suggested export path is the same every run."""
    monkeypatch.chdir(seeded.parent)
    return Path(seeded.name)


async def _open_preview(pilot) -> None:
    await pilot.press("p")
    await settle(pilot)


async def _open_export(pilot) -> None:
    await _open_preview(pilot)
    await pilot.press("e", "tab", "down", "enter")
    await pilot.pause()


def test_preview_80x24(snap_compare, relative):
    """The minutes' title and header fields in Indonesian (the workshop's language); footer: e, l, esc."""
    assert snap_compare(make_app(relative, language="en"), terminal_size=(80, 24), run_before=_open_preview)


def test_export_dialog_80x24(snap_compare, relative):
    """The dialog over the preview: the suggested path, masterplan chosen (a dot), Markdown chosen."""
    assert snap_compare(make_app(relative, language="en"), terminal_size=(80, 24), run_before=_open_export)

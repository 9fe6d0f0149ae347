"""Snapshots of the overview and capture, at fixed sizes and with fixed data.

Each was looked at before it was accepted: the tiles, counts and keys must read as described.
"""

from __future__ import annotations

from tui.app import make_app


def test_overview_80x24_english(snap_compare, seeded):
    """Six tiles with counts (GOV: 1 existing, 1 chosen quick win), two latest notes, the footer keys."""
    assert snap_compare(make_app(seeded, language="en"), terminal_size=(80, 24))


def test_overview_160x48_indonesian(snap_compare, seeded):
    """The same overview on a wide projector, all labels in Indonesian."""
    assert snap_compare(make_app(seeded, language="id"), terminal_size=(160, 48))


def test_capture_open_over_the_overview(snap_compare, seeded):
    """The note line over the Branding tile: kind 'Decision', attached to Smart Branding, text typed.

    The footer under it is the line's own (next kind, close), not the overview's.
    """
    assert snap_compare(make_app(seeded, language="en"), terminal_size=(80, 24),
                        press=["right", "n", "ctrl+t", *"Sikonde quick win"])

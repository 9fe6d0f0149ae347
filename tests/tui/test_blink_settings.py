"""The text cursor's blink can be turned off, and a slow link turns it off (issue 15).

A blinking cursor redraws its cell twice a second, a few hundred bytes a second on a metered
link while nobody types. ``--no-blink`` and ``--slow-link`` on the command line, or
``cursor_blink = false`` and ``slow_link = true`` in ``settings.toml``, keep it lit.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from tests.support import settle
from tests.tui.test_cli import assert_one_clear_line, rembuk
from tui.app import make_app
from tui.settings import SettingsError, load_settings_file


def settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    (tmp_path / "config").mkdir(exist_ok=True)
    (tmp_path / "config" / "settings.toml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("REMBUK_CONFIG_DIR", str(tmp_path / "config"))


async def focused_cursor_blinks(app) -> bool:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        focused = app.focused
        assert isinstance(focused, Input) and focused.id == "capture-text"
        return focused.cursor_blink


async def test_the_note_line_cursor_blinks_unless_told_not_to(workshop_path):
    assert await focused_cursor_blinks(make_app(workshop_path, language="en"))
    assert not await focused_cursor_blinks(make_app(workshop_path, language="en", cursor_blink=False))


async def test_the_slow_link_setting_in_the_settings_file_keeps_the_cursor_lit(workshop_path, tmp_path, monkeypatch):
    settings_file(tmp_path, monkeypatch, "slow_link = true\n")
    app = make_app(workshop_path, language="en")
    assert app.settings.slow_link and not app.settings.blink
    assert not await focused_cursor_blinks(app)


def test_the_command_line_wins_over_the_settings_file(workshop_path, tmp_path, monkeypatch):
    settings_file(tmp_path, monkeypatch, "cursor_blink = false\n")
    assert not make_app(workshop_path).settings.blink
    assert make_app(workshop_path, cursor_blink=True).settings.blink


def test_a_wrong_entry_in_the_settings_file_is_named(tmp_path, monkeypatch):
    settings_file(tmp_path, monkeypatch, "cursor_blink = 'no'\n")
    with pytest.raises(SettingsError, match="cursor_blink.*slow_link"):
        load_settings_file()


def test_a_malformed_settings_file_gets_one_line(tmp_path, monkeypatch):
    path = tmp_path / "w.rembuk"
    rembuk("new", str(path), "--no-open")
    settings_file(tmp_path, monkeypatch, "slow_link = = true\n")
    assert_one_clear_line(rembuk("--slow-link", "open", str(path)), "settings.toml")

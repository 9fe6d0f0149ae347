"""Word from the preview's export dialog, chosen by keys: the file a regency files."""

from __future__ import annotations

import stat
from pathlib import Path

import docx

from tests.support import settle
from tests.tui.test_preview import _open_preview
from tui.app import make_app


async def test_word_is_exported_from_the_dialog_by_keys(workshop_path: Path) -> None:
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_preview(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("tab", "tab", "down", "down", "enter")  # formats: md → html → docx
        await pilot.press("tab", "enter")  # the Export button
        await settle(pilot)
    written = workshop_path.parent / "serang-minutes.docx"
    assert docx.Document(str(written)).paragraphs[0].text == "Notulen Rapat"
    assert docx.Document(str(written)).sections[0].header.paragraphs[0].text == "PEMERINTAH KABUPATEN SERANG"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600

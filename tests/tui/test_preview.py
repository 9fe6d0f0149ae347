"""The minutes' preview and the export dialog, driven by keys through Textual's Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Input, Markdown

from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.export_dialog import ExportDialog
from screens.preview import PreviewScreen
from tests.support import settle, wait_until
from tui.app import make_app


async def _open_preview(pilot) -> PreviewScreen:
    await pilot.press("p")
    await settle(pilot)
    assert isinstance(pilot.app.screen, PreviewScreen)
    return pilot.app.screen


async def _export(pilot, path: str) -> None:
    """Open the dialog, type ``path`` over the suggestion, and press Enter.

    Tests type short paths relative to the working directory (``tmp_path``, by
    ``monkeypatch.chdir``): Pilot types one key at a time.
    """
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ExportDialog)
    await pilot.press("ctrl+u", *path, "enter")
    await settle(pilot)


async def test_p_shows_the_minutes_and_keys_scroll_them(demo_path: Path) -> None:
    app = make_app(demo_path, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        preview = await _open_preview(pilot)
        markdown = preview.query_one("#preview-document", Markdown)
        assert markdown.source.startswith("# Notulen Rapat")  # the workshop's language
        assert len(preview.query("MarkdownTable")) >= 10
        scroll = preview.query_one("#preview-scroll", VerticalScroll)
        assert scroll.has_focus and scroll.scroll_y == 0
        await pilot.press("j", "j", "down")
        assert scroll.scroll_y == 3
        await pilot.press("k")
        assert scroll.scroll_y == 2
        await pilot.press("pagedown")
        assert scroll.scroll_y > 20
        await pilot.press("end")
        assert scroll.scroll_y == scroll.max_scroll_y > 100
        await pilot.press("home")
        assert scroll.scroll_y == 0
        await pilot.press("escape")
        assert app.screen.id == "overview"


async def test_export_by_keys_in_each_document_and_format(
    workshop_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_preview(pilot)
        minutes = tmp_path / "out" / "n.md"
        minutes.parent.mkdir()
        await _export(pilot, "out/n.md")
        assert minutes.read_text(encoding="utf-8").startswith("# Notulen Rapat\n")
        # Tab to the documents (down: masterplan), Tab to the formats (down: HTML).
        await pilot.press("e")
        await pilot.pause()
        field = app.screen.query_one("#export-path", Input)
        assert field.value == str(workshop_path.parent / "serang-minutes.md")  # the suggestion
        await pilot.press("tab", "down", "enter", "tab", "down", "enter")
        assert field.value == str(workshop_path.parent / "serang-masterplan.html")
        await pilot.press("tab", "enter")  # the Export button
        await settle(pilot)
        written = (workshop_path.parent / "serang-masterplan.html").read_text(encoding="utf-8")
        assert written.startswith("<!DOCTYPE html>") and "<h1>Masterplan Smart City Kabupaten Serang" in written
        assert isinstance(app.screen, PreviewScreen)


async def test_an_existing_file_is_replaced_only_after_confirmation(
    workshop_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The small workshop: the dialogs, not the document, are under test."""
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "n.md"
    target.write_text("kept", encoding="utf-8")
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_preview(pilot)
        await _export(pilot, "n.md")
        assert isinstance(app.screen, ConfirmDialog)
        assert app.screen.focused.id == "confirm-no"  # Enter alone keeps the file
        await pilot.press("n")
        await settle(pilot)
        assert target.read_text(encoding="utf-8") == "kept"
        assert isinstance(app.screen, PreviewScreen)

        await _export(pilot, "n.md")
        await pilot.press("escape")
        await settle(pilot)
        assert target.read_text(encoding="utf-8") == "kept"

        await _export(pilot, "n.md")
        await pilot.press("y")
        await settle(pilot)
        assert target.read_text(encoding="utf-8").startswith("# Notulen Rapat\n")
        assert isinstance(app.screen, PreviewScreen)


async def test_escape_cancels_and_an_empty_path_is_refused(workshop_path: Path) -> None:
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_preview(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+u", "enter")
        assert isinstance(app.screen, ExportDialog)
        assert "Type the path" in str(app.screen.query_one("#export-error").render())
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, PreviewScreen)
        assert not any(p.suffix in (".md", ".html") for p in workshop_path.parent.iterdir())


async def test_a_folder_that_does_not_exist_gives_a_message_not_a_crash(
    workshop_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(workshop_path, language="en")
    shown: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **kwargs: shown.append(message))
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_preview(pilot)
        await _export(pilot, "no/x.md")
        assert isinstance(app.screen, PreviewScreen)
        assert len(shown) == 1 and shown[0].startswith("Not exported to no/x.md: ")
        await _export(pilot, "x.md")
        assert shown[1] == "Wrote x.md" and (tmp_path / "x.md").exists()


async def test_the_preview_key_is_in_the_overview_s_help(workshop_path: Path) -> None:
    """``p`` is not in the footer (the overview's keys are chosen at merge) but F1 lists it."""
    from screens.dialogs.help import HelpScreen

    app = make_app(workshop_path, language="id")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        assert ("p", "Pratinjau notulen") in app.screen.rows


async def test_l_switches_the_language_and_the_export_follows(
    workshop_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        preview = await _open_preview(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert preview.document.source.startswith("# Minutes of the Meeting")
        await _export(pilot, "en.md")
        assert (tmp_path / "en.md").read_text(encoding="utf-8").startswith("# Minutes of the Meeting\n")
        await pilot.press("l")
        await settle(pilot)
        assert preview.document.source.startswith("# Notulen Rapat")


async def test_a_slow_export_says_it_is_still_working(
    workshop_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The export is held in its worker until the progress notification has shown."""
    import threading

    import screens.preview as preview_module

    monkeypatch.chdir(tmp_path)
    release = threading.Event()
    real = preview_module.export_bytes

    def slow(*args, **kwargs):
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(preview_module, "export_bytes", slow)
    monkeypatch.setattr(preview_module, "PROGRESS_AFTER_SECONDS", 0.05)
    app = make_app(workshop_path, language="en")
    shown: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **kwargs: shown.append(message))
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_preview(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+u", *"s.md", "enter")
        await wait_until(pilot, lambda: shown, timeout=5.0, what="the progress line")
        assert shown == ["Exporting… the file is still being written."]
        release.set()
        await settle(pilot)
        assert shown[-1] == "Wrote s.md" and (tmp_path / "s.md").exists()


async def test_the_dialog_remembers_the_last_document_and_format(
    workshop_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_preview(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("tab", "tab", "down", "enter", "tab", "enter")  # HTML, then Export
        await settle(pilot)
        assert (workshop_path.parent / "serang-minutes.html").exists()
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog) and (dialog.document, dialog.fmt) == ("minutes", "html")
        assert dialog.query_one("#export-path", Input).value.endswith("serang-minutes.html")

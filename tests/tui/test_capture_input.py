"""What is pasted or typed into the note line arrives whole, or the user is told what was not."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Input

from core.models import Agency, Note, NoteKind, Participant
from data.store import WorkshopStore
from screens.capture import CaptureScreen
from tui.app import make_app


def stored(path: Path) -> list[Note]:
    store = WorkshopStore.open(path)
    try:
        return store.all(Note)
    finally:
        store.close()


def notices(app) -> list[str]:
    return [notification.message for notification in app._notifications]


async def paste(pilot, text: str) -> None:
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def test_a_multi_line_paste_keeps_every_line_and_says_so(workshop_path):
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await paste(pilot, "Baris pertama paste\nbaris kedua\n\nbaris ketiga")
        assert app.screen.bar.text == "Baris pertama paste baris kedua baris ketiga"
        assert any("3 pasted lines were joined" in line for line in notices(app))


async def test_a_paste_longer_than_the_line_keeps_what_fits_and_the_whole_text_in_a_file(workshop_path):
    pasted = "kata " * 5_000  # 25,000 characters; the note line holds 20,000
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", *"Awal: ")
        await paste(pilot, pasted)
        assert len(app.screen.bar.text) == 20_000 and app.screen.bar.text.startswith("Awal: kata kata")
        [line] = [line for line in notices(app) if "did not fit" in line]
    assert f"holds 20000 characters: {24_999 - 19_994} did not fit" in line
    kept = Path(line.split("kept in ", 1)[1].rstrip("."))
    assert kept.read_text() == pasted.strip() and kept.stat().st_mode & 0o777 == 0o600


async def test_keys_typed_past_the_limit_are_kept_and_named(workshop_path):
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        app.screen.bar.text = "x" * 20_000
        await pilot.press(*"sisa")
        assert len(app.screen.bar.text) == 20_000
        await pilot.pause(0.5)
        [line] = [line for line in notices(app) if "did not fit" in line]
    assert "4 did not fit" in line
    assert Path(line.split("kept in ", 1)[1].rstrip(".")).read_text() == "x" * 20_000 + "sisa"


async def test_after_enter_the_next_note_is_a_plain_note_by_nobody(workshop_path):
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "ctrl+t", "ctrl+t", "ctrl+t", "tab", *"Bu Rina", "tab", *"Data siap?", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press(*"Disepakati", "enter")
        await app.workers.wait_for_complete()
    first, second = stored(workshop_path)
    assert (first.kind, first.speaker) == (NoteKind.QUESTION, "Bu Rina")
    assert (second.kind, second.speaker) == (NoteKind.NOTE, "")


async def test_speaker_names_complete_from_participants_with_their_agency(workshop_path):
    store = WorkshopStore.open(workshop_path)
    agency = store.save(Agency(abbreviation="Bappeda"))
    store.save(Participant(name="Rina Marlina", agency_id=agency.id))
    store.close()
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await app.workers.wait_for_complete()
        await pilot.press("tab", *"rin")
        await pilot.pause()
        speaker = app.screen.query_one("#capture-speaker", Input)
        assert isinstance(app.screen, CaptureScreen)
        await pilot.press("right")  # accepts the suggestion
        assert speaker.value == "Rina Marlina (Bappeda)"


async def test_a_card_title_keeps_a_two_line_paste_and_what_fits_of_a_long_one(workshop_path):
    from screens.forms.innovation_form import InnovationForm
    from tests.support import press, settle

    async with make_app(workshop_path, language="en").run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "1", "a")
        assert isinstance(pilot.app.screen, InnovationForm)
        title = pilot.app.focused
        assert isinstance(title, Input)
        await paste(pilot, "Lapor Bupati\nversi dua")
        assert title.value == "Lapor Bupati versi dua"
        title.value = ""
        await paste(pilot, "judul " * 833)  # 4,997 characters; a title holds 300
        assert len(title.value) == 300 and title.value.startswith("judul judul")
        assert any("300 characters" in line for line in notices(pilot.app))


async def test_the_bottom_row_shows_the_note_lines_keys_while_it_is_open(workshop_path):
    """The bottom row belongs to the note line: its keys (its hint), not the overview's footer
    below it, which read as if its keys still applied while typing."""
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        bottom, _ = app.screen.get_widget_at(2, 23)
        assert bottom.screen is app.screen and bottom.id == "capture-hint"
        shown = str(bottom.render())
        assert "Esc closes" in shown and "Ctrl+T kind" in shown and "Risks" not in shown

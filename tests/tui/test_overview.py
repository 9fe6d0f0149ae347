"""The overview and note capture, driven by keys through Textual's Pilot."""

from __future__ import annotations

from datetime import datetime

from textual.geometry import Region

from core.line_draft import LineDraft
from core.models import Innovation, Note, NoteKind, QuickWin, Risk, TargetType
from data.store import WorkshopStore
from screens.capture import CaptureScreen
from screens.dialogs.help import HelpScreen
from tests.support import settle, wait_until
from tui.app import make_app
from tui.widgets.dimension_tile import DimensionTile
from tui.widgets.notes_list import NotesList


def seed(path) -> None:
    store = WorkshopStore.open(path)
    tatu = store.save(Innovation(title="Serang Tatu", dimension="GOV", element="GOV-1", status="existing",
                                 quick_win=QuickWin.SELECTED))
    store.save(Innovation(title="e-Musrenbang", dimension="GOV", element="GOV-3"))
    store.save(Risk(innovation_id=tatu.id, event="Server down", likelihood=4, impact=4))  # 19: Tinggi
    store.save(Risk(innovation_id=tatu.id, event="Low uptake", likelihood=2, impact=2))  # 7: Rendah
    store.close()


async def test_tiles_show_the_counts_of_each_dimension(workshop_path):
    seed(workshop_path)
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        gov = app.screen.query_one("#tile-gov", DimensionTile)
        assert (gov.summary.existing, gov.summary.new, gov.summary.selected) == (1, 1, 1)
        assert gov.summary.high_risks == 1
        text = str(gov.render())
        assert "Existing 1 · New 1" in text and "GOV-1 Layanan Publik" in text
        assert app.screen.query_one("#tile-env", DimensionTile).summary.innovations == 0


async def test_arrows_and_digits_move_between_tiles(workshop_path):
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right", "down")
        assert app.screen.focused.id == "tile-soc"
        await pilot.press("l", "k")
        assert app.screen.focused.id == "tile-eco"
        await pilot.press("right")  # the edge: stays
        assert app.screen.focused.id == "tile-eco"


def title_line(tile: DimensionTile) -> tuple[str, bool]:
    """The tile's top line as drawn, and whether any of it is in reverse video."""
    [line] = tile.render_lines(Region(0, 0, tile.outer_size.width, 1))
    return line.text, any(segment.style is not None and segment.style.reverse for segment in line)


async def test_the_focused_tile_is_marked_on_its_title_line(workshop_path):
    """In 16 colours a border colour alone can vanish: the focused tile's title carries ▶ in
    reverse video, and the tile left behind loses both but keeps its counts."""
    seed(workshop_path)
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        gov, bra = (app.screen.query_one(f"#tile-{code}", DimensionTile) for code in ("gov", "bra"))
        assert title_line(gov) == ("╭─ ▶ 1 Smart Governance ─╮", True)
        assert title_line(bra)[1] is False and "▶" not in title_line(bra)[0]
        await pilot.press("right")
        await pilot.pause()
        assert title_line(bra) == ("╭─ ▶ 2 Smart Branding ───╮", True)
        assert title_line(gov) == ("╭─ 1 Smart Governance ───╮", False)
        assert "Existing 1 · New 1" in str(gov.render())


async def test_a_title_that_cannot_take_the_mark_and_its_space_keeps_its_name_whole(workshop_path):
    """At 80 columns "▶ 6 Smart Environment" is a cell too wide for its tile: the mark loses its
    space rather than the name its last letters."""
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "right", "right")
        await pilot.pause()
        env = app.screen.query_one("#tile-env", DimensionTile)
        assert title_line(env) == ("╭─ ▶6 Smart Environment ─╮", True)


async def test_n_captures_a_note_attached_to_the_focused_dimension(workshop_path):
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right", "n")
        assert isinstance(app.screen, CaptureScreen)
        await pilot.press("ctrl+t", *"Sikonde disepakati", "enter")
        await settle(pilot)
        assert app.screen.bar.text == ""
    store = WorkshopStore.open(workshop_path)
    [note] = store.all(Note)
    assert (note.text, note.kind, note.dimension, note.target_type) == (
        "Sikonde disepakati", NoteKind.DECISION, "BRA", TargetType.DIMENSION)
    store.close()


async def test_the_speaker_field_is_one_tab_away(workshop_path):
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "tab", *"Ari", "tab", *"ok", "enter")
        await app.workers.wait_for_complete()
    store = WorkshopStore.open(workshop_path)
    assert [(n.speaker, n.text) for n in store.all(Note)] == [("Ari", "ok")]
    store.close()


async def test_a_refused_note_stays_in_the_line_with_the_reason(workshop_path):
    app = make_app(workshop_path, language="id")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        app.screen.bar.text = "x" * 20_001
        await pilot.press("enter")
        await pilot.pause()
        error = str(app.screen.query_one("#capture-error").render())
        assert "Terlalu panjang" in error
        assert len(app.screen.bar.text) == 20_001


async def test_a_half_typed_note_is_kept_and_offered_again(workshop_path):
    app = make_app(workshop_path, language="en", draft_interval=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", *"Dinkes minta data faskes")
        kept = WorkshopStore.open(workshop_path, readonly=True)
        await wait_until(pilot, lambda: LineDraft.loads(kept.draft("capture")).text == "Dinkes minta data faskes",
                         timeout=1.0,
                         what="the draft, at most a second behind the typing")
        kept.close()
        await app.workers.wait_for_complete()
    again = make_app(workshop_path, language="en")
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, CaptureScreen)
        assert again.screen.bar.text == "Dinkes minta data faskes"


async def test_escape_closes_capture_and_f1_lists_every_key(workshop_path):
    app = make_app(workshop_path, language="id")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "escape")
        assert not isinstance(app.screen, CaptureScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        actions = [row[1] for row in app.screen.rows]
        assert {"Catatan", "Keluar", "Bantuan"} <= set(actions)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_notes_from_another_terminal_appear(workshop_path):
    app = make_app(workshop_path, language="en", poll_interval=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        other = WorkshopStore.open(workshop_path)
        other.save(Note(text="typed in the other terminal", dimension="ENV", created_at=datetime.now()))
        other.close()
        tile = app.screen.query_one("#tile-env", DimensionTile)
        await wait_until(pilot, lambda: tile.summary and tile.summary.notes == 1, timeout=10.0,
                         what="the other terminal's note")
        assert tile.summary.notes == 1


async def test_help_shows_only_translated_keys_grouped(workshop_path):
    app = make_app(workshop_path, language="id")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        rows = dict((action, keys) for keys, action in app.screen.rows)
        assert rows["Jenis berikutnya"] == "^t f2"
        assert "Isian berikutnya" in rows
        assert not [a for a in rows if a.startswith(("Move cursor", "Delete", "Select"))]
        await pilot.press("f1")
        assert isinstance(app.screen, CaptureScreen)


async def test_a_user_keymap_rebinds_a_key_by_its_id(workshop_path, tmp_path, monkeypatch):
    monkeypatch.setenv("REMBUK_CONFIG_DIR", str(tmp_path / "config"))
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "keymap.toml").write_text('"app.capture" = "c"\n')
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        assert not isinstance(app.screen, CaptureScreen)
        await pilot.press("c")
        assert isinstance(app.screen, CaptureScreen)


async def test_the_latest_notes_say_which_day_they_were_taken(workshop_path):
    """Day 2's note above day 1's reads in order only if each line names its day."""
    store = WorkshopStore.open(workshop_path)
    store.save(Note(text="hari pertama", dimension="GOV", created_at=datetime(2026, 12, 1, 15, 30)))
    store.save(Note(text="hari kedua", dimension="GOV", created_at=datetime(2026, 12, 2, 9, 5)))
    store.close()
    app = make_app(workshop_path, language="id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        lines = str(app.screen.query_one(NotesList).render()).splitlines()
        assert lines[0].startswith("02/12 09:05 ") and lines[1].startswith("01/12 15:30 ")


def test_a_new_note_on_top_is_read_as_the_list_moved_down_a_line():
    """What lets the terminal move the latest notes instead of having them all written again."""
    from tui.widgets.notes_list import _shift

    a, b, c, d = (Note(text=t, created_at=datetime(2026, 12, 2, 9, n)) for n, t in enumerate("abcd"))
    assert _shift([b, c, d], [a, b, c]) == 1
    assert _shift([c, d], [a, b]) == 0  # two new: the two lines are all new, nothing to move
    assert _shift([a, b, c], [a, b, c]) == 0 and _shift([b, c], [a, b, c]) == 0  # the same, or grown
    assert _shift([a, b, c], [a, c, d]) == 0  # a note deleted: drawn again whole


async def test_back_from_a_board_the_tiles_show_what_changed_while_it_was_open(workshop_path):
    """The overview reads again on its return only if a table it reads changed: a change by
    this terminal (on the board) or by another while the board covered it is on the tiles, and
    a return with no change shows what it showed."""
    seed(workshop_path)  # one new innovation in Smart Governance
    other = WorkshopStore.open(workshop_path)
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        gov = app.screen.query_one("#tile-gov", DimensionTile)
        for save, new in [(app.store.save, 2), (None, 2), (other.save, 3)]:
            await pilot.press("1")
            await wait_until(pilot, lambda: app.screen is not gov.screen, what="the board")
            if save is not None:
                save(Innovation(title=f"Inovasi {new}", dimension="GOV", element="GOV-2"))
            await pilot.press("escape")
            await wait_until(pilot, lambda: app.screen is gov.screen and gov.summary.new == new,  # noqa: B023
                             what=f"New {new} on the tile")
            await settle(pilot)
            assert f"New {new}" in str(gov.render())
    other.close()

"""The follow view (Pilot): it shows what the driver publishes, says who drives, writes nothing."""

from __future__ import annotations

import hashlib
import time

import pytest

from core.live import LiveView, Terminal
from core.models import Innovation
from data import clock, presence
from data.store import WorkshopStore
from tests.reliability.faults import read_only
from tests.support import settle, wait_until
from tui.follow_app import make_follow_app

AYU = Terminal(id="a", name="Ayu")


def drive(path, view: LiveView | None = None, **card) -> Innovation:
    """Ayu drives, showing a board with a card highlighted (or ``view``)."""
    store = WorkshopStore.open(path)
    try:
        item = store.save(Innovation(title="Mal Pelayanan Publik", dimension="GOV", element="GOV-1",
                                     problem="Antrean panjang di kantor dinas", **card))
        presence.join(store, AYU)
        presence.take_over(store, AYU, view or LiveView(screen="board", dimension="GOV", innovation_id=item.id))
    finally:
        store.close()
    return item


def fingerprint(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def screen_text(app) -> str:
    """The status line and the body's texts, as shown."""
    parts = [app.screen.query_one("#follow-status"), *app.screen.query("#follow-body > Label, #follow-body > Static")]
    return "\n".join(str(part.render()) for part in parts)




@pytest.mark.parametrize("size", [(60, 20), (200, 60)])
async def test_the_highlighted_card_is_shown_large_with_its_fields(workshop_path, size):
    drive(workshop_path)
    app = make_follow_app(workshop_path, language="en")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Ayu drives · 1 connected" in text
        assert "Smart Governance" in text and "Mal Pelayanan Publik" in text
        assert "Problem solved: Antrean panjang di kantor dinas" in text
        title = app.screen.query_one("#follow-title")
        assert title.region.width == size[0] - 8 and title.region.height >= 3  # a band across the room


async def test_it_writes_nothing_and_takes_no_key_but_quit(workshop_path):
    drive(workshop_path)
    before = fingerprint(workshop_path)
    app = make_follow_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n", "a", "x", "enter", "f7", "delete")
        await settle(pilot)
        assert app.screen.id == "follow"
    assert fingerprint(workshop_path) == before
    assert [t.name for t in presence.terminals(WorkshopStore.open(workshop_path, readonly=True))] == ["Ayu"]


async def test_a_driver_gone_quiet_is_said_and_its_last_view_kept(workshop_path):
    drive(workshop_path)
    store = WorkshopStore.open(workshop_path)
    with store.write() as db:  # Ayu's terminal stopped beating 30 s ago (killed, its link dropped)
        db.execute("UPDATE terminals SET seen_at = ?", [time.time() - 30])
    store.close()
    app = make_follow_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert app.screen.has_class("-driver-gone")  # the status line in reverse video, too
    assert "DRIVER GONE: Ayu, not heard from for 30 s" in text
    assert "Mal Pelayanan Publik" in text


async def test_the_room_clock_counts_down_and_says_when_time_is_up(workshop_path):
    drive(workshop_path)
    store = WorkshopStore.open(workshop_path)
    clock.start(store, 125, label="Diskusi kelompok")
    app = make_follow_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert str(app.screen.query_one("#follow-clock").value) in ("02:05", "02:04")
        clock.start(store, 0, label="Diskusi kelompok")
        await pilot.pause(0.6)
        await settle(pilot)
        assert "TIME'S UP" in str(app.screen.query_one("#follow-clock-label").render())
        assert app.screen.has_class("-time-up")
    store.close()


async def test_it_follows_a_file_on_a_read_only_mount(tmp_path, workshop_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "w.rembuk"
    path.write_bytes(workshop_path.read_bytes())
    drive(path)
    with read_only(folder) as done:
        if not done:
            pytest.skip("cannot make a read-only bind mount here (needs root)")
        app = make_follow_app(path, language="en")
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            text = screen_text(app)
    assert "Mal Pelayanan Publik" in text and "Ayu" in text


@pytest.mark.parametrize("size", [(60, 20), (200, 60)])
async def test_the_minutes_are_scrolled_as_far_as_the_drivers(demo_path, size):
    """The view showed a stretch of lines picked by the driver's fraction: with the wide tables of
    the minutes, a 60x20 projector showed what the driver had passed (at the end, 60 lines back)."""
    from screens.follow import MinutesScroll

    store = WorkshopStore.open(demo_path)
    presence.join(store, AYU)
    presence.take_over(store, AYU, LiveView(screen="preview", scroll=1.0))
    app = make_follow_app(demo_path, language="en")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        minutes = app.screen.query_one(MinutesScroll)
        await wait_until(pilot, lambda: minutes.max_scroll_y > 0 and minutes.scroll_y >= minutes.max_scroll_y - 1)
        presence.publish(store, AYU, LiveView(screen="preview", scroll=0.5))
        await wait_until(pilot, lambda: abs(minutes.scroll_y - minutes.max_scroll_y / 2) <= 1)
        await pilot.press("up", "pageup", "home")  # the room's keys do not move it
        await settle(pilot)
        assert abs(minutes.scroll_y - minutes.max_scroll_y / 2) <= 1
    store.close()


def test_long_minutes_are_shown_as_a_stretch_around_the_drivers_line(demo_path, monkeypatch):
    """Laying out 16,000 lines at every move of the driver would stall the view: a stretch is shown."""
    from core.minutes import render_minutes
    from screens.support import follow_content

    monkeypatch.setattr(follow_content, "WHOLE_MINUTES_LINES", 100)
    monkeypatch.setattr(follow_content, "MINUTES_STRETCH", 60)
    store = WorkshopStore.open(demo_path, readonly=True)
    try:
        bundle = store.bundle()
        lines = render_minutes(bundle, bundle.workshop.language).splitlines()
        shown = follow_content.read_shown(store, LiveView(screen="preview", scroll=0.5))
    finally:
        store.close()
    text = shown.text.splitlines()
    assert len(lines) > 100 and len(text) <= 62
    line = lines[round(0.5 * len(lines))]
    assert line in text and abs(shown.scroll - text.index(line) / 60) < 0.05

"""The workshop screen (w on the overview): the header as the minutes need it, typed by keys."""

from __future__ import annotations

from datetime import date

from core.models import Participant, Role
from data.store import WorkshopStore
from data.workshops import read_bundle
from screens.forms.workshop_form import WorkshopForm
from tests.support import press, settle
from tui.app import make_app
from tui.widgets.setup_line import SetupLine


async def type_into(pilot, field: str, text: str) -> None:
    """Put ``text`` into one field of the open form, as typed."""
    pilot.app.screen.query_one(f"#field-{field}").focus()
    await pilot.press("ctrl+u", *text) if text else await pilot.press("ctrl+u")


async def test_the_header_typed_reaches_the_file_and_the_line_goes(workshop_path):
    store = WorkshopStore.open(workshop_path)
    store.save(Participant(name="Ir. Budi Santoso", position="Kepala Dinas", nip="1970"))
    store.close()
    async with make_app(workshop_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        line = pilot.app.screen.query_one(SetupLine)
        assert line.display and "Title" in str(line.render())
        await press(pilot, "w")
        assert isinstance(pilot.app.screen, WorkshopForm)
        for field, text in [("title", "Bimtek II Pandeglang"), ("dates", "2/7/2024, 3/7/2024"),
                            ("start_time", "8.30"), ("end_time", "16.00"), ("venue", "Pendopo"),
                            ("minute_taker", "Dedi Kurnia"), ("chair", "ir. bu")]:
            await type_into(pilot, field, text)
        await press(pilot, "right")  # takes the suggested registered name
        await press(pilot, "ctrl+s")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, WorkshopForm)
        assert not pilot.app.screen.query_one(SetupLine).display
    bundle = read_bundle(workshop_path)
    w = bundle.workshop
    assert (w.title, w.start_time, w.venue, w.chair) == ("Bimtek II Pandeglang", "08.30", "Pendopo", "Ir. Budi Santoso")
    assert w.dates == [date(2024, 7, 2), date(2024, 7, 3)]
    assert {(p.name, p.role) for p in bundle.participants} == {
        ("Ir. Budi Santoso", Role.PARTICIPANT), ("Dedi Kurnia", Role.MINUTE_TAKER)}


async def test_a_bad_time_is_refused_beside_its_field_and_nothing_is_lost(workshop_path):
    async with make_app(workshop_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "w")
        await type_into(pilot, "venue", "Aula Bappeda")
        await type_into(pilot, "start_time", "jam 8")
        await press(pilot, "ctrl+s")
        form = pilot.app.screen
        assert isinstance(form, WorkshopForm)
        assert "08.30" in str(form.query_one("#error-start_time").render())
        assert form.focused is form.query_one("#field-start_time")
        assert form.query_one("#field-venue").value == "Aula Bappeda"
    assert read_bundle(workshop_path).workshop.venue == ""


async def test_the_header_line_shows_the_region_and_stage_saved_in_the_form(workshop_path):
    async with make_app(workshop_path, language="en").run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert pilot.app.sub_title.startswith("Kabupaten Serang · Bimtek I")
        await press(pilot, "w")
        await type_into(pilot, "region", "Kabupaten Pandeglang")
        await type_into(pilot, "dates", "10/7/2024")
        pilot.app.screen.query_one("#field-stage").value = "II"
        await press(pilot, "ctrl+s")
        await settle(pilot)
        assert pilot.app.sub_title == "Kabupaten Pandeglang · Bimtek II · Wednesday, 10 July 2024"

"""Registers of agencies and participants, attendance, and a new agency from the card form."""

from __future__ import annotations

from datetime import date

from core.models import Agency, Attendance, Innovation, Participant, Role
from data.store import WorkshopStore
from screens.forms.innovation_form import InnovationForm
from screens.people import PeopleScreen
from tests.support import press, settle
from tui.app import make_app


def read(path, cls) -> list:
    store = WorkshopStore.open(path)
    try:
        return store.all(cls)
    finally:
        store.close()


def set_days(path, *days: date) -> None:
    store = WorkshopStore.open(path)
    store.save_workshop(store.workshop().model_copy(update={"dates": list(days)}))
    store.close()


async def test_register_an_agency(workshop_path):
    async with make_app(workshop_path).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "o")
        assert isinstance(pilot.app.screen, PeopleScreen)
        await press(pilot, "a")
        await pilot.press(*"Kec. Cikande")
        await press(pilot, "tab", *"Kecamatan Cikande", "enter")
        assert any(a.abbreviation == "Kec. Cikande" and a.name == "Kecamatan Cikande"
                   for a in read(workshop_path, Agency))


async def test_register_a_participant_and_mark_attendance(workshop_path):
    set_days(workshop_path, date(2024, 7, 2), date(2024, 7, 3))
    async with make_app(workshop_path).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "o", "p", "a")
        await pilot.press(*"Ari Wibowo")
        await press(pilot, "enter")
        [ari] = read(workshop_path, Participant)
        assert (ari.name, ari.role) == ("Ari Wibowo", Role.PARTICIPANT)
        await press(pilot, "2")
        assert read(workshop_path, Attendance) == [Attendance(participant_id=ari.id, day=date(2024, 7, 3))]
        await press(pilot, "3")
        assert any("no day 3" in n.message for n in pilot.app._notifications)


async def test_a_participant_needs_a_name(workshop_path):
    async with make_app(workshop_path).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "o", "p", "a", "enter")
        assert "Required" in pilot.app.screen.row("name").refusal
        await press(pilot, "escape")
        assert read(workshop_path, Participant) == []


async def test_f3_in_the_card_form_registers_the_lead_agency_in_one_step(workshop_path):
    async with make_app(workshop_path).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "1", "a")
        await pilot.press(*"Lapor Camat")
        await press(pilot, "f3")
        await pilot.press(*"Kec. Anyar")
        await press(pilot, "enter")
        assert isinstance(pilot.app.screen, InnovationForm)
        await press(pilot, "ctrl+s")
        [card] = read(workshop_path, Innovation)
        agency = next(a for a in read(workshop_path, Agency) if a.abbreviation == "Kec. Anyar")
        assert card.lead_agency_id == agency.id


async def test_f3_in_the_participant_form_registers_their_agency_in_one_step(workshop_path):
    async with make_app(workshop_path).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "o", "p", "a")
        await pilot.press(*"Rina")
        await press(pilot, "f3")
        await pilot.press(*"Kec. Kramatwatu")
        await press(pilot, "enter", "ctrl+s")
        [rina] = read(workshop_path, Participant)
        agency = next(a for a in read(workshop_path, Agency) if a.abbreviation == "Kec. Kramatwatu")
        assert rina.agency_id == agency.id


async def test_escape_asks_before_a_changed_form_is_thrown_away(workshop_path):
    """Escape is pressed easily (to close a list, out of habit): typing is not lost to it."""
    from textual.widgets import Input

    from screens.dialogs.confirm import ConfirmDialog
    from screens.forms.participant_form import ParticipantForm

    async with make_app(workshop_path).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "o", "p", "a")
        await pilot.press(*"Ari Wibowo")
        await press(pilot, "escape")
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await press(pilot, "n")  # keep editing: the name is still there
        assert isinstance(pilot.app.screen, ParticipantForm)
        assert pilot.app.screen.query_one("#field-name", Input).value == "Ari Wibowo"
        await press(pilot, "escape", "y")
        assert isinstance(pilot.app.screen, PeopleScreen)
        assert read(workshop_path, Participant) == []
        await press(pilot, "a", "escape")  # an untouched form closes at once
        assert isinstance(pilot.app.screen, PeopleScreen)


async def test_an_unused_agency_is_deleted_and_one_in_use_says_why_not(workshop_path):
    store = WorkshopStore.open(workshop_path)
    agencies = sorted(store.all(Agency), key=lambda a: a.abbreviation.lower())
    used, unused = agencies[0], agencies[1]
    store.save(Innovation(title="Satu Data", dimension="GOV", element="GOV-3", lead_agency_id=used.id))
    store.close()
    async with make_app(workshop_path).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "o", "x", "y")
        assert any("still used by 1 innovation" in n.message for n in pilot.app._notifications)
        assert used.id in {a.id for a in read(workshop_path, Agency)}
        await press(pilot, "down", "x", "y")
        assert unused.id not in {a.id for a in read(workshop_path, Agency)}


async def test_a_participant_marked_present_stays(workshop_path):
    set_days(workshop_path, date(2024, 7, 2))
    store = WorkshopStore.open(workshop_path)
    ari = store.save(Participant(name="Ari"))
    store.save(Participant(name="Zul"))
    store.save(Attendance(participant_id=ari.id, day=date(2024, 7, 2)))
    store.close()
    async with make_app(workshop_path).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "o", "p", "x", "y")
        assert any("1 day(s) of attendance" in n.message for n in pilot.app._notifications)
        await press(pilot, "down", "x", "y")
    assert [p.name for p in read(workshop_path, Participant)] == ["Ari"]

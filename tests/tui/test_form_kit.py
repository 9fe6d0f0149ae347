"""The form and dialog kit: one save key, refusals where the eye is, stale edits that keep the
typing, one confirm dialog, and marks that do not depend on colour (issues 10 and 16)."""

from __future__ import annotations

from datetime import datetime

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Input, RadioSet

from core.exports import FORMATS
from core.models import ActionStep, Innovation, Note, Risk
from data.store import WorkshopStore
from screens.board import BoardScreen
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.export_dialog import ExportDialog
from screens.dialogs.timer_dialog import TimerDialog
from screens.forms.action_step_form import ActionStepForm
from screens.forms.field_form import FieldForm
from screens.forms.innovation_form import InnovationForm
from screens.forms.note_form import NoteForm
from screens.forms.risk_form import RiskFormScreen
from screens.notes import NotesScreen
from tests.support import press, settle
from tui.app import make_app
from tui.widgets.choices import Ticks


def stored(path) -> dict[str, Innovation]:
    store = WorkshopStore.open(path)
    try:
        return {i.title: i for i in store.all(Innovation)}
    finally:
        store.close()


async def open_card_form(pilot, key: str = "e") -> InnovationForm:
    await settle(pilot)
    await press(pilot, "1", key)
    form = pilot.app.screen
    assert isinstance(form, InnovationForm)
    return form


async def test_every_form_saves_with_ctrl_s_and_says_so_on_the_form(seeded_path):
    async with make_app(seeded_path).run_test(size=(80, 24)) as pilot:
        form = await open_card_form(pilot)
        assert "Ctrl+S" in str(form.query_one(".form-panel").border_subtitle)
        await pilot.press("ctrl+u", *"Serang Tatu 2")
        await press(pilot, "ctrl+s")
        assert isinstance(pilot.app.screen, BoardScreen)
        assert "Serang Tatu 2" in stored(seeded_path)
    shown = {b.key: (b.action, b.id) for b in FieldForm.BINDINGS if isinstance(b, Binding)}
    assert shown["ctrl+s"] == ("save", "form.save") and shown["escape"] == ("cancel", "form.cancel")


async def test_a_refusal_below_the_visible_part_scrolls_to_its_field_and_focuses_it(workshop_path):
    store = WorkshopStore.open(workshop_path)
    tatu = store.save(Innovation(title="Serang Tatu", dimension="GOV", element="GOV-1"))
    store.close()
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "a", "enter")  # the plan of the only innovation
        await press(pilot, "a")
        form = app.screen
        assert isinstance(form, ActionStepForm)
        await pilot.press(*"Sosialisasi")
        while form.focused is not form.query_one("#field-budget_2028"):
            await pilot.press("tab")  # down the form, which scrolls as the focus moves
        await pilot.press(*"-5")
        await press(pilot, "ctrl+s")  # refused where the cursor is: its reason comes under the field
        assert app.screen is form
        assert form.focused is form.query_one("#field-budget_2028")
        panel = form.query_one(".form-panel")
        error = form.query_one("#error-budget_2028")
        assert "negative" in str(error.render())
        assert panel.content_region.contains_region(error.region), "the reason is on screen"
        assert steps(workshop_path, tatu.id) == []


def steps(path, innovation_id) -> list[ActionStep]:
    store = WorkshopStore.open(path)
    try:
        return store.all(ActionStep, innovation_id=innovation_id)
    finally:
        store.close()


async def test_the_risk_form_opens_on_its_first_field_and_a_fixed_value_loses_its_error(risk_workshop):
    app = make_app(risk_workshop, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "r", "r", "a")
        form = app.screen
        assert isinstance(form, RiskFormScreen)
        assert form.focused is form.query_one("#field-innovation_id"), "the first field, not the fourth"
        form.query_one("#field-innovation_id").value = form.query_one("#field-innovation_id").choices[0][1]
        await press(pilot, "ctrl+s")
        assert "Required" in form.row("event").refusal
        form.query_one("#field-event").focus()
        await pilot.press(*"Banjir")
        await pilot.pause()
        assert form.row("event").refusal == "", "the reason goes as soon as the value is valid"
        assert not form.row("event").has_class("-refused")


async def test_an_edit_another_terminal_saved_first_keeps_the_typing_and_offers_both_ways(seeded_path):
    async with make_app(seeded_path).run_test(size=(100, 30)) as pilot:
        form = await open_card_form(pilot)
        other = WorkshopStore.open(seeded_path)  # another terminal renames the card meanwhile
        card = stored(seeded_path)["Serang Tatu"]
        other.save(card.model_copy(update={"title": "Serang Tatu (mereka)"}))
        other.close()
        form.query_one("#field-problem", Input).value = "Antrean panjang"
        await press(pilot, "ctrl+s")
        assert pilot.app.screen is form, "the form stays open"
        assert form.query_one("#field-problem", Input).value == "Antrean panjang"
        notice = str(form.query_one("#form-outdated").render())
        assert "Title: Serang Tatu (mereka)" in notice and "Ctrl+O" in notice and "Ctrl+R" in notice
        await press(pilot, "ctrl+r")  # take their values
        assert form.query_one("#field-title", Input).value == "Serang Tatu (mereka)"
        form.query_one("#field-problem", Input).value = "Antrean panjang"
        await press(pilot, "ctrl+s")
        assert isinstance(pilot.app.screen, BoardScreen)
        saved = stored(seeded_path)["Serang Tatu (mereka)"]
        assert saved.problem == "Antrean panjang"


async def test_the_confirm_dialog_answers_no_to_enter_and_yes_only_to_y(seeded_path):
    async with make_app(seeded_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "1", "x")
        dialog = pilot.app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert dialog.focused is dialog.no_button and "▶" in str(dialog.no_button.label)
        ids = {b.id for b in ConfirmDialog.BINDINGS if isinstance(b, Binding)}
        assert {"dialog.confirm", "dialog.decline"} <= ids
        await press(pilot, "enter")
        assert isinstance(pilot.app.screen, BoardScreen) and len(stored(seeded_path)) == 4
        await press(pilot, "x", "y")
        assert len(stored(seeded_path)) == 3


async def test_the_focused_choice_group_of_the_export_dialog_shows_without_colour(workshop_path):
    async with make_app(workshop_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        pilot.app.push_screen(ExportDialog(workshop_path.parent, "w"))
        await settle(pilot)
        await pilot.press("tab")
        documents, formats = pilot.app.screen.query(RadioSet).results(RadioSet)
        assert documents.has_focus
        assert documents.styles.border_top[0] == "double" and formats.styles.border_top[0] == "round"


@pytest.mark.parametrize("fmt", FORMATS)
async def test_a_typed_extension_chooses_the_format(workshop_path, fmt):
    """Every format of core.exports.FORMATS (Word and PDF too) is chosen by its extension."""
    async with make_app(workshop_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        results = []
        start = "md" if fmt != "md" else "html"
        pilot.app.push_screen(ExportDialog(workshop_path.parent, "w", fmt=start), results.append)
        await settle(pilot)
        formats = [b.name for b in pilot.app.screen.query_one("#export-format", RadioSet).query("RadioChoice")]
        assert formats == list(FORMATS), "the dialog offers the one list of formats"
        field = pilot.app.screen.query_one("#export-path", Input)
        field.value = str(workshop_path.parent / f"notulen.{fmt}")
        await press(pilot, "enter")
        assert results[0].fmt == fmt and results[0].path.name == f"notulen.{fmt}"


class TicksApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Ticks(("Bappeda", 1, True), ("Diskominfo", 2, False))


async def test_ticked_and_unticked_choices_differ_by_a_mark():
    async with TicksApp().run_test(size=(40, 6)) as pilot:
        ticks = pilot.app.query_one(Ticks)
        lines = [ticks.render_line(y).text for y in range(2)]
        assert "X" in lines[0].split("Bappeda")[0] and "X" not in lines[1].split("Diskominfo")[0]


async def test_an_open_drop_down_says_how_to_close_it_in_indonesian(seeded_path):
    async with make_app(seeded_path, language="id").run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "1", "f")  # the agency filter's list opens
        described = {b.binding.description for b in pilot.app.screen.active_bindings.values()}
        assert "Tutup daftar" in described and "Dismiss menu" not in described


async def test_a_risk_is_deleted_through_the_same_dialog(risk_workshop):
    app = make_app(risk_workshop, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "r", "r")
        before = len(app.store.all(Risk))
        await press(pilot, "delete")
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "enter")  # No is the default
        assert len(app.store.all(Risk)) == before


async def test_a_note_is_edited_in_the_kit_and_deleted_through_the_same_dialog(workshop_path):
    store = WorkshopStore.open(workshop_path)
    note = store.save(Note(text="Data DTKS diminta", created_at=datetime(2024, 7, 2, 10)))
    store.close()
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "N")
        assert isinstance(app.screen, NotesScreen)
        await press(pilot, "e")
        form = app.screen
        assert isinstance(form, NoteForm) and form.focused is form.query_one("#field-text")
        await press(pilot, "ctrl+u", "ctrl+s")
        assert form.row("text").refusal, "an empty note is refused beside its field"
        assert app.screen is form
        await press(pilot, *"Data DTKS Dinsos", "ctrl+s")
        assert isinstance(app.screen, NotesScreen), "the form saved itself and closed"
        assert app.store.get(Note, note.id or 0).text == "Data DTKS Dinsos"
        await press(pilot, "x")  # not held behind the save: the form closed itself as it saved
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "enter")  # No is the default
        assert len(app.store.all(Note)) == 1
        await press(pilot, "x", "y")
        assert app.store.all(Note) == []


async def test_the_timer_prompt_refuses_beside_its_field_and_starts_with_ctrl_s(workshop_path):
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "f8")
        prompt = app.screen
        assert isinstance(prompt, TimerDialog)
        await press(pilot, *"900", "enter")
        assert app.screen is prompt and "600" in prompt.row.refusal
        assert prompt.row.error_label.render().plain.startswith("✗"), "marked, not only coloured"
        await press(pilot, "ctrl+u", "5", "ctrl+s")
        assert not isinstance(app.screen, TimerDialog)


async def test_a_list_the_other_terminal_only_reordered_is_not_listed_as_changed(seeded_path):
    """Before: another terminal that renamed the card also "changed" its supporting agencies,
    which it had only saved in another order."""
    from core.models import Agency

    store = WorkshopStore.open(seeded_path)
    first, second = (a.id for a in store.all(Agency, order=("id",))[:2])
    store.save(stored_in(store)["Serang Tatu"].model_copy(update={"supporting_agency_ids": [second, first]}))
    store.close()
    async with make_app(seeded_path).run_test(size=(100, 30)) as pilot:
        form = await open_card_form(pilot)
        other = WorkshopStore.open(seeded_path)
        card = stored_in(other)["Serang Tatu"]
        other.save(card.model_copy(update={"title": "Serang Tatu (mereka)", "supporting_agency_ids": [first, second]}))
        other.close()
        await press(pilot, "ctrl+s")
        notice = str(form.query_one("#form-outdated").render())
        assert "Title: Serang Tatu (mereka)" in notice
        assert form.row("supporting_agency_ids").label not in notice


def stored_in(store: WorkshopStore) -> dict[str, Innovation]:
    """The cards in an open store, by title."""
    return {i.title: i for i in store.all(Innovation)}

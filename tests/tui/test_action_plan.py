"""The action plan and the roadmap, driven by keys through Textual's Pilot."""

from __future__ import annotations

import csv
import io

import pytest

from core.models import ActionStep, Innovation, QuickWin, StepStatus
from data.actions import steps_of
from data.store import WorkshopStore
from screens.action_plan import ActionPlanScreen
from screens.dialogs.innovation_picker import InnovationPicker
from screens.forms.action_step_form import ActionStepForm
from screens.roadmap import RoadmapScreen
from tests.support import settle
from tests.tui.test_cli import rembuk
from tui.app import make_app


@pytest.fixture
def tatu(workshop_path) -> int:
    store = WorkshopStore.open(workshop_path)
    innovation = store.save(Innovation(title="Serang Tatu", dimension="GOV", element="GOV-1",
                                       quick_win=QuickWin.SELECTED))
    store.save(Innovation(title="Sikonde", dimension="BRA", element="BRA-1"))
    store.close()
    return innovation.id


async def _open_plan(pilot, typed: str = "tatu") -> ActionPlanScreen:
    await pilot.press("a")
    await settle(pilot)  # the picker opens once the innovations are read
    assert isinstance(pilot.app.screen, InnovationPicker)
    await pilot.press(*typed, "enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ActionPlanScreen)
    return pilot.app.screen


async def _type_step(pilot, activity: str, start: str, end: str, budget: dict[int, str]) -> None:
    """Fill the open form by keys: activity first, then years and amounts by Tab."""
    form = pilot.app.screen
    assert isinstance(form, ActionStepForm)
    await pilot.press(*activity)
    for field, value in (("start_year", start), ("end_year", end)):
        form.query_one(f"#field-{field}").focus()
        await pilot.press("ctrl+u", *value)  # Textual's "delete to start of line"
    for year, amount in budget.items():
        form.query_one(f"#field-budget_{year}").focus()
        await pilot.press(*amount)
    await pilot.press("enter")
    await settle(pilot)


async def test_breaking_an_innovation_into_steps_by_keys(workshop_path, tatu):
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        plan = await _open_plan(pilot)
        assert plan.innovation_id == tatu and plan.table.row_count == 0
        await pilot.press("a")
        await _type_step(pilot, "Analisis proses bisnis", "2025", "2025", {2025: "150 jt"})
        await pilot.press("a")
        await _type_step(pilot, "Operasional", "2026", "2027", {2026: "1,25 M", 2027: "Rp 200.000.000"})
        await pilot.press("up", "i")  # insert above the first step
        await _type_step(pilot, "Kick-off", "2025", "", {})
        steps = steps_of(app.store, tatu)
        assert [s.activity for s in steps] == ["Kick-off", "Analisis proses bisnis", "Operasional"]
        assert steps[2].budget == {2026: 1_250_000_000, 2027: 200_000_000}
        assert steps[0].end_year == 2025
        totals = str(plan.query_one("#plan-totals").render())
        assert "2026 1,25 M" in totals and "Rp 1.600.000.000" in totals and "3 step(s)" in totals


async def test_refused_fields_say_why_and_keep_the_rest(workshop_path, tatu):
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_plan(pilot)
        await pilot.press("a")
        form = app.screen
        await _type_step(pilot, "Sosialisasi", "2040", "2025", {2025: "-5", 2026: "banyak"})
        assert app.screen is form, "the form stays open"
        errors = {row.field_name: row.refusal for row in form.field_rows if row.refusal}
        assert errors == {
            "start_year": "The year must lie within the horizon 2025–2034.",
            "budget_2025": "An amount cannot be negative.",
            "budget_2026": "Not an amount: type e.g. 1250000000, 1.250.000.000, 1,25 M or 750 juta.",
        }
        assert form.query_one("#field-activity").value == "Sosialisasi"
        assert app.screen.focused.id == "field-start_year"
        await pilot.press("ctrl+u", *"2025")
        form.query_one("#field-budget_2025").focus()
        await pilot.press("ctrl+u", *"5 jt")
        form.query_one("#field-budget_2026").focus()
        await pilot.press("ctrl+u", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ActionPlanScreen)
        assert [(s.activity, s.budget) for s in steps_of(app.store, tatu)] == [("Sosialisasi", {2025: 5_000_000})]


async def test_duplicate_reorder_delete_and_ctrl_z(workshop_path, tatu):
    store = WorkshopStore.open(workshop_path)
    store.save_all([ActionStep(innovation_id=tatu, activity=name, start_year=2025, end_year=2025, position=n)
                    for n, name in enumerate("ABC")])
    store.close()
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        plan = await _open_plan(pilot)

        def order() -> str:
            return "".join(s.activity for s in steps_of(app.store, tatu))

        await pilot.press("d")
        await settle(pilot)
        assert order() == "AABC" and plan.table.cursor_row == 1
        await pilot.press("down", "down", "K")
        await settle(pilot)
        assert order() == "AACB" and plan.table.cursor_row == 2
        await pilot.press("x")
        await settle(pilot)
        assert order() == "AAB"
        assert any("Ctrl+Z brings it back" in str(n.message) for n in app._notifications)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert order() == "AACB" and plan.table.cursor_row == 2, "the step is back, under the cursor"
        await pilot.press("J")
        await settle(pilot)
        assert order() == "AABC"


async def test_enter_edits_the_cell_field_and_tab_moves_between_cells(workshop_path, tatu):
    store = WorkshopStore.open(workshop_path)
    store.save(ActionStep(innovation_id=tatu, activity="A", start_year=2025, end_year=2026, budget={2026: 9}))
    store.close()
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        plan = await _open_plan(pilot)
        await pilot.press("tab", "tab", "tab", "tab", "tab")  # #, activity, lead, years, 2025 → 2026
        assert plan.table.cursor_column == 5
        await pilot.press("enter")
        assert isinstance(app.screen, ActionStepForm) and app.screen.focused.id == "field-budget_2026"
        await pilot.press("ctrl+u", *"2 M", "enter")
        await settle(pilot)
        assert steps_of(app.store, tatu)[0].budget == {2026: 2_000_000_000}
        assert steps_of(app.store, tatu)[0].status is StepStatus.PLANNED


async def test_notes_attach_to_the_step_under_the_cursor(workshop_path, tatu):
    store = WorkshopStore.open(workshop_path)
    step = store.save(ActionStep(innovation_id=tatu, activity="A", start_year=2025, end_year=2025))
    store.close()
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        plan = await _open_plan(pilot)
        context = plan.capture_context()
        assert (context.target_type, context.target_id, context.dimension) == ("step", step.id, "GOV")
        assert context.label == "Serang Tatu › step 1"


async def test_roadmap_opens_filters_and_leads_to_a_plan(workshop_path, tatu):
    store = WorkshopStore.open(workshop_path)
    store.save(ActionStep(innovation_id=tatu, activity="A", start_year=2025, end_year=2026,
                          budget={2025: 100_000_000}, funding_source="APBN/DAK"))
    store.close()
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await settle(pilot)
        roadmap = app.screen
        assert isinstance(roadmap, RoadmapScreen)
        assert [r.label for r in roadmap.data.rows][:3] == ["Smart Governance", "Serang Tatu", "A"]
        assert "APBN/DAK 100 jt" in str(roadmap.query_one("#roadmap-totals").render())
        await pilot.press("f", "enter", "down", "down", "enter", "f10")  # the dimension list: (all), GOV, BRA
        await settle(pilot)
        assert app.screen is roadmap and roadmap.where.dimension == "BRA"
        assert [r.label for r in roadmap.data.rows] == ["Smart Branding", "Sikonde"]
        assert "Filtered: Smart Branding" in str(roadmap.query_one("#roadmap-filter").render())
        await pilot.press("0")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ActionPlanScreen) and app.screen.innovation_id == tatu


async def test_a_plan_whose_innovation_is_gone_says_so_and_goes_back(workshop_path, tatu):
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.store.delete(Innovation, tatu)
        app.push_screen(ActionPlanScreen(app.workspace, tatu))
        await settle(pilot)
        assert not isinstance(app.screen, ActionPlanScreen)
        assert any("deleted meanwhile" in str(n.message) for n in app._notifications)


async def test_a_step_saved_meanwhile_elsewhere_keeps_what_was_typed(workshop_path, tatu):
    store = WorkshopStore.open(workshop_path)
    step = store.save(ActionStep(innovation_id=tatu, activity="A", start_year=2025, end_year=2025))
    store.close()
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_plan(pilot)
        await pilot.press("e")
        other = WorkshopStore.open(workshop_path)  # another terminal saves first
        other.save(step.model_copy(update={"activity": "Theirs"}))
        other.close()
        await pilot.press("ctrl+u", *"Mine", "enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ActionStepForm), "the form stays open with the typed values"
        assert form.query_one("#field-activity").value == "Mine"
        assert steps_of(app.store, tatu)[0].activity == "Theirs"
        assert "Activity: Theirs" in str(form.query_one("#form-outdated").render())
        await pilot.press("ctrl+o")  # save over their change, on purpose
        await settle(pilot)
        assert steps_of(app.store, tatu)[0].activity == "Mine"
        assert [type(s).__name__ for s in app.screen_stack[1:]] == ["OverviewScreen", "ActionPlanScreen"]


async def test_the_help_lists_the_roadmap_keys(workshop_path, tatu):
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.press("m")
        await settle(pilot)
        await pilot.press("f1")
        rows = {str(row[1]) for row in app.screen.rows}
        assert {"Filter", "Clear filter", "Open action plan", "Page down", "Last row", "Back"} <= rows


async def test_the_picker_filters_as_you_type_and_escape_leaves_it(workshop_path, tatu):
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await settle(pilot)
        picker = app.screen
        options = picker.query_one("#picker-list")
        assert options.option_count == 2
        await pilot.press(*"bra-")
        assert options.option_count == 1 and "Sikonde" in str(options.get_option_at_index(0).prompt)
        await pilot.press("escape")
        assert not isinstance(app.screen, InnovationPicker)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("down", "down", "enter")  # into the list, the second innovation
        await settle(pilot)
        assert isinstance(app.screen, ActionPlanScreen) and app.screen.innovation_id != tatu


async def test_location_and_priority_by_keys_at_80x24_reach_the_plan_and_the_export(workshop_path, tatu):
    """Tab walks the whole form at 80×24, each field scrolled into view; Lokasi and Prioritas
    are saved, shown in the plan, and exported in the Renja columns."""
    app = make_app(workshop_path, language="id")
    async with app.run_test(size=(80, 24)) as pilot:
        plan = await _open_plan(pilot)
        await pilot.press("a", *"Sosialisasi")
        form = app.screen
        labels = [str(label.render()) for label in form.query(".field-label")]
        assert labels.index("Lokasi") + 1 == labels.index("Sumber dana") == labels.index("Prioritas") - 1
        fields = form.query_one(".form-panel")
        for _ in range(30):
            if form.focused.id == "field-location":
                break
            await pilot.press("tab")
            assert fields.content_region.contains_region(form.focused.region), form.focused.id
        await pilot.press(*"Kecamatan Ciruas", "tab", "tab", *"prioritas n", "right")
        assert form.focused.id == "field-priority" and form.focused.value == "Prioritas Nasional"
        assert fields.content_region.contains_region(form.focused.region) and fields.scroll_y > 0
        await pilot.press("enter")
        await settle(pilot)
        [step] = steps_of(app.store, tatu)
        assert (step.location, step.priority) == ("Kecamatan Ciruas", "Prioritas Nasional")
        row = plan.table.get_row_at(0)
        assert "Kecamatan Ciruas" in row and "Prioritas Nasional" in row
    csv_text = rembuk("export", "actions", str(workshop_path)).stdout
    header, first = list(csv.reader(io.StringIO(csv_text.removeprefix("\ufeff"))))[:2]
    assert first[header.index("Lokasi")] == "Kecamatan Ciruas"
    assert first[header.index("Prioritas")] == "Prioritas Nasional"
    markdown = rembuk("export", "actions", str(workshop_path), "--format", "md", "--lang", "en").stdout
    assert "| Location | Funding source | Priority |" in markdown
    assert "| Kecamatan Ciruas |  | Prioritas Nasional |" in markdown


async def test_the_footer_offers_delete_once_the_first_step_is_in(workshop_path, tatu):
    """Before: after the first step of an empty plan was saved, the footer still lacked ``x``
    until the next key (its keys were worked out before the plan was read again)."""
    from textual.widgets import Footer

    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        plan = await _open_plan(pilot)
        footer_keys = lambda: {key.key_display for key in plan.query_one(Footer).query("FooterKey")}  # noqa: E731
        assert "x" not in footer_keys()
        await pilot.press("a")
        await _type_step(pilot, "Analisis proses bisnis", "2025", "2025", {})
        await settle(pilot)
        assert plan.table.row_count == 1 and "x" in footer_keys()

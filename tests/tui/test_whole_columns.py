"""Wide tables at 80 columns: sideways by whole columns, cuts marked, what matters first."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import DataTable

from core.models import Agency, Participant, Role
from data.store import WorkshopStore
from screens.action_plan import ActionPlanScreen
from tests.support import press, settle, wait_until
from tui.app import make_app


def shown(table: DataTable, y: int) -> str:
    """The table's line ``y`` as the screen shows it (a vertical scrollbar covers the rest)."""
    return table.render_line(y).text[:table.scrollable_content_region.width]


def header(table: DataTable) -> str:
    """The table's heading line as the screen shows it."""
    return shown(table, 0)


async def open_demo_plan(pilot) -> DataTable:
    """The action plan of the demo's MPP innovation (the one with the long activity)."""
    await settle(pilot)
    await press(pilot, "a", *"Mal", "enter")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, ActionPlanScreen), what="the plan")
    await settle(pilot)
    return pilot.app.screen.query_one("#plan-table", DataTable)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_plan_scrolls_sideways_by_whole_columns(demo_path, size):
    """Before: after a few presses of → the first scrolled column began mid-word (``026``,
    ``aran``) right after the fixed activity column, and read as part of it."""
    app = make_app(demo_path, language="id")
    async with app.run_test(size=size) as pilot:
        table = await open_demo_plan(pilot)
        labels = [str(column.label) for column in table.ordered_columns]
        fixed = sum(column.get_render_width(table) for column in table.ordered_columns[:2])
        for _ in range(len(labels)):
            await press(pilot, "right")
            line = header(table)
            scrolled = line[fixed:]
            first = scrolled.split("  ")[0].strip()
            assert first in labels, f"{first!r} is part of a column heading: {line!r}"
            cursor = labels[table.cursor_column]
            assert f" {cursor} " in f"{line} ", f"the cursor's column {cursor!r} is not shown whole: {line!r}"
        assert table.cursor_column == len(labels) - 1


async def test_a_cut_is_marked_with_an_ellipsis(demo_path):
    """The activity column cuts a long activity, and the right edge cuts a column: both end in …"""
    app = make_app(demo_path, language="id")
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_demo_plan(pilot)
        row = shown(table, 1)
        assert "Integrasi antrean dan pelac…" in row
        await press(pilot, *["right"] * 17)
        line = shown(table, 1).rstrip()
        assert "Persentase kunjunga" in line and line.endswith("…"), line


def three_days_and_long_names(store: WorkshopStore) -> None:
    """A three-day workshop whose participants carry long degrees, agencies and positions."""
    store.save_workshop(store.workshop().model_copy(
        update={"dates": [date(2026, 12, 7), date(2026, 12, 8), date(2026, 12, 9)]}))
    rsud = store.save(Agency(abbreviation="RSUD dr Drajat Prawiranegara", name="Rumah Sakit Umum Daerah"))
    for name, role in (("Hj. Nurhasanah Kartawijaya, S.Sos., M.Si., M.AP.", Role.CHAIR),
                       ("Ir. Bambang Sutrisno", Role.PARTICIPANT)):
        store.save(Participant(name=name, agency_id=rsud.id, role=role,
                               position="Kepala Bidang Pemerintahan dan Pembangunan Manusia"))
    for _ in range(25):
        store.save(Participant(name=f"Peserta {_ + 1}", role=Role.PARTICIPANT))


async def test_every_days_attendance_shows_at_80_columns(make_workshop):
    """Before: name, agency and role came first, and day 2 of 3 was just past the right edge."""
    path = make_workshop(seed=three_days_and_long_names)
    app = make_app(path, language="id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "o", "p")
        table = app.screen.query_one("#participant-table", DataTable)
        line = header(table)
        days = [str(c.label) for c in table.ordered_columns if str(c.label)[-1].isdigit()]
        assert len(days) == 3
        for heading in ("Nama", *days, "OPD", "Peran"):
            assert f" {heading} " in line, f"{heading!r} is not shown whole: {line!r}"
        assert "H1–H3 = hari lokakarya" in str(app.screen.query_one("#attendance-hint").render())
        await press(pilot, "right", "right", "right")
        line = header(table)
        assert line.startswith(" Nama ") and " Jabatan " in f"{line} ", line
        await press(pilot, "left", "left", "left", "left", "left", "left")
        assert header(table).startswith(" Nama ") and " H1 " in header(table), "← goes back a column a press"


def table_lines(table: DataTable) -> list[str]:
    """Every line the table shows: its heading and the rows in view."""
    return [shown(table, y) for y in range(min(table.scrollable_content_region.height, table.row_count + 1))]


def cut_silently(table: DataTable) -> list[str]:
    """The lines whose last word stops at the right edge part-way, with no ``…`` to say so."""
    words = {word for column in table.ordered_columns for word in str(column.label).split()}
    words |= {word for row in range(table.row_count) for cell in table.get_row_at(row) for word in str(cell).split()}
    return [line for line in table_lines(table)
            if line.strip() and not line.endswith(" ") and line.split()[-1] not in words
            and not line.endswith("…")]


async def test_the_risk_register_marks_what_the_right_edge_cuts(demo_path):
    """Before: the events ran past the edge cut mid-word (``… layanan digital nas``)."""
    app = make_app(demo_path, language="id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "r", "r")
        await wait_until(pilot, lambda: app.screen.query("#register-table")
                         and app.screen.query_one("#register-table", DataTable).row_count, what="the register")
        table = app.screen.query_one("#register-table", DataTable)
        for _ in range(4):
            assert cut_silently(table) == []
            await press(pilot, "right")
        assert header(table).startswith(" Kode "), "the code stays in view"


async def test_the_follow_up_register_shows_whole_due_dates_and_marks_cuts(demo_path):
    """Before: ``! lewat 30 Agustus 20`` and ``Diskominfo`` were cut without a mark."""
    app = make_app(demo_path, language="id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "f")
        table = app.screen.query_one("#follow-up-table", DataTable)
        await wait_until(pilot, lambda: table.row_count, what="the follow-ups")
        lines = table_lines(table)
        assert any("! lewat 30 Agustus 2024 " in line for line in lines), "\n".join(lines)
        assert any(" Diskominfos… " in line for line in lines), "\n".join(lines)
        assert cut_silently(table) == []


async def test_a_long_table_fills_with_the_widths_and_lines_textual_gives():
    """Rows added in one update and measured by their text (issue 15: the 9,000-row register took
    seconds to measure) show as Textual's own table shows them: same widths, lines and cursor.
    Text that looks like markup shows as typed (Textual's table is given it escaped)."""
    from rich.markup import escape
    from rich.text import Text
    from textual.app import App

    from tui.widgets.whole_columns import WholeColumnTable

    rows = [["R01", "Jalan desa", 7, None], ["R02", "[b]tebal[/b] markup", 12, Text("Dinas Kesehatan")],
            ["R03", "漢字 lebar", 3, "x"], *([f"R{n:03}", "baris " * (n % 5), n, "…"] for n in range(4, 300))]

    class Tables(App[None]):
        def compose(self):
            yield DataTable(id="plain")
            yield WholeColumnTable(id="whole")

    app = Tables()
    async with app.run_test(size=(120, 40)) as pilot:
        plain, whole = app.query_one("#plain", DataTable), app.query_one("#whole", DataTable)
        for table in (plain, whole):
            table.add_columns("Code", "Event", "Level", "Owner")
        whole.add_rows(rows)
        plain.add_rows([[escape(cell) if isinstance(cell, str) else cell for cell in row] for row in rows])
        await settle(pilot)
        assert whole.row_count == plain.row_count == len(rows)
        assert [c.content_width for c in whole.ordered_columns] == [c.content_width for c in plain.ordered_columns]
        assert whole.virtual_size == plain.virtual_size
        assert [whole.render_line(y).text for y in range(4)] == [plain.render_line(y).text for y in range(4)]
        whole.move_cursor(row=250)
        await settle(pilot)
        assert whole.get_row_at(whole.cursor_row)[0] == "R251"

"""The import screen (``i`` on the overview), driven through Pilot on real workshop and sheet files.

Each sheet is the workshop's own blank template (as ``rembuk template innovations`` writes it)
with rows typed in from row 3, as an agency would fill it.
"""

from __future__ import annotations

import io
import stat
from pathlib import Path

import openpyxl
from textual.widgets import DataTable

from core.models import Innovation
from core.sheets.template import template_workbook
from data.store import WorkshopStore
from screens.dialogs.confirm import ConfirmDialog
from screens.import_sheet import ImportSheetScreen
from tests.support import press, settle, wait_until
from tui.app import make_app

GOOD_NEW = ["", "Posyandu digital", "", "SOC-1"]
CHANGED = ["", "Serang Tatu", "", "GOV-1", "", "", "", "Jangka panjang"]  # a seeded card, a new horizon
REFUSED = ["", "Aplikasi X", "", "GOV-4"]


def filled(workshop: Path, rows: list[list[object]], name: str = "kiriman.xlsx") -> Path:
    """The workshop's blank innovations template with ``rows`` typed in from row 3."""
    store = WorkshopStore.open(workshop)
    try:
        book = openpyxl.load_workbook(io.BytesIO(template_workbook("innovations", store.bundle(), "id")))
    finally:
        store.close()
    for row in rows:
        book.worksheets[0].append(row)
    path = workshop.with_name(name)
    book.save(path)
    return path


def titles(workshop: Path) -> set[str]:
    store = WorkshopStore.open(workshop)
    try:
        return {i.title for i in store.all(Innovation)}
    finally:
        store.close()


def table_rows(screen: ImportSheetScreen) -> list[tuple[str, ...]]:
    table: DataTable[str] = screen.table
    return [tuple(str(cell) for cell in table.get_row_at(n)) for n in range(table.row_count)]


async def open_file(pilot, path: Path) -> ImportSheetScreen:
    """From the overview: ``i``, the path typed, Enter; wait for the preview (or the refusal)."""
    await press(pilot, "i")
    screen = pilot.app.screen
    assert isinstance(screen, ImportSheetScreen)
    screen.path_field.value = str(path)
    await press(pilot, "enter")
    await wait_until(pilot, lambda: "…" not in str(screen.status.render()), what="the file read")
    return screen


async def test_the_preview_lists_adds_changes_and_refusals_and_writes_nothing(seeded_path: Path) -> None:
    sheet = filled(seeded_path, [GOOD_NEW, CHANGED, REFUSED])
    app = make_app(seeded_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_file(pilot, sheet)
        rows = table_rows(screen)
        assert rows[0][:2] == ("REFUSED", "Inovasi!D5") and '"GOV-4" does not exist; use GOV-1' in rows[0][2]
        assert rows[1:] == [("add", "Inovasi!3", "Posyandu digital"), ("change", "Inovasi!4", "Serang Tatu")]
        status = str(screen.status.render())
        assert "1 to add, 1 to change, 0 unchanged, 1 rows refused." in status
        assert "kiriman-refused.xlsx" in status
    assert "Posyandu digital" not in titles(seeded_path)


async def test_confirming_imports_the_rows_in_one_go(seeded_path: Path) -> None:
    sheet = filled(seeded_path, [GOOD_NEW, CHANGED])
    app = make_app(seeded_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_file(pilot, sheet)
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "y")
        await wait_until(pilot, lambda: "0 to add, 0 to change, 2 unchanged" in str(screen.status.render()),
                         what="the file read again after the import")
    assert "Posyandu digital" in titles(seeded_path)
    store = WorkshopStore.open(seeded_path)
    tatu = next(i for i in store.all(Innovation) if i.title == "Serang Tatu")
    assert tatu.horizon is not None and tatu.horizon.value == "long"
    store.close()


async def test_declining_the_question_writes_nothing(seeded_path: Path) -> None:
    sheet = filled(seeded_path, [GOOD_NEW])
    app = make_app(seeded_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_file(pilot, sheet)
        await press(pilot, "ctrl+s", "escape")
        assert isinstance(app.screen, ImportSheetScreen)
    assert "Posyandu digital" not in titles(seeded_path)


async def test_a_refused_row_blocks_the_import_until_the_good_rows_are_asked_for(seeded_path: Path) -> None:
    sheet = filled(seeded_path, [GOOD_NEW, REFUSED])
    app = make_app(seeded_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_file(pilot, sheet)
        await press(pilot, "ctrl+s")
        assert app.screen is screen  # no question: nothing can be imported
        assert any("Nothing can be imported while 1 rows are refused" in n.message for n in app._notifications)
        assert "Posyandu digital" not in titles(seeded_path)
        await press(pilot, "ctrl+g")
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "y")
        refused = sheet.with_name("kiriman-refused.xlsx")
        await wait_until(pilot, refused.exists, what="the refused rows' file")
        await settle(pilot)
    assert "Posyandu digital" in titles(seeded_path) and "Aplikasi X" not in titles(seeded_path)
    assert stat.S_IMODE(refused.stat().st_mode) == 0o600
    back = openpyxl.load_workbook(refused).worksheets[0]
    [row] = list(back.iter_rows(min_row=2, values_only=True))
    assert row[1] == "Aplikasi X" and "GOV-4" in str(row[-1])


async def test_a_bad_file_is_one_line_and_the_path_can_be_typed_again(seeded_path: Path) -> None:
    bad = seeded_path.with_name("bukan.xlsx")
    bad.write_bytes(b"PK\x03\x04 this is not a workbook")
    app = make_app(seeded_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_file(pilot, bad)
        line = str(screen.status.render())
        assert "bukan.xlsx is not a spreadsheet rembuk can read" in line and "\n" not in line
        assert screen.table.row_count == 0 and app.screen.focused is screen.path_field
        await press(pilot, "ctrl+s")  # nothing read, nothing to import
        missing = await open_file_again(pilot, screen, seeded_path.with_name("tidak-ada.xlsx"))
        assert "tidak-ada.xlsx does not exist" in missing


async def open_file_again(pilot, screen: ImportSheetScreen, path: Path) -> str:
    screen.path_field.value = str(path)
    await press(pilot, "enter")
    await wait_until(pilot, lambda: "…" not in str(screen.status.render()), what="the file read")
    return str(screen.status.render())

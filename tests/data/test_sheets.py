"""Spreadsheets out and in: the registers workbook, blank templates, and agencies' sheets read
back (xlsx, xls, ods, csv) with every refusal a user can meet, on real workshop files."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from core.models import ActionStep, Innovation, Risk
from core.sheets import REGISTER_NAMES
from core.sheets.registers import REGISTERS
from core.sheets.template import template_workbook
from data.demo import create_demo
from data.errors import StaleEdit
from data.sheet_files import EmptySheet, Encrypted, NoHeader, NotASheet, TooLarge
from data.sheet_import import apply_plan, plan_file
from data.sheets import registers_workbook
from data.store import WorkshopStore


@pytest.fixture
def demo(tmp_path: Path) -> WorkshopStore:
    store = create_demo(tmp_path / "serang.rembuk")
    yield store
    store.close()


def _book(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def _filled(tmp_path: Path, store: WorkshopStore, kind: str, rows: list[list[object]], name: str = "") -> Path:
    """The workshop's blank ``kind`` template with ``rows`` typed in from row 3, as a file."""
    book = _book(template_workbook(kind, store.bundle(), "id"))
    for row in rows:
        book.worksheets[0].append(row)
    path = tmp_path / (name or f"{kind}.xlsx")
    book.save(path)
    return path


def _lines(path: Path, store: WorkshopStore) -> list[str]:
    return [refusal.line() for refusal in plan_file(store, path).plan.refusals]


# -- out ------------------------------------------------------------------------------------


def test_the_registers_workbook_has_a_sheet_each_typed_and_frozen(demo: WorkshopStore) -> None:
    data = registers_workbook(demo)
    book = _book(data)
    assert book.sheetnames == ["Inovasi", "Rencana Aksi", "Risiko", "Tindak Lanjut", "Permintaan Data"]
    assert tuple(REGISTERS) == REGISTER_NAMES and len(REGISTERS) == len(book.sheetnames)
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2" and sheet.max_row > 1
        assert all(sheet.column_dimensions[c].width >= 6 for c in "ABC")
    actions = book["Rencana Aksi"]
    header = [c.value for c in actions[1]]
    budget, year = header.index("Pagu indikatif (Rp)") + 1, header.index("Tahun") + 1
    assert isinstance(actions.cell(2, budget).value, int) and actions.cell(2, budget).number_format == "#,##0"
    assert isinstance(actions.cell(2, year).value, int)
    follow_ups = book["Tindak Lanjut"]
    assert isinstance(follow_ups.cell(2, 5).value, datetime) and follow_ups.cell(2, 5).number_format == "DD/MM/YYYY"
    assert registers_workbook(demo) == data  # the same bytes every time


def test_text_that_looks_like_a_formula_stays_text(demo: WorkshopStore) -> None:
    innovation = demo.all(Innovation)[0]
    demo.save(innovation.model_copy(update={"problem": "=HYPERLINK(\"http://x\")"}))
    sheet = _book(registers_workbook(demo, ["innovations"]))["Inovasi"]
    cell = next(c for row in sheet.iter_rows() for c in row if str(c.value).startswith("=HYPERLINK"))
    assert cell.data_type == "s"


def test_a_template_has_instructions_headers_and_drop_downs(demo: WorkshopStore) -> None:
    book = _book(template_workbook("actions", demo.bundle(), "en"))
    sheet = book["Action plans"]
    assert "One row per activity and year" in sheet["A1"].value
    assert [c.value for c in sheet[2]][:3] == ["Innovation *", "Activity *", "Year *"]
    lists = {next(iter(v.sqref.ranges)).coord[0]: v.formula1 for v in sheet.data_validations.dataValidation}
    header = [c.value for c in sheet[2]]
    lead = "ABCDEFGHIJKLM"[header.index("Lead agency")]
    assert lead in lists and book[book.sheetnames[1]].sheet_state == "hidden"
    agencies = [c.value for c in book[book.sheetnames[1]]["A"]]
    assert "Bappeda" in agencies


# -- in -------------------------------------------------------------------------------------


def test_template_filled_imported_and_exported_shows_the_same_rows(demo: WorkshopStore, tmp_path: Path) -> None:
    path = _filled(tmp_path, demo, "innovations", [
        ["SOC-9.99", "Posyandu digital", "SOC", "SOC-1", "Baru", "Dinkes", "Diskominfosatik, Bappeda", "Jangka pendek"],
    ])
    found = plan_file(demo, path)
    assert not found.plan.refusals and len(found.plan.added) == 1
    apply_plan(demo, found.plan)
    exported = _book(registers_workbook(demo, ["innovations"]))["Inovasi"]
    row = next(r for r in exported.iter_rows(values_only=True) if r[1] == "Posyandu digital")
    assert row[2:9] == ("Smart Society", "SOC-1", "Baru", None, "Dinkes", "Diskominfosatik, Bappeda", "Jangka pendek")


def test_a_new_innovation_with_its_steps_and_risks_in_one_file(demo: WorkshopStore, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    innovations, steps, risks = book.active, book.create_sheet("Rencana Aksi"), book.create_sheet("Risiko")
    innovations.title = "Inovasi"
    innovations.append(["Inovasi", "Elemen", "Perangkat daerah pengampu"])
    innovations.append(["Bank sampah digital", "ENV-1", "DLH"])
    steps.append(["inovasi", "KEGIATAN", " Tahun ", "pagu indikatif", "Lead agency"])
    for year, amount in ((2025.0, 150_000_000.0), (2026.0, "1,5 M")):
        steps.append(["Bank sampah digital", "Uji coba di 3 desa", year, amount, "dlh"])
    risks.append(["Innovation", "Risk event", "Likelihood", "Impact"])
    risks.append(["Bank sampah digital", "Warga tidak memilah sampah", 4.0, "3"])
    path = tmp_path / "kiriman.xlsx"
    book.save(path)
    apply_plan(demo, plan_file(demo, path).plan)
    added = next(i for i in demo.all(Innovation) if i.title == "Bank sampah digital")
    step = next(s for s in demo.all(ActionStep) if s.innovation_id == added.id)
    assert (step.start_year, step.end_year, step.budget) == (2025, 2026, {2025: 150_000_000, 2026: 1_500_000_000})
    risk = next(r for r in demo.all(Risk) if r.innovation_id == added.id)
    assert (risk.likelihood, risk.impact) == (4, 3)
    again = plan_file(demo, path).plan  # the same file again: nothing to do
    assert not again.added and not again.changed and sum(again.unchanged.values()) == 3


def test_the_exported_registers_import_back_unchanged(demo: WorkshopStore, tmp_path: Path) -> None:
    path = tmp_path / "semua.xlsx"
    path.write_bytes(registers_workbook(demo))
    plan = plan_file(demo, path).plan
    assert not plan.added and not plan.changed and not plan.refusals
    assert sum(plan.unchanged.values()) == len(demo.all(Innovation)) + len(demo.all(ActionStep)) + len(demo.all(Risk))


def test_a_changed_row_changes_only_its_item(demo: WorkshopStore, tmp_path: Path) -> None:
    first = demo.all(Innovation, order=("id",))[0]
    path = _filled(tmp_path, demo, "innovations", [["", first.title, "", first.element, "", "", "", "Jangka panjang"]])
    found = plan_file(demo, path)
    assert len(found.plan.changed) == 1 and not found.plan.added
    apply_plan(demo, found.plan)
    after = demo.get(Innovation, first.id)
    assert after.horizon.value == "long" and after.problem == first.problem


def test_an_import_is_one_transaction(demo: WorkshopStore, tmp_path: Path) -> None:
    first = demo.all(Innovation, order=("id",))[0]
    path = _filled(tmp_path, demo, "innovations", [["", first.title, "", first.element, "", "", "", "Jangka panjang"],
                                                   ["", "Aplikasi X", "", "GOV-1"]])
    plan = plan_file(demo, path).plan
    assert len(plan.added) == 1 and len(plan.changed) == 1
    demo.save(first.model_copy(update={"problem": "edited meanwhile"}))  # someone else saves it first
    with pytest.raises(StaleEdit):
        apply_plan(demo, plan)
    assert not any(i.title == "Aplikasi X" for i in demo.all(Innovation))  # the row added before is undone too


REFUSALS = [
    (["", "Aplikasi X", "GOV", "GOV-4"], 'Inovasi!D3: Elemen "GOV-4" tidak ada; gunakan GOV-1, GOV-2 atau GOV-3'),
    (["", "Aplikasi X", "ECO", "GOV-1"], 'Inovasi!D3: Elemen "GOV-1" tidak ada; gunakan ECO-1, ECO-2 atau ECO-3'),
    (["", "", "", "GOV-1"], "Inovasi!B3: Inovasi kosong; kolom ini wajib diisi"),
    (["", "Aplikasi X", "", "GOV-1", "lama"], 'Inovasi!E3: Status "lama" tidak ada; gunakan Sudah berjalan atau Baru'),
    (["", "Aplikasi X", "", "GOV-1", "", "DINAS ENTAH"],
     'Inovasi!F3: Perangkat daerah pengampu "DINAS ENTAH" tidak ada'),
]


@pytest.mark.parametrize(("row", "line"), REFUSALS)
def test_each_refused_value_is_named_by_sheet_and_cell(demo: WorkshopStore, tmp_path: Path, row, line) -> None:
    lines = _lines(_filled(tmp_path, demo, "innovations", [row]), demo)
    assert len(lines) == 1 and lines[0].startswith(line)


@pytest.mark.parametrize(("cells", "reason"), [
    (["GOV-1.01", "Kegiatan", "dua ribu"], '"dua ribu" bukan bilangan bulat'),
    (["GOV-1.01", "Kegiatan", 2040], "tahun 2040 di luar tahun masterplan 2025–2034"),
    (["GOV-1.01", "Kegiatan", 2025, "banyak"], '"banyak" bukan jumlah rupiah'),
    (["Inovasi yang tidak ada", "Kegiatan", 2025], 'inovasi "Inovasi yang tidak ada" tidak ada'),
])
def test_action_rows_are_refused_with_why(demo: WorkshopStore, tmp_path: Path, cells, reason) -> None:
    lines = _lines(_filled(tmp_path, demo, "actions", [cells]), demo)
    assert len(lines) == 1 and reason in lines[0], lines


def test_nothing_is_written_while_a_row_is_refused(demo: WorkshopStore, tmp_path: Path) -> None:
    path = _filled(tmp_path, demo, "innovations", [["", "Baik", "", "GOV-1"], ["", "Buruk", "", "GOV-9"]])
    found = plan_file(demo, path)
    assert len(found.plan.added) == 1 and found.plan.refused_rows == {"Inovasi": {4}}
    assert not any(i.title == "Baik" for i in demo.all(Innovation))  # planning writes nothing


@pytest.mark.parametrize("suffix", [".ods", ".xls", ".csv"])
def test_ods_xls_and_csv_read_as_xlsx_does(demo: WorkshopStore, tmp_path: Path, suffix: str) -> None:
    rows = [["Inovasi", "Elemen", "Tahun mulai"], ["Satu peta desa", "GOV-3", 2025.0]]
    path = tmp_path / f"kiriman{suffix}"
    {".ods": _ods, ".xls": _xls, ".csv": _csv}[suffix](path, rows)
    found = plan_file(demo, path)
    assert [p.item.title for p in found.plan.added] == ["Satu peta desa"] and not found.plan.refusals


def _ods(path: Path, rows) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Inovasi")
    for values in rows:
        row = TableRow()
        for value in values:
            kind = {"valuetype": "float", "value": value} if isinstance(value, float) else {"valuetype": "string"}
            cell = TableCell(**kind)
            cell.addElement(P(text=str(value)))
            row.addElement(cell)
        table.addElement(row)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))


def _xls(path: Path, rows) -> None:
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Inovasi")
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            sheet.write(r, c, value)
    book.save(str(path))


def _csv(path: Path, rows) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        csv.writer(out, delimiter=";").writerows(rows)


def test_bad_files_are_refused_in_one_line(demo: WorkshopStore, tmp_path: Path) -> None:
    cases = {
        "bukan.xlsx": (b"PK\x03\x04 this is not a workbook", NotASheet),
        "sandi.xlsx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, Encrypted),
        "kosong.csv": (b"", EmptySheet),
        "tanpa-judul.csv": (b"a,b\n1,2\n", NoHeader),
        "gambar.csv": (b"\x89PNG\r\n\x1a\n\0\0\0", NotASheet),
    }
    for name, (data, error) in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(error) as raised:
            plan_file(demo, tmp_path / name)
        assert "\n" not in str(raised.value) and name in str(raised.value)
    huge = tmp_path / "besar.xlsx"
    with huge.open("wb") as out:
        out.truncate(50 * 1024 * 1024)
    with pytest.raises(TooLarge):
        plan_file(demo, huge)

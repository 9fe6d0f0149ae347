"""Word, PDF and spreadsheets from the command line, run as a user runs them: one line on failure."""

from __future__ import annotations

import stat
from pathlib import Path

import docx
import openpyxl
import pytest

from data.demo import create_demo
from tests.tui.test_cli import assert_one_clear_line, rembuk


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    path = tmp_path / "serang.rembuk"
    create_demo(path).close()
    return path


def test_docx_to_a_file_is_private_and_the_same_bytes_each_time(demo_path: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    for out in (first, second):
        result = rembuk("export", "minutes", str(demo_path), "--format", "docx", "-o", str(out))
        assert result.returncode == 0, result.stderr
    assert first.read_bytes() == second.read_bytes()
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    assert docx.Document(str(first)).paragraphs[0].text == "Notulen Rapat"


def test_word_and_pdf_refuse_the_terminal_and_a_broken_template(demo_path: Path, tmp_path: Path) -> None:
    assert_one_clear_line(rembuk("export", "minutes", str(demo_path), "--format", "docx"), "-o FILE.docx")
    broken = tmp_path / "kop.docx"
    broken.write_bytes(b"not a word file")
    result = rembuk("export", "masterplan", str(demo_path), "--format", "docx", "-o", str(tmp_path / "m.docx"),
                    "--template", str(broken))
    assert_one_clear_line(result, "The Word template")
    assert not (tmp_path / "m.docx").exists()


def test_the_template_in_the_config_directory_is_used(demo_path: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config"
    config.mkdir()
    template = docx.Document()
    template.sections[0].header.paragraphs[0].text = "KOP KABUPATEN"
    template.save(str(config / "template.docx"))
    monkeypatch.setenv("REMBUK_CONFIG_DIR", str(config))
    out = tmp_path / "m.docx"
    assert rembuk("export", "minutes", str(demo_path), "--format", "docx", "-o", str(out)).returncode == 0
    assert docx.Document(str(out)).sections[0].header.paragraphs[0].text == "KOP KABUPATEN"


def test_pdf_without_libreoffice_says_what_to_install(demo_path: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty-path"))
    result = rembuk("export", "minutes", str(demo_path), "--format", "pdf", "-o", str(tmp_path / "m.pdf"))
    assert_one_clear_line(result, "libreoffice-writer")


def test_registers_workbook_and_one_register(demo_path: Path, tmp_path: Path) -> None:
    every, risks = tmp_path / "semua.xlsx", tmp_path / "risiko.xlsx"
    assert rembuk("export", "registers", str(demo_path), "-o", str(every)).returncode == 0
    assert rembuk("export", "risks", str(demo_path), "-o", str(risks)).returncode == 0
    assert len(openpyxl.load_workbook(every).sheetnames) == 5
    assert openpyxl.load_workbook(risks).sheetnames == ["Risiko"]


def test_template_then_import_sheet_with_and_without_refused_rows(demo_path: Path, tmp_path: Path) -> None:
    blank = tmp_path / "blank.xlsx"
    result = rembuk("template", "innovations", "--workshop", str(demo_path), "-o", str(blank))
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(blank)
    book.worksheets[0].append(["", "Aplikasi baik", "", "GOV-1"])
    book.worksheets[0].append(["", "Aplikasi salah", "", "GOV-4"])
    filled = tmp_path / "kiriman.xlsx"
    book.save(filled)
    refused = rembuk("import-sheet", str(demo_path), str(filled))
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert 'Inovasi!D4: Elemen "GOV-4"' in refused.stderr and "Nothing was imported" in refused.stderr
    kept = rembuk("import-sheet", str(demo_path), str(filled), "--skip-refused")
    assert kept.returncode == 0, kept.stderr
    sent_back = openpyxl.load_workbook(tmp_path / "kiriman-refused.xlsx").worksheets[0]
    assert sent_back.cell(2, 2).value == "Aplikasi salah" and "GOV-4" in sent_back.cell(2, sent_back.max_column).value
    again = rembuk("import-sheet", str(demo_path), str(filled), "--skip-refused")
    assert "0 added, 0 changed, 1 unchanged" in again.stderr


def test_import_sheet_of_a_file_that_is_not_a_sheet(demo_path: Path, tmp_path: Path) -> None:
    assert_one_clear_line(rembuk("import-sheet", str(demo_path), str(demo_path)), "not a spreadsheet")
    assert_one_clear_line(rembuk("import-sheet", str(demo_path), str(tmp_path / "none.xlsx")), "does not exist")


def test_the_follow_up_register_says_where_each_stands_and_where_it_came_from(demo_path: Path,
                                                                              tmp_path: Path) -> None:
    from core.models import Agency, FollowUpStatus, Note, NoteKind, Stage
    from data.carry import create_next_stage

    stage_3 = tmp_path / "3.rembuk"
    store = create_next_stage(stage_3, demo_path, Stage.III)
    carried = next(n for n in store.all(Note) if n.kind == NoteKind.FOLLOW_UP and n.owner_agency_id)
    owner = next(a.abbreviation for a in store.all(Agency) if a.id == carried.owner_agency_id)
    store.save(carried.model_copy(update={"status": FollowUpStatus.DONE}))
    store.close()
    out = tmp_path / "tl.xlsx"
    result = rembuk("export", "registers", str(stage_3), "--only", "follow-ups", "--lang", "en", "-o", str(out))
    assert result.returncode == 0, result.stderr
    rows = list(openpyxl.load_workbook(out).worksheets[0].values)
    assert rows[0] == ("No.", "Description", "Raised by", "Agency", "Due", "Status", "Dimension", "Recorded", "From")
    mine = next(row for row in rows[1:] if row[1] == carried.text)
    assert (mine[3], mine[5], mine[8]) == (owner, "done", "Bimtek II")
    assert {row[5] for row in rows[1:]} == {"open", "done"}


def test_the_output_file_name_chooses_the_format_when_none_is_given(demo_path: Path, tmp_path: Path) -> None:
    """``-o notulen.docx`` writes a Word file (it wrote Markdown under that name, which Word could
    not open); a name that names no format keeps the command's default; --format still decides."""
    word, html, plans, text = (tmp_path / name for name in ("notulen.docx", "notulen.html", "rencana.xlsx",
                                                             "notulen.txt"))
    for command, out in (("minutes", word), ("minutes", html), ("actions", plans), ("minutes", text)):
        result = rembuk("export", command, str(demo_path), "-o", str(out))
        assert result.returncode == 0, result.stderr
    assert docx.Document(str(word)).paragraphs[0].text == "Notulen Rapat"
    assert html.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert openpyxl.load_workbook(plans).sheetnames
    assert text.read_text(encoding="utf-8").startswith("# Notulen Rapat")
    forced = tmp_path / "catatan.docx"
    assert rembuk("export", "minutes", str(demo_path), "--format", "md", "-o", str(forced)).returncode == 0
    assert forced.read_text(encoding="utf-8").startswith("# Notulen Rapat")

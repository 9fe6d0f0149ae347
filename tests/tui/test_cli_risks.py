"""``rembuk export risks``: the register as CSV or Markdown, from a workshop file in tmp_path."""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

from core.risk_export import COLUMNS
from tui.cli import main


@pytest.fixture
def workshop(risk_workshop):
    return risk_workshop


def run(*args: str):
    return CliRunner().invoke(main, ["--lang", "en", "export", "risks", *args])


def test_csv_file_is_utf8_with_bom_and_crlf(workshop, tmp_path):
    out = tmp_path / "risks.csv"
    result = run(str(workshop), "-o", str(out))
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 7 and rows[0][:2] == ["Code", "Innovation"]
    assert all(len(row) == len(COLUMNS) for row in rows)


def test_markdown_by_suffix_has_heatmap_counts(workshop, tmp_path):
    out = tmp_path / "risks.md"
    assert run(str(workshop), "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "| 5 | 9 R: 0 | 15 S: 0 | 18 T: 0 | 23 ST: 0 | 25 ST: 2 |" in text
    assert not text.startswith("\ufeff")


def test_format_option_and_language(workshop):
    result = CliRunner().invoke(main, ["export", "risks", str(workshop), "--format", "md", "--lang", "id"])
    assert result.exit_code == 0
    assert "Risiko inheren" in result.output and "Kemungkinan \\\\ Dampak" in result.output


def test_refuses_to_overwrite_without_force(workshop, tmp_path):
    out = tmp_path / "risks.csv"
    out.write_text("keep")
    result = run(str(workshop), "-o", str(out))
    assert result.exit_code == 2 and out.read_text() == "keep"
    assert run(str(workshop), "-o", str(out), "--force").exit_code == 0


def test_missing_workshop_is_one_line(tmp_path):
    result = run(str(tmp_path / "nope.rembuk"))
    assert result.exit_code == 2 and "Traceback" not in result.output

"""The risk register's CSV and Markdown renderers, on a snapshot built in memory.

The heatmap tables are compared with golden files (``tests/core/golden/``), reviewed as diffs;
``REMBUK_REGOLD=1`` rewrites them.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

from core.i18n import translator
from core.models import Risk, RiskType
from core.register import RegisterRow, RiskSnapshot
from core.risk_export import BOM, COLUMNS, render_csv, render_heatmap_md, render_markdown
from data.reference import reference_data

GOLDEN = Path(__file__).parent / "golden"

CELLS = [(5, 5, 2, 3), (5, 5, 4, 5), (4, 3, None, None), (3, 3, 1, 1), (1, 1, 1, 2), (2, 3, 2, 3)]


def snapshot(rows: list[RegisterRow] | None = None) -> RiskSnapshot:
    if rows is None:
        rows = [RegisterRow(Risk(innovation_id=1, code=f"R{n}", event=f"Risk {n}", likelihood=lk,
                                 impact=im, residual_likelihood=rl, residual_impact=ri), "Serang Tatu", "GOV")
                for n, (lk, im, rl, ri) in enumerate(CELLS, 1)]
    return RiskSnapshot(reference=reference_data(), appetite=11, rows=rows)


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("REMBUK_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "id"])
def test_inherent_heatmap_matches_golden(lang):
    golden(f"risk_heatmap_inherent.{lang}.md", render_heatmap_md(snapshot(), translator(lang)))


def test_residual_heatmap_matches_golden():
    golden("risk_heatmap_residual.en.md", render_heatmap_md(snapshot(), translator("en"), residual=True))


def test_csv_starts_with_bom_and_has_every_column():
    text = render_csv(snapshot(), translator("en"), "en")
    assert text.startswith(BOM) and text.count(BOM) == 1
    rows = list(csv.reader(io.StringIO(text.removeprefix(BOM))))
    assert len(rows) == 7 and all(len(row) == len(COLUMNS) for row in rows)
    first = dict(zip(COLUMNS, rows[1]))
    assert (first["magnitude"], first["level"], first["needs_treatment"]) == ("25", "Very High (ST)", "yes")
    assert (first["residual_magnitude"], first["residual_level"]) == ("11", "Medium (S)")
    third = dict(zip(COLUMNS, rows[3]))
    assert third["residual_magnitude"] == third["residual_level"] == ""


def test_csv_quotes_commas_quotes_and_newlines():
    risk = Risk(innovation_id=1, event='Vendor says "no", again', cause="line one\nline two",
                likelihood=2, impact=2, type=RiskType.POSITIVE, treatment_option="eksploitasi",
                category="Keamanan SPBE")
    text = render_csv(snapshot([RegisterRow(risk, "Pasar; Digital", "ECO", owner="DLH")]), translator("id"), "id")
    assert '"Vendor says ""no"", again"' in text
    assert '"line one\nline two"' in text
    assert text.count("\r\n") == 2  # header and one row; the newline inside the cause is quoted
    row = dict(zip(COLUMNS, list(csv.reader(io.StringIO(text.removeprefix(BOM))))[1]))
    assert row["event"] == 'Vendor says "no", again' and row["cause"] == "line one\nline two"
    assert (row["type"], row["treatment_option"], row["needs_treatment"]) == ("Positif (peluang)", "eksploitasi", "tidak")
    assert row["category"] == "Keamanan SPBE" and row["level"] == "Rendah (R)"


def test_markdown_document_has_both_heatmaps_and_register():
    text = render_markdown(snapshot(), translator("en"), "en")
    assert text.index("## Inherent risk") < text.index("## Residual risk") < text.index("## Register")
    assert "2 risks moved down a level" in text
    assert "| R1 | Serang Tatu | GOV |" in text


def test_markdown_escapes_register_text():
    risk = Risk(innovation_id=1, event="A | B", likelihood=1, impact=1)
    text = render_markdown(snapshot([RegisterRow(risk, "X", "GOV")]), translator("en"), "en")
    assert r"A \| B" in text

"""core.action_export: the action plan as CSV and Markdown, the roadmap as Markdown.

Golden files: ``tests/core/golden/actions-{id.csv,en.md}`` and ``roadmap-en.md``. After an
intended change, rewrite them with ``REMBUK_UPDATE_GOLDEN=1 pytest tests/core/test_action_export.py``
and review the diff.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.action_export import (
    ACTION_COLUMNS,
    render_actions_csv,
    render_actions_markdown,
    render_roadmap_markdown,
    to_csv,
)
from tests.core import actions_fixture as fixture
from tests.core.mdparse import parse, tables

GOLDEN = Path(__file__).parent / "golden"
RENDERERS = {
    "actions-id.csv": lambda: render_actions_csv(fixture.bundle(), "id"),
    "actions-en.md": lambda: render_actions_markdown(fixture.bundle(), "en"),
    "roadmap-en.md": lambda: render_roadmap_markdown(fixture.bundle(), "en"),
}


@pytest.mark.parametrize("name", RENDERERS)
def test_exports_match_the_golden_files(name: str) -> None:
    path = GOLDEN / name
    rendered = RENDERERS[name]()
    if os.environ.get("REMBUK_UPDATE_GOLDEN") == "1":
        path.write_bytes(rendered.encode("utf-8"))
    assert rendered == path.read_bytes().decode("utf-8")


def _csv_rows(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff"), "a BOM, so that spreadsheets read UTF-8"
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def test_csv_has_one_row_per_step_and_year_and_survives_its_quoting() -> None:
    rows = _csv_rows(render_actions_csv(fixture.bundle(), "en"))
    header, body = rows[0], rows[1:]
    assert len(header) == len(ACTION_COLUMNS) and all(len(r) == len(header) for r in body)
    column = {name: header.index(label) for name, label in zip(ACTION_COLUMNS, header)}
    assert [(r[column["code"]], r[column["year"]], r[column["budget"]]) for r in body] == [
        ("GOV-1.01.01", "2025", "150000000"),
        ("GOV-1.01.02", "2025", "450000000"), ("GOV-1.01.02", "2026", "200000000"),
        ("GOV-1.01.03", "2027", "0"), ("GOV-1.01.03", "2028", "1250000000"), ("GOV-1.01.03", "2029", "0"),
        ("ENV-2.01.01", "2026", "75000000"), ("ENV-2.01.01", "2027", "75000000"),
    ]
    second = body[1]
    assert second[column["activity"]] == "Pengembangan aplikasi (web, Android)"
    assert second[column["indicator"]] == 'Jumlah "layanan" daring'
    assert second[column["supporting"]] == "DPMPTSP, Bappeda"
    assert body[0][column["activity"]] == "Analisis proses bisnis, 30 layanan"
    assert body[0][column["risks"]] == "R-GOV-01" and body[-1][column["lead"]] == "Bappeda"
    assert [(r[column["location"]], r[column["priority"]]) for r in (body[0], second, body[3], body[-1])] == [
        ("Kabupaten Serang", "Prioritas Daerah"), ("Kecamatan Ciruas, Kragilan", "Prioritas Nasional"),
        ("", ""), ("29 kecamatan", ""),
    ]


def test_location_and_priority_sit_where_the_renja_table_has_them() -> None:
    """Renja (Permendagri 86/2017): … target, pagu indikatif, lokasi, sumber dana, prioritas …"""
    at = ACTION_COLUMNS.index
    assert at("target") < at("budget") == at("location") - 1 == at("funding_source") - 2 == at("priority") - 3
    header = _csv_rows(render_actions_csv(fixture.bundle(), "id"))[0]
    assert header[at("budget"):at("priority") + 1] == ["Pagu indikatif (Rp)", "Lokasi", "Sumber dana", "Prioritas"]


def test_csv_lines_end_with_crlf_and_quote_only_where_needed() -> None:
    text = render_actions_csv(fixture.bundle(), "en")
    assert '"Pengembangan aplikasi (web, Android)"' in text
    assert '"Jumlah ""layanan"" daring"' in text and '"Analisis proses bisnis, 30 layanan"' in text
    assert ',"Kecamatan Ciruas, Kragilan",APBD Kabupaten,Prioritas Nasional,' in text
    assert text.count("\r\n") == 9 and ",GOV-1 Layanan Publik," in text


def test_markdown_tables_keep_user_text_literal() -> None:
    doc = render_roadmap_markdown(fixture.bundle(), "en")
    found = tables(parse(doc))
    assert len(found) == 2, "one table per dimension with innovations"
    governance = found[0]
    assert governance[0][0] == "Innovation / step" and governance[0][1:7] == [str(y) for y in range(2025, 2031)]
    assert governance[1][:3] == ["GOV-1.01 Serang Tatu", "Q 600 jt", "200 jt"]
    assert governance[4][0] == "GOV-1.01.03 Operasional *24 jam*"
    assert governance[4][3:6] == ["█", "1,25 M", "█"]
    assert governance[5][0] == "GOV-1.02 Sapa Serang"
    actions = tables(parse(render_actions_markdown(fixture.bundle(), "en")))
    assert actions[0][1][ACTION_COLUMNS.index("output")] == "Dokumen | arsitektur"
    assert actions[0][2][ACTION_COLUMNS.index("activity")] == "Pengembangan aplikasi (web, Android)"


def test_csv_quotes_newlines_commas_and_quotes_so_they_read_back() -> None:
    """Step fields are one line (the models clean newlines away), but the CSV writer must not care."""
    cells = ["a\nb", "c, d", 'e "f"', "plain", "\r\n", ""]
    text = to_csv(["h"] * len(cells), [cells])
    assert text.endswith('"a\nb","c, d","e ""f""",plain,"\r\n",\r\n')
    assert _csv_rows(text) == [["h"] * len(cells), cells]


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=20), min_size=1, max_size=6))
def test_any_cells_read_back_from_the_csv(cells: list[str]) -> None:
    assert _csv_rows(to_csv(["h"] * len(cells), [cells]))[1] == cells

"""core.roadmap: rows, totals, and bars drawn with characters at several widths."""

from __future__ import annotations

from core.roadmap import (
    InnovationLine,
    RowKind,
    StepLine,
    build_rows,
    header,
    layout,
    line,
    overall,
    totals_per_source,
    totals_per_year,
)

YEARS = list(range(2025, 2035))
TATU = InnovationLine(1, "Serang Tatu", "GOV", quick_win=True, steps=(
    StepLine(10, "Analisis proses bisnis", 2025, 2025, {2025: 150_000_000}, "APBD Kabupaten", 2, 3),
    StepLine(11, "Operasional", 2026, 2029, {2026: 150_000_000, 2029: 160_000_000}, "APBD Kabupaten"),
))
SIKONDE = InnovationLine(2, "Sikonde", "BRA", steps=(
    StepLine(20, "Aplikasi desa wisata", 2027, 2028, {2027: 1_000_000_000}, "APBN/DAK"),
))
DIMENSIONS = [("GOV", "Smart Governance"), ("BRA", "Smart Branding"), ("ENV", "Smart Environment")]


def test_rows_go_dimension_innovation_step_and_skip_empty_dimensions() -> None:
    rows = build_rows(DIMENSIONS, [SIKONDE, TATU])
    assert [(r.kind, r.ref) for r in rows] == [
        (RowKind.DIMENSION, "GOV"), (RowKind.INNOVATION, 1), (RowKind.STEP, 10), (RowKind.STEP, 11),
        (RowKind.DIMENSION, "BRA"), (RowKind.INNOVATION, 2), (RowKind.STEP, 20),
    ]
    assert rows[0].total == 460_000_000 and rows[1].quick_year == 2025


def test_totals() -> None:
    steps = [*TATU.steps, *SIKONDE.steps]
    per_year = totals_per_year(steps, YEARS)
    assert per_year[2025] == 150_000_000 and per_year[2027] == 1_000_000_000 and per_year[2034] == 0
    assert list(per_year) == YEARS
    assert totals_per_source(steps) == {"APBN/DAK": 1_000_000_000, "APBD Kabupaten": 460_000_000}
    assert overall(steps) == 1_460_000_000


def test_bars_at_80_columns() -> None:
    lay = layout(YEARS, 80)
    assert lay.cell == 4 and lay.width == 80 and lay.label_width == 30
    rows = build_rows(DIMENSIONS, [TATU])
    assert header(lay, "Innovation", "Total").split()[1:3] == ["'25", "'26"]
    quick, first, second = (line(r, lay) for r in rows[1:])
    bar = slice(lay.label_width + 1, lay.label_width + 1 + 40)
    assert quick[bar] == "Q▓▓▓" + "▓" * 16 + "·   " * 5  # 2025–2029, the quick-win year marked
    assert first[bar].startswith(" ██ ·   ")  # Q2–Q3 of 2025
    assert second[bar] == "·   " + "█" * 16 + "·   " * 5
    assert quick.startswith(" Q Serang Tatu") and first.rstrip().endswith("150 jt")


def test_narrow_widths_group_years_but_keep_labels() -> None:
    lay = layout(YEARS, 34)
    assert lay.label_width == 20 and len(lay.columns) == 4 and lay.columns[0] == (2025, 2026, 2027)
    text = line(build_rows(DIMENSIONS, [TATU])[3], lay)
    assert text.startswith("   Operasional") and len(text) <= 34


def test_wide_layout_shows_full_years() -> None:
    lay = layout(YEARS, 160)
    assert lay.cell == 8 and lay.width == 160 and "2025" in header(lay, "", "")


def test_year_heads_share_room_when_columns_are_narrow() -> None:
    heads = lambda width: header(layout(YEARS, width), "", "")[layout(YEARS, width).label_width + 1:]  # noqa: E731
    assert heads(60).startswith("25 26 27 28 29 30")
    assert heads(52).startswith("25  27  29  31  33")
    assert heads(41).startswith("25 28 31 ")
    assert heads(80).startswith("'25 '26 '27")

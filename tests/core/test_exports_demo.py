"""The demo workshop's minutes and masterplan: golden files, structure read back, determinism.

Golden files: ``tests/core/golden/demo-{minutes,masterplan}-{id,en}.md``. After an intended
change, rewrite them with ``REMBUK_UPDATE_GOLDEN=1 pytest tests/core/test_exports_demo.py``
and review the diff.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import pytest

from core.exports import render_document
from core.i18n import catalog
from core.masterplan import render_masterplan
from core.minutes import render_minutes
from core.models import Bundle, NoteKind, QuickWin
from data.demo import demo_bundle
from tests.core.mdparse import headings, html, parse, tables

GOLDEN = Path(__file__).parent / "golden"
CORE = Path(__file__).parents[2] / "core"
RENDER = {"minutes": render_minutes, "masterplan": render_masterplan}


@pytest.fixture(scope="module")
def demo() -> Bundle:
    return demo_bundle()


def _table_after(doc: str, title: str, nth: int = 0) -> list[list[str]]:
    """The ``nth`` table after the first heading or bold label ``title``."""
    tokens = parse(doc)
    start = next(n for n, t in enumerate(tokens) if t.type == "inline" and t.content.strip("*") == title)
    return tables(tokens[start:])[nth]


def _body(table: list[list[str]]) -> list[list[str]]:
    return table[1:]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("document", ["minutes", "masterplan"])
def test_demo_matches_the_golden_file(demo: Bundle, document: str, lang: str) -> None:
    """The demo workshop's documents, byte for byte (review the golden files as diffs)."""
    path = GOLDEN / f"demo-{document}-{lang}.md"
    rendered = RENDER[document](demo, lang)
    if os.environ.get("REMBUK_UPDATE_GOLDEN") == "1":
        path.write_text(rendered, encoding="utf-8")
    assert rendered == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("document", ["minutes", "masterplan"])
def test_same_workshop_same_bytes_whatever_the_row_order(demo: Bundle, document: str, fmt: str) -> None:
    """Deterministic: twice the same bytes, and reversing every list of the bundle changes nothing."""
    names = ("agencies", "participants", "attendance", "innovations", "action_steps", "risks",
             "notes", "quick_win_scores")
    shuffled = demo.model_copy(update={n: list(reversed(getattr(demo, n))) for n in names})
    first = render_document(demo, document, fmt, "id")
    assert render_document(demo, document, fmt, "id") == first
    assert render_document(shuffled, document, fmt, "id") == first


@pytest.mark.parametrize("document", ["minutes", "masterplan"])
def test_no_raw_html_and_no_catalog_key_shows(demo: Bundle, document: str) -> None:
    for lang in ("id", "en"):
        doc = RENDER[document](demo, lang)
        assert html(parse(doc)) == []
        assert not re.search(r"\b(minutes|masterplan|enum|date|export)\.[a-z_]", doc), lang


def test_the_catalog_keys_the_exports_use_exist_in_both_languages() -> None:
    sources = [*sorted((CORE / "minutes").glob("*.py")), *sorted((CORE / "masterplan").glob("*.py"))]
    pattern = re.compile(r"""["']((?:minutes|masterplan)\.[a-z0-9_.]*[a-z0-9_])["']""")
    keys = {key for path in sources for key in pattern.findall(path.read_text(encoding="utf-8"))}
    assert len(keys) > 100
    for lang in ("id", "en"):
        assert keys - catalog(lang).keys() == set(), lang


# -- minutes: every count in the document is the bundle's ------------------------------------

def test_minutes_quick_wins_rows_and_scores(demo: Bundle) -> None:
    """A row per candidate or selection; each total is Σ weight × score, shown per criterion."""
    doc = render_minutes(demo, "en")
    criteria = _body(_table_after(doc, "Quick-Win Selection"))
    assert [row[2] for row in criteria] == [str(c.weight) for c in demo.reference.quick_win_criteria]
    chosen = [i for i in demo.innovations if i.quick_win != QuickWin.NONE]
    selection = _table_after(doc, "Quick-Win Selection", 1)
    assert selection[0][-1] == "Score (max 65)"
    assert len(_body(selection)) == len(chosen) == 13
    scores = _body(_table_after(doc, "Scores per criterion"))
    weights = [c.weight for c in demo.reference.quick_win_criteria]
    for row in scores:
        assert int(row[-1]) == sum(w * int(s) for w, s in zip(weights, row[1:-1], strict=True))
    assert ["Selected"] * 6 == [row[3] for row in _body(selection) if row[3] == "Selected"]


def test_minutes_a_changed_weight_shows_its_default(demo: Bundle) -> None:
    changed = demo.model_copy(update={"quick_win_weights": {"citizen_benefit": 5}})
    doc = render_minutes(changed, "en")
    criteria = _body(_table_after(doc, "Quick-Win Selection"))
    assert criteria[1] == ["C2", "Direct, visible benefit to citizens", "5 (default 3)"]
    assert _table_after(doc, "Quick-Win Selection", 1)[0][-1] == "Score (max 75)"


def test_minutes_action_plans_add_up(demo: Bundle) -> None:
    doc = render_minutes(demo, "id")
    rows = _body(_table_after(doc, "Rencana Aksi"))
    assert len(rows) == 6
    assert sum(int(row[2]) for row in rows) == len(demo.action_steps) == 55
    total = sum(s.total for s in demo.action_steps)
    rupiah = sum(int(row[4].removeprefix("Rp ").replace(".", "")) for row in rows)
    assert rupiah == total
    assert f"pagu indikatif Rp {total:,}.".replace(",", ".") in doc


def test_minutes_risk_summary_and_heatmap_count_every_risk(demo: Bundle) -> None:
    doc = render_minutes(demo, "id")
    levels = _body(_table_after(doc, "Register Risiko"))
    assert [row[0] for row in levels][0] == "Sangat Tinggi (ST)"
    assert sum(int(row[2]) for row in levels) == len(demo.risks) == 31
    assert sum(int(row[3]) for row in levels) == 31  # not yet reassessed: counted where it stands
    heatmap = _table_after(doc, "Peta risiko (inheren): jumlah risiko · level")
    assert len(heatmap) == 6 and all(len(row) == 6 for row in heatmap)
    assert [row[0][0] for row in heatmap[1:]] == ["5", "4", "3", "2", "1"]
    cells = [cell.split(" · ") for row in _body(heatmap) for cell in row[1:]]
    assert sum(int(count) for count, _ in cells) == 31
    expected = Counter((r.likelihood, r.impact) for r in demo.risks)
    assert int(heatmap[2][4].split(" · ")[0]) == expected[(4, 4)]  # likelihood 4, impact 4
    assert heatmap[1][5] == f"{expected[(5, 5)]} · ST" and heatmap[5][1].endswith("· SR")


def test_minutes_lists_exactly_the_high_risks(demo: Bundle) -> None:
    """The two highest bands: magnitude 16 and above on the official scale."""
    doc = render_minutes(demo, "en")
    high = _body(_table_after(doc, "High risks"))
    scale = demo.reference.risk_scale
    expected = [r for r in demo.risks if scale.magnitude[r.likelihood - 1][r.impact - 1] >= 16]
    assert sorted(row[0] for row in high) == sorted(r.code for r in expected)
    magnitudes = [int(row[3].split()[0]) for row in high]
    assert magnitudes == sorted(magnitudes, reverse=True)


def test_minutes_follow_ups_table_and_data_requests(demo: Bundle) -> None:
    doc = render_minutes(demo, "en")
    follow_ups = _body(_table_after(doc, "Follow-up"))
    assert len(follow_ups) == sum(n.kind == NoteKind.FOLLOW_UP for n in demo.notes)
    assert "The next stage, Bimtek III, is scheduled for Tuesday, 6 August 2024." in doc


# -- masterplan ------------------------------------------------------------------------------

MASTERPLAN_CHAPTERS = {
    "id": ["Bab 1. Strategi per Dimensi dan Elemen", "Bab 2. Inovasi", "Bab 3. Rencana Aksi dan Peta Jalan",
           "Bab 4. Manajemen Risiko", "Bab 5. Quick Win", "Lampiran: Perangkat Daerah dan Komitmen"],
    "en": ["Chapter 1. Strategy per Dimension and Element", "Chapter 2. Innovations",
           "Chapter 3. Action Plans and Roadmap", "Chapter 4. Risk Management", "Chapter 5. Quick Wins",
           "Appendix: Agencies and Commitments"],
}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_masterplan_chapters_in_order(demo: Bundle, lang: str) -> None:
    found = headings(parse(render_masterplan(demo, lang)))
    assert found[0][0] == 1 and "Kabupaten Serang 2025–2034" in found[0][1]
    assert [title for level, title in found if level == 2] == MASTERPLAN_CHAPTERS[lang]


def test_masterplan_tables_have_a_row_per_record(demo: Bundle) -> None:
    """Innovations, steps, risks, candidates and agencies: each once in its table."""
    doc = render_masterplan(demo, "en")
    found = tables(parse(doc))
    strategy = [t for t in found if t[0][0] == "Element"]
    assert sum(len(_body(t)) for t in strategy) == len(demo.reference.elements) == 18
    innovation_tables = [t for t in found if t[0][:2] == ["No.", "Innovation"]]
    assert sum(len(_body(t)) for t in innovation_tables) == len(demo.innovations) == 42
    roadmaps = [t for t in found if t[0][:2] == ["No.", "Activity (innovation)"]]
    assert len(roadmaps) == 6 and sum(len(_body(t)) for t in roadmaps) == len(demo.action_steps)
    assert all(t[0][3:13] == [str(y) for y in range(2025, 2035)] for t in roadmaps)
    register = _body(_table_after(doc, "Risk register"))
    assert len(register) == len(demo.risks)
    agencies = _body(_table_after(doc, "Agencies"))
    assert len(agencies) == len(demo.agencies)
    assert sum(int(row[3]) for row in agencies) == sum(i.lead_agency_id is not None for i in demo.innovations)
    commitments = _body(_table_after(doc, "Commitments: follow-ups and data requests"))
    kinds = (NoteKind.FOLLOW_UP, NoteKind.DATA_REQUEST)
    assert len(commitments) == sum(n.kind in kinds for n in demo.notes)


def test_masterplan_roadmap_marks_the_years_each_step_runs(demo: Bundle) -> None:
    doc = render_masterplan(demo, "en")
    first = _table_after(doc, "Chapter 3. Action Plans and Roadmap", 2)  # after summary and funding
    step = next(s for s in demo.action_steps if s.id == 1)
    row = first[1]
    assert row[1].startswith(step.activity)
    marked = [year for year, mark in zip(range(2025, 2035), row[3:13], strict=True) if mark == "●"]
    assert marked == list(range(step.start_year, step.end_year + 1))


def test_masterplan_quick_wins_profile_each_selection(demo: Bundle) -> None:
    found = headings(parse(render_masterplan(demo, "id")))
    selected = {i.title for i in demo.innovations if i.quick_win == QuickWin.SELECTED}
    start = found.index((2, "Bab 5. Quick Win"))
    profiles = {title for level, title in found[start + 1:] if level == 3}
    assert profiles == selected


def test_an_empty_workshop_says_so_in_every_chapter() -> None:
    from core.models import Workshop
    from data.reference import reference_data

    bundle = Bundle(workshop=Workshop(region="Kota Cilegon"), reference=reference_data())
    doc = render_masterplan(bundle, "id")
    assert [t for lvl, t in headings(parse(doc)) if lvl == 2] == MASTERPLAN_CHAPTERS["id"]
    assert doc.count("Lokakarya belum memiliki data untuk bab ini.") == 5  # all but the strategy
    assert doc.count("Belum ada inovasi pada dimensi ini.") == 6

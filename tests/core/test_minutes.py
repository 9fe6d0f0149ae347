"""core.minutes: the notulen export, against golden files and parsed back with markdown-it-py.

Golden files: ``tests/core/golden/minutes-{id,en}.md``. After an intended change, rewrite
them with ``REMBUK_UPDATE_GOLDEN=1 pytest tests/core/test_minutes.py`` and review the diff.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.i18n import catalog
from core.minutes import render_minutes
from core.models import ActionStep, Bundle, Note, NoteKind, Role, Stage, TargetType, Workshop
from core.text import clean_line, clean_text
from data.reference import reference_data
from tests.core import minutes_fixture as fixture
from tests.core.mdparse import headings, html, inline_types, list_items, parse, tables

GOLDEN = Path(__file__).parent / "golden"
CORE = Path(__file__).parents[2] / "core"

HEADINGS = {
    "id": [
        (1, "Notulen Rapat"),
        (2, "Pembahasan"),
        (3, "Umum"),
        (3, "Smart Governance"),
        (3, "Smart Branding"),
        (3, "Smart Living"),
        (3, "Smart Environment"),
        (2, "Kesimpulan dan Keputusan"),
        (2, "Tindak Lanjut"),
        (2, "Permintaan Data"),
        (3, "Bappeda"),
        (3, "Dinkes"),
        (3, "Perangkat daerah belum ditentukan"),
        (2, "Pemilihan Quick Win"),
        (2, "Rencana Aksi"),
        (2, "Register Risiko"),
        (2, "Penutup"),
        (2, "Lampiran: Daftar Hadir"),
    ],
    "en": [
        (1, "Minutes of the Meeting"),
        (2, "Discussion"),
        (3, "General"),
        (3, "Smart Governance"),
        (3, "Smart Branding"),
        (3, "Smart Living"),
        (3, "Smart Environment"),
        (2, "Conclusions and Decisions"),
        (2, "Follow-up"),
        (2, "Data Requests"),
        (3, "Bappeda"),
        (3, "Dinkes"),
        (3, "No agency assigned"),
        (2, "Quick-Win Selection"),
        (2, "Action Plans"),
        (2, "Risk Register"),
        (2, "Closing"),
        (2, "Attachment: Attendance List"),
    ],
}
"""The fixture's headings, in order: sections, dimensions with content, agencies with requests."""

INLINE_ALLOWED = {"text", "hardbreak", "softbreak", "strong_open", "strong_close"}
"""The only inline syntax the minutes use: bold labels and line breaks."""


def _kinds(bundle: Bundle, kind: NoteKind) -> list[Note]:
    return [n for n in bundle.notes if n.kind == kind]


def _table_after(doc: str, title: str) -> list[list[str]]:
    """The first table after the heading ``title``."""
    tokens = parse(doc)
    start = next(n for n, t in enumerate(tokens) if t.type == "inline" and t.content == title)
    return tables(tokens[start:])[0]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_minutes_match_the_golden_file(lang: str) -> None:
    """The fixture's minutes, byte for byte (review the golden files as diffs)."""
    path = GOLDEN / f"minutes-{lang}.md"
    rendered = render_minutes(fixture.bundle(), lang)
    if os.environ.get("REMBUK_UPDATE_GOLDEN") == "1":
        path.write_text(rendered, encoding="utf-8")
    assert rendered == path.read_text(encoding="utf-8")


def test_the_same_bundle_gives_the_same_bytes_whatever_its_order() -> None:
    """Deterministic: reversing every list of the bundle changes nothing."""
    bundle = fixture.bundle()
    reversed_lists = {name: list(reversed(getattr(bundle, name))) for name in (
        "agencies", "participants", "attendance", "innovations", "notes")}
    shuffled = bundle.model_copy(update=reversed_lists)
    assert render_minutes(shuffled, "id") == render_minutes(bundle, "id")
    assert render_minutes(bundle, "en") == render_minutes(bundle, "en")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_headings_are_the_sections_in_order(lang: str) -> None:
    assert headings(parse(render_minutes(fixture.bundle(), lang))) == HEADINGS[lang]


def test_tables_have_a_row_per_item() -> None:
    """Attendance: a row per participant, a column per day; follow-ups: a row per note."""
    bundle = fixture.bundle()
    doc = render_minutes(bundle, "en")
    attendance = _table_after(doc, "Attachment: Attendance List")
    assert len(attendance) - 1 == len(bundle.participants)
    assert all(len(row) == 5 + len(bundle.workshop.dates) for row in attendance)
    follow_ups = _table_after(doc, "Follow-up")
    assert len(follow_ups) - 1 == len(_kinds(bundle, NoteKind.FOLLOW_UP))
    criteria = _table_after(doc, "Quick-Win Selection")
    assert len(criteria) - 1 == len(bundle.reference.quick_win_criteria)
    assert len(tables(parse(doc))[-3]) - 1 == 3  # the candidates, after the criteria


def test_lists_have_an_item_per_note() -> None:
    """Decisions are numbered one per note; data requests are listed one per note."""
    bundle = fixture.bundle()
    tokens = parse(render_minutes(bundle, "id"))
    assert list_items(tokens, "ordered_list") == [len(_kinds(bundle, NoteKind.DECISION))]
    bullets = list_items(tokens, "bullet_list")
    assert bullets[0] == 11  # the header fields
    assert sum(bullets[-3:]) == len(_kinds(bundle, NoteKind.DATA_REQUEST))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_html_and_no_markup_but_bold_labels(lang: str) -> None:
    """The fixture's ``<https://…>`` and ``*brosur*`` stay text."""
    tokens = parse(render_minutes(fixture.bundle(), lang))
    assert html(tokens) == []
    assert inline_types(tokens) <= INLINE_ALLOWED


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_catalog_key_shows(lang: str) -> None:
    """A missing catalog entry would show as its key: none does."""
    doc = render_minutes(fixture.bundle(), lang)
    assert not re.search(r"\b(minutes|enum|date)\.[a-z_]", doc)


def test_the_catalog_keys_the_minutes_use_exist_in_both_languages() -> None:
    """Every literal key in the minutes' code is in the id and the en catalogs."""
    sources = [*sorted((CORE / "minutes").glob("*.py")), CORE / "labels.py"]
    pattern = re.compile(r"""["']((?:minutes|date)\.[a-z0-9_.]*[a-z0-9_])["']""")
    keys = {key for path in sources for key in pattern.findall(path.read_text(encoding="utf-8"))}
    assert len(keys) > 40  # the scan itself works
    for lang in ("id", "en"):
        assert keys - catalog(lang).keys() == set(), lang


def test_an_empty_workshop_says_none_in_every_section() -> None:
    """No notes, people or innovations: every section still appears, saying so."""
    bundle = Bundle(workshop=Workshop(region="Kota Cilegon"), reference=reference_data())
    doc = render_minutes(bundle, "id")
    assert [title for _, title in headings(parse(doc))] == [
        "Notulen Rapat", "Pembahasan", "Kesimpulan dan Keputusan", "Tindak Lanjut",
        "Permintaan Data", "Pemilihan Quick Win", "Rencana Aksi", "Register Risiko", "Penutup",
        "Lampiran: Daftar Hadir",
    ]
    assert doc.count("Tidak ada.") == 8
    assert "- **Waktu:** —" in doc and "- **Peserta:** 0 orang; daftar hadir terlampir" in doc
    assert "Kota Cilegon\n" in doc and "| — | — |" in doc


def test_header_falls_back_to_participant_roles() -> None:
    """No chair or minute-taker in the header: the participants with those roles fill it."""
    bundle = fixture.bundle()
    bundle.workshop.chair = ""
    doc = render_minutes(bundle, "id")
    assert "- **Pimpinan rapat:** Drs. H. Ahmad Fauzi, M.Si." in doc
    assert "- **Notulis:** Siti Nurhaliza, S.Kom." in doc


def test_a_signatory_without_a_participant_row_signs_by_name_only() -> None:
    bundle = fixture.bundle()
    bundle.participants = [p for p in bundle.participants if p.role != Role.CHAIR]
    bundle.workshop.chair = "Ir. Sutrisno"
    signatures = _table_after(render_minutes(bundle, "en"), "Closing")
    assert signatures == [
        ["Chair", "Minute-taker"],
        ["", ""],  # room to sign
        ["Ir. Sutrisno", "Siti Nurhaliza, S.Kom."],
        ["", "Pranata Komputer"],
        ["NIP: —", "NIP: 199003152015032002"],
    ]


@pytest.mark.parametrize(
    ("start", "end", "lang", "expected"),
    [
        ("8:00", "16.00", "id", "pukul 08.00 s.d. 16.00 WIB"),
        ("08.00", "", "id", "pukul 08.00 WIB s.d. selesai"),
        ("08.00", "16.30", "en", "08:00 to 16:30 WIB"),
        ("pagi", "", "en", "from pagi WIB until the close"),
    ],
)
def test_time_is_written_the_language_s_way(start: str, end: str, lang: str, expected: str) -> None:
    bundle = fixture.bundle()
    bundle.workshop.start_time, bundle.workshop.end_time = start, end
    assert f":** {expected}\n" in render_minutes(bundle, lang)


def test_after_the_last_stage_the_next_meeting_is_announced() -> None:
    bundle = fixture.bundle()
    bundle.workshop.stage = Stage.IV
    doc = render_minutes(bundle, "id")
    assert "Pertemuan berikutnya dijadwalkan pada Selasa, 6 Agustus 2024." in doc


def test_a_note_on_a_step_joins_its_innovation_s_dimension() -> None:
    """A note taken with an action step on screen is discussed under the step's dimension."""
    bundle = fixture.bundle()
    step = ActionStep(id=9, innovation_id=3, activity="Pelatihan", start_year=2025, end_year=2025)
    bundle.action_steps = [step]
    note = Note(
        id=99, text="perlu pelatihan kader.", speaker="DLH",
        target_type=TargetType.STEP, target_id=9, created_at=bundle.notes[0].created_at,
    )
    bundle.notes = [*bundle.notes, note]
    doc = render_minutes(bundle, "id")
    environment = doc.index("### Smart Environment")
    assert doc.index("DLH menyampaikan bahwa perlu pelatihan kader.") > environment


def test_an_unknown_dimension_code_is_shown_as_is() -> None:
    bundle = fixture.bundle()
    stray = bundle.notes[0].model_copy(update={"id": 50, "dimension": "XYZ"})
    bundle.notes = [*bundle.notes, stray]
    assert headings(parse(render_minutes(bundle, "en")))[7] == (3, "XYZ")


def test_the_minutes_import_no_ui_or_storage() -> None:
    """core stays pure: rendering the minutes loads neither textual nor sqlite."""
    code = (
        "import sys, core.minutes, core.markdown;"
        "print(sorted({'textual', 'sqlite3', 'sqlite_utils'} & set(sys.modules)))"
    )
    root = Path(__file__).parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True
    )
    assert result.stdout.strip() == "[]"


# Property: any text, anywhere a user types, keeps the document's structure.

_any = st.text(max_size=60)
_line = _any.filter(lambda s: clean_line(s) != "")
_text = st.text(min_size=1, max_size=200).filter(lambda s: clean_text(s).strip() != "")  # a blank note is refused


def _with_user_text(name: str, speaker: str, text: str, title: str) -> Bundle:
    """The fixture with every note, speaker, title and person set to the given texts."""
    bundle = fixture.bundle()
    for note in bundle.notes:
        note.text, note.speaker = text, speaker
    for innovation in bundle.innovations:
        innovation.title = title
    for person in bundle.participants:
        person.name, person.position = name, speaker
    bundle.workshop.title = bundle.workshop.venue = bundle.workshop.chair = speaker
    bundle.workshop.speakers = [speaker, title]
    return bundle


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=_line, speaker=_any, text=_text, title=_line)
def test_any_user_text_keeps_the_structure(name: str, speaker: str, text: str, title: str) -> None:
    """Headings, tables and lists stay the fixture's; no HTML; cells hold the text typed."""
    bundle = _with_user_text(name, speaker, text, title)
    tokens = parse(render_minutes(bundle, "id"))
    assert headings(tokens) == HEADINGS["id"]
    assert html(tokens) == [] and inline_types(tokens) <= INLINE_ALLOWED
    found = tables(tokens)
    assert [len(t) for t in found] == [2, 2, 2, 2, 4, 9, 4, 5, 7]  # 5: the signatures, with room to sign
    expected = " / ".join(line.strip() for line in clean_text(text).split("\n") if line.strip())
    assert [row[1] for row in found[4][1:]] == [expected] * 3
    assert list_items(tokens, "ordered_list") == [2]



def test_the_closing_names_who_captured_the_notes_when_the_file_knows():
    plain = fixture.bundle()
    notes = [note.model_copy(update={"captured_by": who})
             for note, who in zip(plain.notes, ["Sari", "Ayu", "Sari"] + [""] * len(plain.notes), strict=False)]
    captured = plain.model_copy(update={"notes": notes})
    assert "Notes taken by: Sari (2), Ayu (1)." in render_minutes(captured, "en")
    assert "Catatan direkam oleh: Sari (2), Ayu (1)." in render_minutes(captured, "id")
    assert "Notes taken by" not in render_minutes(plain, "en")

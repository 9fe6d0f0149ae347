"""Stage IV's commitment sheets: one per leading agency, one for the head of region."""

from __future__ import annotations

from core.commitments import render_commitments
from core.exports import render_document
from core.models import ActionStep, Agency, Bundle, Innovation, Participant, QuickWin, Workshop
from data.reference import reference_data
from tests.core.mdparse import headings, parse


def _bundle() -> Bundle:
    return Bundle(
        workshop=Workshop(region="Kabupaten Pandeglang", dates=[]),
        reference=reference_data(),
        agencies=[Agency(id=1, abbreviation="Dinkes", name="Dinas Kesehatan"),
                  Agency(id=2, abbreviation="DLH", name="Dinas Lingkungan Hidup"),
                  Agency(id=3, abbreviation="Dishub", name="Dinas Perhubungan")],
        participants=[Participant(id=1, name="dr. Rina", position="Kepala Dinas Kesehatan", agency_id=1, nip="1975"),
                      Participant(id=2, name="Andi", position="Kepala Bidang Kebersihan", agency_id=2)],
        innovations=[
            Innovation(id=1, title="Posyandu digital", dimension="LIV", element="LIV-2", lead_agency_id=1,
                       quick_win=QuickWin.SELECTED),
            Innovation(id=2, title="Bank sampah desa", dimension="ENV", element="ENV-2", lead_agency_id=2),
        ],
        action_steps=[ActionStep(id=1, innovation_id=1, activity="Aplikasi", start_year=2026, end_year=2027,
                                 budget={2026: 150_000_000, 2027: 50_000_000})],
    )


def test_a_sheet_per_leading_agency_and_one_for_the_regent() -> None:
    doc = render_commitments(_bundle(), "id")
    assert [t for level, t in headings(parse(doc)) if level == 2] == [
        "Lembar Komitmen Dinas Kesehatan", "Lembar Komitmen Dinas Lingkungan Hidup",
        "Lembar Komitmen Kepala Daerah"]
    assert "| 1 | Posyandu digital | Smart Living | Terpilih | 2026 | Rp 200.000.000 |" in doc
    assert "| Kepala Dinkes |\n| --- |\n|  |\n| dr. Rina |\n| Kepala Dinas Kesehatan |\n| NIP. 1975 |" in doc
    assert "| Kepala DLH |\n| --- |\n|  |\n| .............................. |" in doc  # not the head of a division
    assert "| Bupati Kabupaten Pandeglang |" in doc
    assert "Dishub" not in doc  # leads nothing, signs nothing


def test_the_sheets_export_as_html_like_the_minutes() -> None:
    page = render_document(_bundle(), "commitments", "html", "en")
    assert page.startswith("<!DOCTYPE html>") and "Commitment Sheet: Head of Region" in page

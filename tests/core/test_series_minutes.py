"""Golden minutes for a two-stage series (Kabupaten Pandeglang, Bimtek II then III).

Stage II: a header set up, an agenda run with actual times, a note from a registered speaker
on a card, review detail, a follow-up and a data request with owners and due dates. Stage III:
carried from it (data.carry), one follow-up marked done. Golden files:
``tests/core/golden/series-{II,III}-id.md``; after an intended change rewrite them with
``REMBUK_UPDATE_GOLDEN=1 pytest tests/core/test_series_minutes.py`` and review the diff.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest

from core.minutes import render_minutes
from core.models import (
    Agency,
    AgendaItem,
    Bundle,
    FollowUpStatus,
    Innovation,
    InnovationStatus,
    Note,
    NoteKind,
    Participant,
    ReviewOutcome,
    Role,
    Stage,
    TargetType,
    Workshop,
)
from data.carry import carried_bundle, next_workshop
from data.reference import reference_data

GOLDEN = Path(__file__).parent / "golden"


def stage_2() -> Bundle:
    workshop = Workshop(region="Kabupaten Pandeglang", organiser="Diskominfo Kabupaten Pandeglang",
                        title="Bimtek II Masterplan Smart City", stage=Stage.II, dates=[date(2025, 7, 8)],
                        start_time="08.30", end_time="16.00", venue="Pendopo Pandeglang", chair="Ir. Budi Santoso",
                        speakers=["Dr. Ana Wijaya"], facilitator="Rina", minute_taker="Dedi Kurnia",
                        next_stage_date=date(2025, 8, 12))
    at = datetime(2025, 7, 8, 10, 40)
    return Bundle(
        workshop=workshop, reference=reference_data(),
        agencies=[Agency(id=1, abbreviation="Bappeda"), Agency(id=2, abbreviation="Dinkes")],
        participants=[Participant(id=1, name="Ir. Budi Santoso", role=Role.CHAIR, agency_id=1),
                      Participant(id=2, name="dr. Sari", position="Kepala Dinas Kesehatan", agency_id=2),
                      Participant(id=3, name="Dedi Kurnia", role=Role.MINUTE_TAKER)],
        innovations=[
            Innovation(id=1, title="Posyandu digital", dimension="LIV", element="LIV-2", lead_agency_id=2,
                       status=InnovationStatus.EXISTING, review_outcome=ReviewOutcome.IMPROVE,
                       improvement="Hubungkan dengan data stunting desa.", problem="Data balita tercatat manual",
                       beneficiaries="Ibu dan balita"),
            Innovation(id=2, title="SMS bunda", dimension="LIV", element="LIV-2", lead_agency_id=2,
                       status=InnovationStatus.EXISTING, review_outcome=ReviewOutcome.MERGE, merge_into_id=1),
        ],
        notes=[
            Note(id=1, text="cakupan posyandu baru 60 persen.", speaker="dr. sari", target_type=TargetType.INNOVATION,
                 target_id=1, created_at=at),
            Note(id=2, kind=NoteKind.FOLLOW_UP, text="Menyusun SK tim posyandu digital", owner_agency_id=2,
                 due=date(2025, 7, 31), created_at=at),
            Note(id=3, kind=NoteKind.DATA_REQUEST, text="Data balita per desa", owner_agency_id=2,
                 due=date(2025, 7, 25), created_at=at),
        ],
        agenda_items=[
            AgendaItem(id=1, title="Pembukaan", planned_time="08.30", timebox=30, lead="Kepala Dinas",
                       started_at=datetime(2025, 7, 8, 8, 42), ended_at=datetime(2025, 7, 8, 9, 15)),
            AgendaItem(id=2, position=1, title="FGD Smart Living", topic="LIV", planned_time="10.30", timebox=45,
                       lead="Rina", started_at=datetime(2025, 7, 8, 10, 31), ended_at=datetime(2025, 7, 8, 11, 20)),
        ],
    )


def stage_3() -> Bundle:
    previous = stage_2()
    bundle = carried_bundle(previous, next_workshop(previous.workshop, Stage.III), "pandeglang-II.rembuk")
    notes = [n.model_copy(update={"status": FollowUpStatus.DONE}) if n.id == 3 else n for n in bundle.notes]
    return bundle.model_copy(update={"notes": notes})


@pytest.mark.parametrize(("stage", "make"), [("II", stage_2), ("III", stage_3)])
def test_series_minutes_match_the_golden_files(stage: str, make) -> None:
    doc = render_minutes(make(), "id")
    golden = GOLDEN / f"series-{stage}-id.md"
    if os.environ.get("REMBUK_UPDATE_GOLDEN") == "1":
        golden.write_text(doc, encoding="utf-8")
    assert doc == golden.read_text(encoding="utf-8")


def test_stage_2_minutes_say_who_spoke_for_which_agency_about_which_card() -> None:
    doc = render_minutes(stage_2(), "id")
    assert "- dr. sari (Dinkes) menyampaikan bahwa cakupan posyandu baru 60 persen. (inovasi: Posyandu digital)" in doc
    assert "Perbaikan: Hubungkan dengan data stunting desa" in doc and "Digabung ke: Posyandu digital" in doc
    assert "Rapat dibuka pukul 08.42 WIB oleh Ir. Budi Santoso." in doc


def test_stage_3_minutes_list_the_carried_follow_ups_with_their_status() -> None:
    doc = render_minutes(stage_3(), "id")
    assert "| 1 | Data balita per desa | Permintaan data | Dinkes | 25 Juli 2025 | selesai | Bimtek II |" in doc
    assert ("| 2 | Menyusun SK tim posyandu digital | Tindak lanjut | Dinkes | 31 Juli 2025 | terbuka | Bimtek II |"
            in doc)
    assert "cakupan posyandu" not in doc and "- **Hari/tanggal:** Selasa, 12 Agustus 2025" in doc

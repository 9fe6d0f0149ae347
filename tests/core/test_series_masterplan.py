"""The masterplan draft grows with the series: golden for stage III of the two-stage series of
``test_series_minutes`` (Kabupaten Pandeglang), and stage IV's commitments chapter.

Stage II held two innovations, an action step and a risk, a follow-up and a data request; stage
III carries them (the data request since marked done) and adds an innovation of its own with a
step. The draft names both stages with their days, says each innovation's and step's stage of
origin, and lists the carried follow-ups with their status. After an intended change rewrite
the golden file with ``REMBUK_UPDATE_GOLDEN=1 pytest tests/core/test_series_masterplan.py`` and
review the diff.
"""

from __future__ import annotations

import os
from datetime import date

from core.masterplan import render_masterplan
from core.models import ActionStep, Bundle, FollowUpStatus, Innovation, InnovationStatus, QuickWin, Risk, Stage
from data.carry import carried_bundle, next_workshop
from tests.core.test_series_minutes import GOLDEN, stage_2, stage_3

GOLDEN_FILE = GOLDEN / "series-III-masterplan-id.md"


def stage_2_with_plans() -> Bundle:
    bundle = stage_2()
    step = ActionStep(id=1, innovation_id=1, activity="Integrasi data posyandu", lead_agency_id=2,
                      start_year=2026, end_year=2027, budget={2026: 150_000_000, 2027: 100_000_000})
    risk = Risk(id=1, innovation_id=1, event="Kader belum terlatih", likelihood=3, impact=4, owner_agency_id=2)
    return bundle.model_copy(update={"action_steps": [step], "risks": [risk]})


def series_stage_3() -> Bundle:
    """Stage III carried from stage II (with its plans), the data request done, one card of its own."""
    previous = stage_2_with_plans()
    bundle = carried_bundle(previous, next_workshop(previous.workshop, Stage.III), "pandeglang-II.rembuk")
    notes = [n.model_copy(update={"status": FollowUpStatus.DONE}) if n.id == 3 else n for n in stage_3().notes]
    own = Innovation(id=3, title="Satu data kesehatan", dimension="LIV", element="LIV-2", lead_agency_id=1,
                     status=InnovationStatus.NEW, quick_win=QuickWin.SELECTED, position=1)
    step = ActionStep(id=2, innovation_id=3, activity="Perbup satu data", lead_agency_id=1, start_year=2026,
                      end_year=2026, budget={2026: 50_000_000})
    workshop = bundle.workshop.model_copy(update={"venue": "Aula Bappeda"})
    return bundle.model_copy(update={"workshop": workshop, "notes": notes,
                                     "innovations": [*bundle.innovations, own],
                                     "action_steps": [*bundle.action_steps, step]})


def test_stage_3_masterplan_matches_the_golden_file() -> None:
    doc = render_masterplan(series_stage_3(), "id")
    if os.environ.get("REMBUK_UPDATE_GOLDEN") == "1":
        GOLDEN_FILE.write_text(doc, encoding="utf-8")
    assert doc == GOLDEN_FILE.read_text(encoding="utf-8")


def test_stage_3_masterplan_names_the_stages_so_far_and_where_each_row_comes_from() -> None:
    doc = render_masterplan(series_stage_3(), "id")
    assert ("| Bimtek II | 8 Juli 2025 | Pendopo Pandeglang | inovasi per dimensi, rencana aksi, register risiko, "
            "permintaan data | 2 inovasi, 1 langkah aksi, 1 risiko, 2 tindak lanjut atau permintaan data |") in doc
    assert ("| Bimtek III (dokumen ini) | 12 Agustus 2025 | Aula Bappeda | buku masterplan, peta jalan, "
            "daftar pendek quick win | 1 inovasi, 1 langkah aksi |") in doc
    innovations = doc.split("## Bab 2.")[1].split("## Bab 3.")[0]
    assert [line.rsplit("|", 2)[1].strip() for line in innovations.splitlines() if line[:3] in ("| 1", "| 2", "| 3")
            ] == ["Bimtek II", "Bimtek II", "Bimtek III"]
    assert "| 1 | Data balita per desa | Permintaan data | Dinkes | 25 Juli 2025 | selesai | Bimtek II |" in doc
    assert "Bab 6. Komitmen" not in doc


def test_a_workshop_on_its_own_has_no_series_columns() -> None:
    doc = render_masterplan(stage_2_with_plans(), "id")
    assert "Tahap asal" not in doc and "Tahapan Bimtek sejauh ini" not in doc


def test_stage_4_masterplan_is_final_and_sums_the_commitments() -> None:
    previous = series_stage_3()
    bundle = carried_bundle(previous, next_workshop(previous.workshop, Stage.IV), "pandeglang-III.rembuk")
    assert [h.stage for h in bundle.workshop.earlier_stages] == [Stage.II, Stage.III]
    assert bundle.workshop.dates == [] and bundle.workshop.earlier_stages[1].dates == [date(2025, 8, 12)]
    doc = render_masterplan(bundle, "en")
    assert doc.startswith("# Smart City Masterplan of Kabupaten Pandeglang 2025–2034\n")
    commitments = doc.split("## Chapter 6. Commitments")[1].split("## Appendix")[0]
    assert ("| 1 | Bappeda | Satu data kesehatan | Satu data kesehatan | 2026 | Rp 50.000.000 "
            "| the head of the agency (not registered) |") in commitments
    assert "| 2 | Dinkes | Posyandu digital; SMS bunda | — | 2026 | Rp 250.000.000 " \
           "| dr. Sari (Kepala Dinas Kesehatan) |" in commitments
    assert "The Regent of Kabupaten Pandeglang commits to support the quick wins: Satu data kesehatan." in commitments
    assert "| Bimtek III | 12 August 2025 | Aula Bappeda |" in doc

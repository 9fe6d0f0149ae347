"""A small workshop with three innovations and their steps, for the action plan exports.

Texts carry commas, quotes and Markdown-looking characters on purpose, as a room would
type them, so the golden files show the CSV quoting and the Markdown escaping.
"""

from __future__ import annotations

from core.models import ActionStep, Agency, Bundle, Innovation, QuickWin, Risk, StepStatus, Workshop
from data.reference import reference_data

AGENCIES = ["Bappeda", "Diskominfosatik", "DPMPTSP", "DLH"]


def bundle() -> Bundle:
    """Serang Tatu (a quick win, three steps), Pesan Ibu (one step), Sapa Serang (no steps yet)."""
    agencies = [Agency(id=n, abbreviation=a) for n, a in enumerate(AGENCIES, 1)]
    innovations = [
        Innovation(id=1, title="Serang Tatu", dimension="GOV", element="GOV-1", lead_agency_id=2,
                   quick_win=QuickWin.SELECTED, programme="Program Pengelolaan Aplikasi Informatika"),
        Innovation(id=2, title='Pesan Ibu "Peduli Sampah"', dimension="ENV", element="ENV-2", lead_agency_id=4),
        Innovation(id=3, title="Sapa Serang", dimension="GOV", element="GOV-1", position=1),
    ]
    steps = [
        ActionStep(id=1, innovation_id=1, activity="Analisis proses bisnis, 30 layanan", start_year=2025,
                   end_year=2025, start_quarter=1, end_quarter=2, budget={2025: 150_000_000},
                   funding_source="APBD Kabupaten", output="Dokumen | arsitektur", target="30 layanan",
                   location="Kabupaten Serang", priority="Prioritas Daerah", status=StepStatus.DONE),
        ActionStep(id=2, innovation_id=1, activity="Pengembangan aplikasi (web, Android)", start_year=2025,
                   end_year=2026, budget={2025: 450_000_000, 2026: 200_000_000}, funding_source="APBD Kabupaten",
                   supporting_agency_ids=[3, 1], indicator='Jumlah "layanan" daring', position=1,
                   location="Kecamatan Ciruas, Kragilan", priority="Prioritas Nasional"),
        ActionStep(id=3, innovation_id=1, activity="Operasional *24 jam*", start_year=2027, end_year=2029,
                   budget={2028: 1_250_000_000}, funding_source="KPBU", position=2),
        ActionStep(id=4, innovation_id=2, activity="Bank sampah di 29 kecamatan", start_year=2026, end_year=2027,
                   lead_agency_id=1, budget={2026: 75_000_000, 2027: 75_000_000}, funding_source="Dana Desa",
                   location="29 kecamatan"),
    ]
    risks = [Risk(id=1, innovation_id=1, code="R-GOV-01", event="API OPD belum siap", likelihood=4, impact=4)]
    return Bundle(workshop=Workshop(region="Kabupaten Serang", horizon_start=2025, horizon_end=2030),
                  reference=reference_data(), agencies=agencies, innovations=innovations,
                  action_steps=steps, risks=risks)

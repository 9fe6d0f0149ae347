"""Snapshots of the roadmap and an action plan, at fixed sizes and with fixed data.

Each was rendered to PNG and looked at before it was accepted.
"""

from __future__ import annotations

import pytest

from core.models import ActionStep, Agency, Innovation, QuickWin
from data.store import WorkshopStore
from tests.support import settle
from tui.app import make_app

STEPS = {
    ("Serang Tatu: aplikasi layanan publik satu pintu", "GOV", QuickWin.SELECTED): [
        ("Analisis proses bisnis dan pemetaan 30 layanan", 2025, 2025, 1, 2, {2025: 150_000_000}, "APBD Kabupaten"),
        ("Pengembangan aplikasi web dan Android", 2025, 2026, 2, 2, {2025: 450_000_000, 2026: 200_000_000}, "APBD Kabupaten"),
        ("Operasional dan pemeliharaan", 2026, 2029, None, None, {2026: 150_000_000, 2029: 160_000_000}, "APBD Kabupaten"),
    ],
    ("Peraturan Bupati tentang Smart City", "GOV", QuickWin.NONE): [
        ("Rapat berkala Dewan Smart City", 2025, 2034, None, None, {y: 55_000_000 for y in range(2025, 2035)}, "APBD Kabupaten"),
    ],
    ("Sikonde: konektivitas desa wisata", "BRA", QuickWin.SELECTED): [
        ("Wi-Fi desa wisata Anyer–Cinangka", 2026, 2027, None, None, {2026: 1_200_000_000, 2027: 800_000_000}, "KPBU"),
    ],
    ("Pesan Ibu: pengelolaan sampah", "ENV", QuickWin.CANDIDATE): [
        ("Bank sampah di 29 kecamatan", 2026, 2030, None, None, {2026: 75_000_000, 2030: 90_000_000}, "Dana Desa"),
        ("Armada angkut terjadwal", 2028, 2031, None, None, {2028: 2_500_000_000}, "APBN/DAK"),
    ],
}


@pytest.fixture
def roadmap_workshop(workshop_path):
    store = WorkshopStore.open(workshop_path)
    lead = store.all(Agency, abbreviation="Diskominfosatik")[0].id
    for position, ((title, dimension, quick), steps) in enumerate(STEPS.items()):
        innovation = store.save(Innovation(title=title, dimension=dimension, element=f"{dimension}-1",
                                           quick_win=quick, position=position, lead_agency_id=lead))
        store.save_all([
            ActionStep(innovation_id=innovation.id, activity=a, start_year=s, end_year=e, start_quarter=sq,
                       end_quarter=eq, budget=b, funding_source=f, position=n, lead_agency_id=lead)
            for n, (a, s, e, sq, eq, b, f) in enumerate(steps)
        ])
    store.close()
    return workshop_path


def _open(*keys: str):
    async def run_before(pilot) -> None:
        await pilot.press(*keys)
        await settle(pilot)
    return run_before


def test_roadmap_80x24(snap_compare, roadmap_workshop):
    """80 columns: labels cut with …, years as '25…'34 in 4-character cells, Q and ▓ on the quick
    wins' rows, quarters trimming the first steps' bars, totals per year and per source below."""
    assert snap_compare(make_app(roadmap_workshop, language="en"), terminal_size=(80, 24), run_before=_open("m"))


def test_roadmap_160x48_indonesian(snap_compare, roadmap_workshop):
    """A wide projector: full years as column heads, full labels, everything in Indonesian."""
    assert snap_compare(make_app(roadmap_workshop, language="id"), terminal_size=(160, 48), run_before=_open("m"))


def test_action_plan_80x24(snap_compare, roadmap_workshop):
    """Serang Tatu's plan from the roadmap (Enter on its row): three steps, years with quarters,
    amounts per year in short form, totals per year and overall under the table."""
    assert snap_compare(make_app(roadmap_workshop, language="en"), terminal_size=(80, 24),
                        run_before=_open("m", "down", "enter"))


def test_step_form_says_why_beside_the_field(snap_compare, roadmap_workshop):
    """A new step with start year 2040: the form stays open, the start year says it must lie in
    2025–2034 right under the field, which has the focus; the activity typed is still there."""
    keys = ("a", "wait", *"tatu", "enter", "wait", "a", *"Sosialisasi", *["tab"] * 6, *"2040", "enter")
    assert snap_compare(make_app(roadmap_workshop, language="en"), terminal_size=(80, 24),
                        run_before=_keys_with_waits(keys))


def _keys_with_waits(keys):
    async def run_before(pilot) -> None:
        for key in keys:
            if key == "wait":
                await settle(pilot)
            else:
                await pilot.press(key)
        await settle(pilot)
    return run_before

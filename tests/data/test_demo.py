"""The demo workshop (Kabupaten Serang, Bimtek II): complete, consistent, and lossless in a file."""

from __future__ import annotations

import copy
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from core.models import Bundle, InnovationStatus, NoteKind, QuickWin, ReviewOutcome, RiskType, TargetType
from core.risk import assess
from data import errors
from data.bundle import dumps, loads
from data.demo import DemoError, build_bundle, create_demo, demo_bundle, demo_source
from data.reference import reference_data
from data.workshops import export_bundle, import_bundle

QUICK_WINS = ("Serang Tatu", "Sikonde", "Satu Desa Satu Produk", "Transformer", "Pojok Dolan", "Pesan Ibu")
"""The six 2024 quick wins (docs/domain.md §2), as their titles name them."""


@pytest.fixture(scope="module")
def bundle() -> Bundle:
    """The demo bundle, built once for the module's read-only checks."""
    return demo_bundle()


def ids(items) -> set[int]:
    """The ids of stored items."""
    return {item.id for item in items}


def test_demo_validates_through_its_own_json(bundle):
    """The bundle survives ``dumps``/``loads``: every row is valid on its own terms."""
    assert loads(dumps(bundle)) == bundle


def test_demo_is_deterministic():
    """Building twice gives the same bytes, so ids never shift between runs."""
    assert dumps(demo_bundle()) == dumps(demo_bundle())


def test_workshop_header_is_the_articles(bundle):
    """Region, stage, days, venue and horizon are those of the seed article."""
    workshop = bundle.workshop
    assert workshop.region == "Kabupaten Serang"
    assert workshop.stage == "II"
    assert workshop.dates == [date(2024, 7, 2), date(2024, 7, 3)]
    assert "Drajat Prawiranegara" in workshop.venue
    assert (workshop.horizon_start, workshop.horizon_end) == (2025, 2034)
    assert workshop.language == "id"
    assert "Harya Damar Widiputra" in workshop.speakers
    assert workshop.next_stage_date is not None and workshop.next_stage_date.month == 8


def test_agencies_are_the_defaults_numbered_in_order(bundle):
    """The 29 default agencies, ids 1..29 in file order."""
    assert [a.id for a in bundle.agencies] == list(range(1, 30))
    assert bundle.agencies[2].abbreviation == "Diskominfosatik"


def test_entity_counts(bundle):
    """Enough of everything for every screen to have something to show."""
    assert 20 <= len(bundle.participants) <= 35
    assert 36 <= len(bundle.innovations) <= 45
    assert 45 <= len(bundle.action_steps) <= 65
    assert 20 <= len(bundle.risks) <= 35
    assert 20 <= len(bundle.notes) <= 35


def test_roles_and_attendance(bundle):
    """Every role is filled, everyone has a row per day, and a few missed day 2."""
    assert {p.role.value for p in bundle.participants} == {
        "chair", "speaker", "facilitator", "minute_taker", "participant"}
    days = bundle.workshop.dates
    assert len(bundle.attendance) == len(bundle.participants) * len(days)
    absent = [a for a in bundle.attendance if not a.present]
    assert absent and all(a.day == days[1] for a in absent)
    assert len(absent) < len(bundle.participants) // 4


def test_header_names_are_participants(bundle):
    """Chair, speakers, facilitator and minute-taker are people in the attendance list."""
    names = {p.name for p in bundle.participants}
    workshop = bundle.workshop
    assert {workshop.chair, workshop.facilitator, workshop.minute_taker, *workshop.speakers} <= names


def test_innovations_cover_every_dimension_and_element(bundle):
    """All 6 dimensions and all 18 elements have innovations, existing and new."""
    reference = reference_data()
    assert {i.dimension for i in bundle.innovations} == {d.code for d in reference.dimensions}
    assert {i.element for i in bundle.innovations} == {e.code for e in reference.elements}
    assert {i.status for i in bundle.innovations} == set(InnovationStatus)


def test_existing_innovations_show_every_review_outcome(bundle):
    """Reviews use all four outcomes; improvements say how, merges say into what."""
    existing = [i for i in bundle.innovations if i.status == InnovationStatus.EXISTING]
    assert {i.review_outcome for i in existing} >= set(ReviewOutcome)
    for innovation in existing:
        assert (innovation.review_outcome == ReviewOutcome.IMPROVE) == bool(innovation.improvement)
        assert (innovation.review_outcome == ReviewOutcome.MERGE) == (innovation.merge_into_id is not None)
    assert all(i.review_outcome is None for i in bundle.innovations if i.status == InnovationStatus.NEW)


def test_the_six_quick_wins_are_selected_one_per_dimension(bundle):
    """Each 2024 quick win is selected, and they are the only selected ones, one per dimension."""
    selected = [i for i in bundle.innovations if i.quick_win == QuickWin.SELECTED]
    for name in QUICK_WINS:
        assert [i for i in selected if name in i.title], name
    assert len(selected) == len(QUICK_WINS)
    assert len({i.dimension for i in selected}) == 6


def test_candidates_are_scored_on_every_criterion(bundle):
    """Candidates and selected quick wins carry a score on each reference criterion."""
    criteria = {c.key for c in reference_data().quick_win_criteria}
    scored = [i for i in bundle.innovations if i.quick_win != QuickWin.NONE]
    assert len([i for i in scored if i.quick_win == QuickWin.CANDIDATE]) >= 4
    for innovation in scored:
        mine = {s.criterion for s in bundle.quick_win_scores if s.innovation_id == innovation.id}
        assert mine == criteria, innovation.title
    assert {s.innovation_id for s in bundle.quick_win_scores} == ids(scored)


def test_agency_references_resolve(bundle):
    """Every agency id anywhere in the bundle is an agency of the bundle."""
    agencies = ids(bundle.agencies)
    used = [p.agency_id for p in bundle.participants if p.agency_id is not None]
    for row in [*bundle.innovations, *bundle.action_steps]:
        used += [row.lead_agency_id, *row.supporting_agency_ids]
    used += [r.owner_agency_id for r in bundle.risks if r.owner_agency_id is not None]
    used += [n.owner_agency_id for n in bundle.notes if n.owner_agency_id is not None]
    assert set(used) <= agencies
    assert all(i.lead_agency_id for i in bundle.innovations)


def test_innovation_references_resolve(bundle):
    """Steps, risks, scores and merges point at innovations that exist (merges not at themselves)."""
    innovations = ids(bundle.innovations)
    assert {s.innovation_id for s in bundle.action_steps} <= innovations
    assert {r.innovation_id for r in bundle.risks} <= innovations
    assert {s.innovation_id for s in bundle.quick_win_scores} <= innovations
    for innovation in bundle.innovations:
        assert innovation.merge_into_id in innovations | {None}
        assert innovation.merge_into_id != innovation.id
    assert {a.participant_id for a in bundle.attendance} == ids(bundle.participants)


def test_note_targets_resolve(bundle):
    """Each note's target exists; dimension notes name a real dimension; all kinds are used."""
    tables = {TargetType.INNOVATION: bundle.innovations, TargetType.STEP: bundle.action_steps,
              TargetType.RISK: bundle.risks}
    dimensions = {d.code for d in reference_data().dimensions}
    for note in bundle.notes:
        if note.target_type in tables:
            assert note.target_id in ids(tables[note.target_type]), note.text
        else:
            assert note.target_id is None
        if note.target_type == TargetType.DIMENSION:
            assert note.dimension in dimensions
    assert {n.target_type for n in bundle.notes} == set(TargetType)
    assert {n.kind for n in bundle.notes} == set(NoteKind)


def test_follow_ups_and_data_requests_have_owner_and_due_date(bundle):
    """What someone must do after the workshop says who and by when, after the workshop."""
    for note in bundle.notes:
        if note.kind.value in ("follow_up", "data_request"):
            assert note.owner_agency_id is not None and note.due is not None, note.text
            assert note.due > bundle.workshop.dates[-1]


def test_notes_are_taken_during_the_workshop_days(bundle):
    """Timestamps fall on the workshop days, in order."""
    stamps = [n.created_at for n in bundle.notes]
    assert {s.date() for s in stamps} == set(bundle.workshop.dates)
    assert stamps == sorted(stamps)
    assert any("Ari Arumansyah" in n.speaker for n in bundle.notes)


def test_steps_lie_within_the_horizon(bundle):
    """Every step and every budget year is inside 2025–2034, and the roadmap reaches both ends."""
    years = bundle.workshop.years
    for step in bundle.action_steps:
        assert step.start_year in years and step.end_year in years, step.activity
        assert set(step.budget) <= set(years)
    assert min(s.start_year for s in bundle.action_steps) == years[0]
    assert max(s.end_year for s in bundle.action_steps) == years[-1]


def test_budgets_and_funding_are_realistic(bundle):
    """Amounts from tens of millions to a few billion rupiah; funding sources from the list."""
    sources = {label.id for label in reference_data().funding_sources}
    for step in bundle.action_steps:
        assert step.budget and step.funding_source in sources, step.activity
        assert all(10_000_000 <= amount <= 5_000_000_000 for amount in step.budget.values())
    assert len({s.funding_source for s in bundle.action_steps}) >= 5


def test_quick_win_steps_name_their_location_and_priority(bundle):
    """The Renja's lokasi and prioritas: every quick win's steps have a location, most a priority."""
    quick = {i.id for i in bundle.innovations if i.quick_win == QuickWin.SELECTED}
    steps = [s for s in bundle.action_steps if s.innovation_id in quick]
    assert steps and all(s.location for s in steps), [s.activity for s in steps if not s.location]
    priorities = {s.priority for s in bundle.action_steps}
    assert {"Prioritas Daerah", "Prioritas Nasional", ""} <= priorities
    assert any("Kecamatan" in s.location for s in bundle.action_steps)


def test_risks_use_the_reference_lists(bundle):
    """Category, impact area and treatment option come from lists.json, per risk type."""
    reference = reference_data()
    categories = {label.id for label in reference.risk_categories}
    areas = {label.id for label in reference.impact_areas}
    for risk in bundle.risks:
        options = {label.id for label in reference.treatment_options[risk.type.value]}
        assert risk.category in categories and risk.impact_area in areas, risk.event
        assert risk.treatment_option in options, risk.event
    assert len({r.code for r in bundle.risks}) == len(bundle.risks)


def test_risks_spread_over_the_heatmap(bundle):
    """Both types, many cells, every level, and residual risk lower for most negative risks."""
    scale = bundle.reference.risk_scale
    assert {r.type for r in bundle.risks} == set(RiskType)
    assert len({(r.likelihood, r.impact) for r in bundle.risks}) >= 15
    assert {assess(scale, r.likelihood, r.impact).band.key for r in bundle.risks} == {
        b.key for b in scale.bands}
    negative = [r for r in bundle.risks if r.type == RiskType.NEGATIVE and r.residual_likelihood]
    lower = [r for r in negative if assess(scale, r.residual_likelihood, r.residual_impact).magnitude
             < assess(scale, r.likelihood, r.impact).magnitude]
    assert len(lower) == len(negative) >= 15


def test_create_demo_round_trips_byte_identically(tmp_path, bundle):
    """The stored demo exports the very bytes it was built from, and again after import."""
    store = create_demo(tmp_path / "demo.rembuk")
    try:
        exported = export_bundle(store)
    finally:
        store.close()
    assert exported == dumps(bundle)
    (tmp_path / "demo.json").write_text(exported, encoding="utf-8")
    again = import_bundle(tmp_path / "demo.json", tmp_path / "again.rembuk")
    try:
        assert export_bundle(again) == exported
    finally:
        again.close()


def test_create_demo_refuses_to_overwrite(tmp_path):
    """An existing file is never replaced by the demo."""
    path = tmp_path / "demo.rembuk"
    path.write_text("mine", encoding="utf-8")
    with pytest.raises(errors.AlreadyExists):
        create_demo(path)
    assert path.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(
    ("break_it", "message"),
    [
        (lambda s: s["innovations"][0].update(lead="Dinas Entah"), "Dinas Entah"),
        (lambda s: s["innovations"][3].update(merge_into="tidak-ada"), "tidak-ada"),
        (lambda s: s["notes"][0].update(target="risk:R-XXX-99"), "R-XXX-99"),
        (lambda s: s["notes"][0].update(target="dimension:FOO"), "FOO"),
        (lambda s: s["innovations"][0]["steps"][0].update(funding_source="APBD"), "APBD"),
        (lambda s: s["innovations"][0]["risks"][2].update(treatment_option="mitigasi"), "mitigasi"),
        (lambda s: s["innovations"][0]["scores"].update(speed=5), "speed"),
        (lambda s: s["innovations"].append(dict(s["innovations"][0])), "serang-tatu"),
    ],
    ids=["agency", "merge", "note-risk", "note-dimension", "funding", "treatment", "criterion", "key-twice"],
)
def test_a_broken_demo_file_names_what_is_wrong(break_it, message):
    """A typo in the demo file fails the build with the offending name, never silently."""
    source = copy.deepcopy(demo_source())
    break_it(source)
    with pytest.raises(DemoError, match=message):
        build_bundle(source)


def small_source() -> dict:
    """A minimal demo file: two innovations in one element, steps, risks and notes on them."""
    return {
        "workshop": {"region": "Kabupaten Contoh", "dates": ["2024-07-02", "2024-07-03"]},
        "participants": [{"name": "A", "agency": "Bappeda", "absent": ["2024-07-03"]}],
        "innovations": [
            {"key": "a", "element": "ENV-2", "title": "A", "lead": "DLH", "programme": "P",
             "steps": [{"activity": "s1", "budget": {"2026": 1, "2025": 2}},
                       {"activity": "s2", "lead": "DPMD", "programme": "Q", "years": [2027, 2030]}],
             "risks": [{"event": "r1"}, {"event": "r2", "code": "X-1", "owner": "Setda"}]},
            {"key": "b", "element": "ENV-2", "title": "B", "merge_into": "a",
             "risks": [{"event": "r3"}]},
        ],
        "notes": [{"at": "2024-07-02 09:00", "text": "n", "target": "step:a/2"},
                  {"at": "2024-07-02 09:05", "text": "m", "target": "risk:R-ENV-02", "owner": "DLH"}],
    }


def test_build_bundle_applies_the_authoring_conventions():
    """Ids in file order, positions per element, step years and lead and programme defaults,
    risk codes per dimension, and note targets by key."""
    bundle = build_bundle(small_source())
    agency = {a.abbreviation: a.id for a in bundle.agencies}
    first, second = bundle.innovations
    assert (first.id, first.position, second.id, second.position) == (1, 0, 2, 1)
    assert (first.dimension, second.merge_into_id) == ("ENV", 1)
    s1, s2 = bundle.action_steps
    assert (s1.start_year, s1.end_year, s1.lead_agency_id, s1.programme) == (2025, 2026, agency["DLH"], "P")
    assert (s2.start_year, s2.end_year, s2.lead_agency_id, s2.programme) == (2027, 2030, agency["DPMD"], "Q")
    assert (s1.position, s2.position) == (0, 1)
    assert [(r.id, r.code, r.innovation_id) for r in bundle.risks] == [
        (1, "R-ENV-01", 1), (2, "X-1", 1), (3, "R-ENV-02", 2)]
    assert bundle.risks[1].owner_agency_id == agency["Setda"]
    n1, n2 = bundle.notes
    assert (n1.target_type, n1.target_id, n1.dimension) == (TargetType.STEP, 2, "ENV")
    assert (n2.target_type, n2.target_id, n2.owner_agency_id) == (TargetType.RISK, 3, agency["DLH"])
    assert [a.present for a in bundle.attendance] == [True, False]
    assert bundle.participants[0].agency_id == agency["Bappeda"]


def test_demo_does_not_load_textual():
    """data/ stays below the UI: building the demo never imports textual."""
    code = "import sys, data.demo; data.demo.demo_bundle(); assert 'textual' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[2])

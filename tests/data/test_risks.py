"""The risk register read from a workshop file: filters, joins, scale switching, appetite."""

from __future__ import annotations

from datetime import datetime

import pytest
from pydantic import ValidationError

from core.heatmap import cell_counts, moved_down
from core.models import Note, Risk
from core.register import RiskFilter, treatment_needed
from data import errors
from data.risks import (
    categories_in_use,
    delete_risk,
    register,
    set_risk_appetite,
    snapshot,
    still_current,
    use_risk_scale,
)
from data.store import WorkshopStore
from tests.risk_seed import agency_ids


@pytest.fixture
def store(risk_workshop):
    store = WorkshopStore.open(risk_workshop)
    yield store
    store.close()


def events(rows) -> list[str]:
    return [row.risk.event for row in rows]


def test_register_across_workshop_joins_innovation_and_agencies(store):
    rows = register(store)
    assert len(rows) == 6
    assert [r.dimension for r in rows] == ["ECO", "ECO", "ENV", "GOV", "GOV", "GOV"]
    first = next(r for r in rows if r.risk.event == "Server down on launch day")
    assert (first.innovation, first.lead_agency, first.owner) == ("Serang Tatu", "Diskominfosatik", "Diskominfosatik")
    unowned = next(r for r in rows if r.risk.event == "Staff not trained")
    assert unowned.owner == ""


def test_register_per_innovation(store):
    innovation_id = register(store)[0].risk.innovation_id
    rows = register(store, RiskFilter(innovation_id=innovation_id))
    assert events(rows) == ["Vendors do not sign up", "Budget cut"]


def test_filter_by_dimension(store):
    assert events(register(store, RiskFilter(dimension="ENV"))) == ["Residents ignore the app"]


def test_filter_by_agency_matches_lead_or_owner(store):
    bpkad = agency_ids(store)["BPKAD"]
    assert events(register(store, RiskFilter(agency_id=bpkad))) == ["Budget cut"]
    disperindag = agency_ids(store)["Disperindag"]
    assert len(register(store, RiskFilter(agency_id=disperindag))) == 2


def test_filter_by_category_and_combined(store):
    assert events(register(store, RiskFilter(category="Keamanan SPBE"))) == ["Data leak"]
    assert register(store, RiskFilter(category="Keamanan SPBE", dimension="ECO")) == []


def test_categories_in_use(store):
    assert "Inovasi" in categories_in_use(store) and len(categories_in_use(store)) == 6


def test_switching_scale_recomputes_levels(store):
    use_risk_scale(store, "official")
    budget = Risk(innovation_id=1, event="x", likelihood=5, impact=2)  # magnitude 15
    assert snapshot(store).inherent(budget).band.key == "medium"
    use_risk_scale(store, "variant")
    assert snapshot(store).inherent(budget).band.key == "high"
    assert store.reference().risk_scale.bands[2].high == 14
    use_risk_scale(store, "official")
    assert snapshot(store).inherent(budget).band.key == "medium"


def test_snapshot_counts_and_moves(store):
    snap = snapshot(store)
    assert sum(cell_counts(snap.risks).values()) == 6
    assert cell_counts(snap.risks)[(5, 5)] == 2
    assert cell_counts(snap.risks, residual=True)[(2, 3)] == 2
    assert moved_down(snap.reference.risk_scale, snap.risks) == 2
    assert len(snap.innovations) == 3 and snap.appetite == 11


def test_residual_is_none_until_reassessed(store):
    rows = {r.risk.event: r.risk for r in register(store)}
    assert snapshot(store).residual(rows["Staff not trained"]) is None
    assert snapshot(store).residual(rows["Data leak"]).magnitude == 1


def test_appetite_decides_needs_treatment(store):
    budget = next(r.risk for r in register(store) if r.risk.event == "Budget cut")  # magnitude 11
    assert treatment_needed(snapshot(store), budget)
    set_risk_appetite(store, 12)
    assert not treatment_needed(snapshot(store), budget)
    with pytest.raises(ValidationError):
        set_risk_appetite(store, 26)


def test_edit_and_delete_round_trip(store):
    risk = register(store)[0].risk
    saved = store.save(risk.model_copy(update={"impact": 1}))
    assert store.get(Risk, risk.id).impact == 1
    with pytest.raises(errors.StaleEdit):
        store.save(risk.model_copy(update={"impact": 2}))
    delete_risk(store, saved.id)
    assert len(register(store)) == 5


def test_filter_choices_are_what_is_in_use(store):
    snap = snapshot(store)
    assert [a.abbreviation for a in snap.agencies_in_use] == ["BPKAD", "DLH", "Diskominfosatik", "Disperindag"]
    assert len(snap.categories_in_use) == 6 and len(snap.agencies) == 29


def test_toggle_risk_scale_between_official_and_variant(store):
    from data.risks import scale_variant, toggle_risk_scale

    assert scale_variant(store) == "official"
    assert toggle_risk_scale(store) == "variant" and scale_variant(store) == "variant"
    assert toggle_risk_scale(store) == "official"


def test_read_snapshot_opens_and_closes_the_file(risk_workshop):
    from data.risks import read_snapshot

    path = risk_workshop
    found, language = read_snapshot(path)
    assert len(found.rows) == 6 and language == "en"
    assert len(read_snapshot(path, RiskFilter(dimension="GOV"))[0].rows) == 3


def test_a_snapshot_is_still_current_until_a_table_it_reads_changes(store):
    """A risk screen coming back shows its snapshot without reading the register again, unless
    a risk, an innovation, an agency, the scale or the appetite changed since it was read."""
    shown = snapshot(store)
    assert still_current(store, shown, RiskFilter())
    assert not still_current(store, shown, RiskFilter(dimension="ENV"))  # other filters: read again
    store.save(Note(text="Tanya soal anggaran", created_at=datetime(2024, 7, 2, 10, 0)))  # not in the register
    assert still_current(store, shown, RiskFilter())
    risk = shown.rows[0].risk
    store.save(risk.model_copy(update={"impact": 1}))
    assert not still_current(store, shown, RiskFilter())
    again = snapshot(store)
    set_risk_appetite(store, 12)
    assert not still_current(store, again, RiskFilter())

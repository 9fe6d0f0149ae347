"""data.actions: ordered edits of one innovation's plan, each one transaction, and the roadmap query."""

from __future__ import annotations

import pytest

from core.models import ActionStep, Agency, Innovation, QuickWin
from data import errors, undo
from data.actions import (
    RoadmapFilter,
    delete_step,
    duplicate_step,
    funding_sources,
    insert_step,
    move_step,
    plan,
    roadmap_lines,
    steps_of,
)
from data.store import WorkshopStore


@pytest.fixture
def store(workshop_path):
    opened = WorkshopStore.open(workshop_path)
    yield opened
    opened.close()


def _innovation(store: WorkshopStore, title="Serang Tatu", dimension="GOV", **extra) -> Innovation:
    return store.save(Innovation(title=title, dimension=dimension, element=f"{dimension}-1", **extra))


def _step(innovation: Innovation, activity: str, **extra) -> ActionStep:
    values = {"start_year": 2025, "end_year": 2026, **extra}
    return ActionStep(innovation_id=innovation.id, activity=activity, **values)


def _activities(store: WorkshopStore, innovation: Innovation) -> list[str]:
    steps = steps_of(store, innovation.id)
    assert [s.position for s in steps] == list(range(len(steps)))
    return [s.activity for s in steps]


def test_insert_appends_or_places_and_renumbers(store):
    tatu = _innovation(store)
    for name in ("B", "D"):
        insert_step(store, _step(tatu, name))
    insert_step(store, _step(tatu, "A"), 0)
    insert_step(store, _step(tatu, "C"), 2)
    assert _activities(store, tatu) == ["A", "B", "C", "D"]


def test_duplicate_lands_right_after_the_original(store):
    tatu = _innovation(store)
    first = insert_step(store, _step(tatu, "A", budget={2025: 5}))
    insert_step(store, _step(tatu, "B"))
    copy = duplicate_step(store, first.id)
    assert copy.id != first.id and copy.budget == {2025: 5}
    assert _activities(store, tatu) == ["A", "A", "B"]


def test_move_up_and_down_stops_at_the_ends(store):
    tatu = _innovation(store)
    a, b, c = (insert_step(store, _step(tatu, n)) for n in "ABC")
    move_step(store, c.id, -1)
    assert _activities(store, tatu) == ["A", "C", "B"]
    move_step(store, a.id, -5)
    move_step(store, b.id, 3)
    assert _activities(store, tatu) == ["A", "C", "B"]


def test_delete_then_undo_brings_back_the_same_row_in_its_place(store):
    tatu = _innovation(store)
    a, b, c = (insert_step(store, _step(tatu, n)) for n in "ABC")
    delete_step(store, b.id)
    assert _activities(store, tatu) == ["A", "C"]
    assert undo.undo(store).item.row_key == str(b.id)
    assert [s.id for s in steps_of(store, tatu.id)] == [a.id, b.id, c.id]
    assert _activities(store, tatu) == ["A", "B", "C"]


def test_a_failed_insert_changes_nothing(store, monkeypatch):
    tatu = _innovation(store)
    insert_step(store, _step(tatu, "A"))
    stale = steps_of(store, tatu.id)[0]
    store.save(stale.model_copy(update={"activity": "A2"}))  # another terminal edits A
    monkeypatch.setattr("data.actions.steps_of", lambda s, i: [stale])  # the renumber sees old A
    with pytest.raises(errors.StaleEdit):
        insert_step(store, _step(tatu, "Z"), 0)
    monkeypatch.undo()
    assert _activities(store, tatu) == ["A2"]


def test_plan_carries_the_choices_of_the_form(store):
    tatu = _innovation(store)
    insert_step(store, _step(tatu, "A", funding_source="Yayasan X"))
    found = plan(store, tatu.id)
    assert found.innovation.title == "Serang Tatu" and len(found.steps) == 1
    assert found.funding_sources[0] == "APBD Kabupaten" and found.funding_sources[-1] == "Yayasan X"
    assert funding_sources(store).count("Yayasan X") == 1
    assert found.workshop.years == range(2025, 2035)


def test_priorities_suggest_the_shipped_list_then_those_in_use(store):
    tatu = _innovation(store)
    insert_step(store, _step(tatu, "A", priority="Prioritas Daerah", location="Kecamatan Ciruas"))
    insert_step(store, _step(tatu, "B", priority="Program Unggulan Bupati"))
    found = plan(store, tatu.id)
    assert found.priorities == ["Prioritas Nasional", "Prioritas Provinsi", "Prioritas Daerah",
                                "Program Unggulan Bupati"]
    assert [(s.location, s.priority) for s in found.steps] == [
        ("Kecamatan Ciruas", "Prioritas Daerah"), ("", "Program Unggulan Bupati")]


def test_roadmap_filters_by_dimension_agency_and_source(store):
    bappeda = store.all(Agency, abbreviation="Bappeda")[0]
    tatu = _innovation(store, quick_win=QuickWin.SELECTED)
    sikonde = _innovation(store, "Sikonde", "BRA", lead_agency_id=bappeda.id)
    _innovation(store, "Kosong", "ENV")
    insert_step(store, _step(tatu, "A", funding_source="APBD Kabupaten", budget={2025: 100}))
    insert_step(store, _step(sikonde, "B", funding_source="APBN/DAK", budget={2026: 7}))
    everything = roadmap_lines(store)
    assert [(i.title, len(i.steps)) for i in everything] == [("Sikonde", 1), ("Kosong", 0), ("Serang Tatu", 1)]
    assert everything[2].quick_win and everything[2].steps[0].budget == {2025: 100}
    assert [i.title for i in roadmap_lines(store, RoadmapFilter(dimension="GOV"))] == ["Serang Tatu"]
    assert [i.title for i in roadmap_lines(store, RoadmapFilter(agency_id=bappeda.id))] == ["Sikonde"]
    assert [i.title for i in roadmap_lines(store, RoadmapFilter(funding_source="APBN/DAK"))] == ["Sikonde"]


def test_roadmap_reads_fifteen_thousand_steps(store):
    """The size the issue names: every step comes back, in order, from one query."""
    innovations = store.save_all([
        Innovation(title=f"I{n}", dimension="GOV", element="GOV-1", position=n) for n in range(300)])
    steps = [
        ActionStep(innovation_id=i.id, activity=f"S{k}", start_year=2025, end_year=2027,
                   budget={2025: 1, 2026: 2}, position=k)
        for i in innovations for k in range(50)
    ]
    store.save_all(steps)
    lines = roadmap_lines(store)
    assert sum(len(i.steps) for i in lines) == 15_000
    assert [s.activity for s in lines[0].steps[:3]] == ["S0", "S1", "S2"]


def test_a_step_of_a_deleted_innovation_is_refused_as_gone(store):
    tatu = _innovation(store)
    step = insert_step(store, _step(tatu, "A"))
    delete_step(store, step.id)
    store.delete(Innovation, tatu.id)  # another terminal removed the innovation meanwhile
    with pytest.raises(errors.Gone):
        insert_step(store, _step(tatu, "B"))

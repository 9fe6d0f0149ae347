"""core.step_input: a typed step form becomes a step, or says why per field, keeping the rest."""

from __future__ import annotations

from core.models import ActionStep, StepStatus
from core.step_input import read_step

HORIZON = range(2025, 2035)
AGENCIES = {"Bappeda": 2, "DLH": 7}
BASE = ActionStep(id=4, version=3, innovation_id=9, activity="x", start_year=2025, end_year=2025, position=2)


def _form(**changes: str) -> dict[str, object]:
    return {"activity": "Sosialisasi", "start_year": "2025", "end_year": "2026",
            "budget_2025": "750 juta", "budget_2026": "1,25 M", "supporting": "bappeda, DLH",
            "lead_agency_id": 7, "status": StepStatus.ONGOING, **changes}


def test_a_good_form_gives_the_step_keeping_id_version_and_place():
    step, errors = read_step(_form(start_quarter="Q2"), BASE, HORIZON, AGENCIES)
    assert errors == {}
    assert (step.id, step.version, step.innovation_id, step.position) == (4, 3, 9, 2)
    assert step.budget == {2025: 750_000_000, 2026: 1_250_000_000}
    assert step.supporting_agency_ids == [2, 7] and step.start_quarter == 2
    assert step.lead_agency_id == 7 and step.status is StepStatus.ONGOING


def test_the_end_year_defaults_to_the_start_year():
    step, _ = read_step(_form(end_year="", budget_2026=""), BASE, HORIZON, AGENCIES)
    assert step.end_year == 2025


def test_each_refused_field_says_why_and_only_that_field():
    _, errors = read_step(_form(start_year="2040", budget_2025="-5", budget_2026="banyak"),
                          BASE, HORIZON, AGENCIES)
    assert errors == {
        "start_year": "The year must lie within the horizon 2025–2034.",
        "budget_2025": "An amount cannot be negative.",
        "budget_2026": "Not an amount: type e.g. 1250000000, 1.250.000.000, 1,25 M or 750 juta.",
    }


def test_end_before_start_and_budget_outside_the_years():
    _, errors = read_step(_form(start_year="2027", end_year="2026"), BASE, HORIZON, AGENCIES)
    assert errors == {"end_year": "The end year is before the start year."}
    _, errors = read_step(_form(end_year="2025"), BASE, HORIZON, AGENCIES)
    assert errors == {"budget_2026": "A budget year lies outside the step's years."}


def test_quarters_agencies_and_model_errors():
    _, errors = read_step(_form(end_quarter="5", supporting="Bappeda Dinas X", activity=""),
                          BASE, HORIZON, AGENCIES)
    assert set(errors) == {"end_quarter", "supporting"}
    assert "Dinas, X" in errors["supporting"]
    _, errors = read_step(_form(activity="  "), BASE, HORIZON, AGENCIES)
    assert errors == {"activity": "Required: type at least 1 character(s)."}


def test_location_and_priority_are_taken_as_typed_and_cleaned():
    """The Renja's lokasi and prioritas are free text: one clean line each, empty allowed."""
    step, errors = read_step(_form(location="  Kecamatan Ciruas\x07 ", priority="Prioritas\nNasional"),
                             BASE, HORIZON, AGENCIES)
    assert errors == {}
    assert (step.location, step.priority) == ("Kecamatan Ciruas", "Prioritas Nasional")
    step, _ = read_step(_form(), BASE.model_copy(update={"location": "old", "priority": "old"}), HORIZON, AGENCIES)
    assert (step.location, step.priority) == ("", ""), "an emptied field is saved empty"

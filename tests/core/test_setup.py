"""Setting up a workshop's header: dates, times and names as typed, and what is still missing."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from core.minutes import render_minutes
from core.models import Bundle, Participant, Role, TimeZone, Workshop
from core.setup import WorkshopSetup, missing_fields, unregistered_people
from data.reference import reference_data


def test_days_and_times_as_a_facilitator_types_them() -> None:
    setup = WorkshopSetup.model_validate({"region": "Kabupaten Pandeglang", "dates": "3/7/2024, 2024-07-02",
                                          "start_time": "8.30", "end_time": "16:00", "speakers": "Ana, , Budi",
                                          "next_stage_date": "5/8/2024"})
    workshop = setup.workshop()
    assert type(workshop) is Workshop
    assert workshop.dates == [date(2024, 7, 2), date(2024, 7, 3)]
    assert (workshop.start_time, workshop.end_time) == ("08.30", "16.00")
    assert workshop.speakers == ["Ana", "Budi"] and workshop.next_stage_date == date(2024, 8, 5)


@pytest.mark.parametrize(("field", "value", "kind"), [
    ("dates", "31/2/2024", "day"), ("dates", "besok", "day"), ("start_time", "24.00", "clock"),
    ("end_time", "jam 4", "clock"), ("next_stage_date", "2024-13-01", "day"),
])
def test_a_bad_value_is_refused_for_its_field(field: str, value: str, kind: str) -> None:
    with pytest.raises(ValidationError) as refused:
        WorkshopSetup.model_validate({"region": "Kabupaten Pandeglang", field: value})
    error = refused.value.errors()[0]
    assert error["loc"] == (field,) and error["type"] == kind


def test_missing_fields_count_registered_roles() -> None:
    workshop = Workshop(region="Kabupaten Pandeglang", title="Bimtek II", venue="Pendopo")
    assert missing_fields(workshop, []) == ["dates", "start_time", "end_time", "chair", "minute_taker"]
    taker = Participant(id=1, name="Dedi", role=Role.MINUTE_TAKER)
    assert "minute_taker" not in missing_fields(workshop, [taker])


def test_names_nobody_registered_become_participants_with_their_role() -> None:
    workshop = Workshop(region="R", chair="Ir. Budi", speakers=["Dr. Ana", "ir. budi"], minute_taker="Dedi")
    known = [Participant(id=1, name="DEDI")]
    new = unregistered_people(workshop, known)
    assert [(p.name, p.role) for p in new] == [("Ir. Budi", Role.CHAIR), ("Dr. Ana", Role.SPEAKER)]


def test_minutes_write_the_zone_and_say_what_is_missing() -> None:
    workshop = Workshop(region="Kota Ambon", start_time="08.00", end_time="15.30", time_zone=TimeZone.WIT,
                        event="Bimtek III Kota Ambon")
    doc = render_minutes(Bundle(workshop=workshop, reference=reference_data()), "en")
    assert "- **Time:** 08:00 to 15:30 WIT" in doc and "closed at 15:30 WIT." in doc
    assert "- **Event:** Bimtek III Kota Ambon" in doc
    assert "- **Place:** (not entered)" in doc and "- **Title:** (not entered)" in doc

"""The agency and participant registers, and attendance per workshop day."""

from __future__ import annotations

from datetime import date

import pytest

from core.models import Agency, Participant, Role, Workshop
from data import people
from data.workshops import new_workshop


@pytest.fixture
def store(tmp_path):
    opened = new_workshop(tmp_path / "w.rembuk", Workshop(region="Kabupaten Uji"))
    yield opened
    opened.close()


def test_agencies_come_in_abbreviation_order_whatever_the_case(store):
    store.save(Agency(abbreviation="aaa Kecamatan", name="Kecamatan A"))
    names = [a.abbreviation for a in people.agencies(store)]
    assert names[0] == "aaa Kecamatan" and names == sorted(names, key=str.lower)


def test_participants_by_name(store):
    store.save(Participant(name="Siti", role=Role.CHAIR))
    store.save(Participant(name="ari", agency_id=3))
    assert [p.name for p in people.participants(store)] == ["ari", "Siti"]


def test_attendance_toggles_per_day(store):
    ari = store.save(Participant(name="Ari"))
    day1, day2 = date(2024, 7, 2), date(2024, 7, 3)
    assert people.toggle_attendance(store, ari.id, day1) is True
    assert people.attendance(store) == {(ari.id, day1)}
    people.toggle_attendance(store, ari.id, day2)
    assert people.toggle_attendance(store, ari.id, day1) is False
    assert people.attendance(store) == {(ari.id, day2)}

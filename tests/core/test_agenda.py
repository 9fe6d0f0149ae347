"""The agenda against the clock: header text without colour, the next item, the minutes' agenda."""

from __future__ import annotations

from datetime import datetime, timedelta

from core.agenda import Countdown, clock_text, countdowns, next_item
from core.i18n import translator
from core.minutes import render_minutes
from core.models import AgendaItem, Bundle, Stage, Workshop
from data.reference import default_agenda, reference_data

NOW = datetime(2024, 7, 2, 10, 30)
EN = translator("en")


def test_left_and_over_read_without_colour() -> None:
    fgd = Countdown("FGD Smart Governance", NOW + timedelta(minutes=12, seconds=40))
    assert clock_text(fgd, NOW, EN) == "FGD Smart Governance · 12:40 left"
    assert clock_text(fgd, NOW + timedelta(minutes=15, seconds=50), EN) == "FGD Smart Governance · +3:10 over"
    assert clock_text(fgd, NOW, translator("id")) == "FGD Smart Governance · sisa 12:40"


def test_the_running_item_counts_down_from_its_stored_start() -> None:
    item = AgendaItem(id=1, title="FGD", timebox=45, started_at=NOW)
    done = AgendaItem(id=2, title="Pembukaan", started_at=NOW - timedelta(hours=1), ended_at=NOW)
    found = countdowns([done, item])
    assert [(c.label, c.due_at) for c in found] == [("FGD", NOW + timedelta(minutes=45))]


def test_next_item_follows_the_last_one_run() -> None:
    items = [AgendaItem(id=n, title=f"{n}", position=n) for n in range(4)]
    assert next_item(items).id == 0
    items[1] = items[1].model_copy(update={"started_at": NOW, "ended_at": NOW})
    assert next_item(items).id == 2


def test_every_stage_has_a_default_agenda_in_order() -> None:
    for stage in Stage:
        agenda = default_agenda(stage)
        assert agenda and agenda[0].title == "Registrasi peserta"
        assert [i.planned_time for i in agenda if i.day == 1] == sorted(i.planned_time for i in agenda if i.day == 1)


def test_the_minutes_show_planned_and_actual_times_and_the_real_opening_and_close() -> None:
    items = [AgendaItem(id=1, title="Pembukaan", planned_time="08.30", timebox=30, lead="Kepala Dinas",
                        started_at=datetime(2024, 7, 2, 8, 41), ended_at=datetime(2024, 7, 2, 9, 20)),
             AgendaItem(id=2, position=1, title="FGD", topic="GOV", planned_time="09.00", timebox=45)]
    workshop = Workshop(region="Kabupaten Pandeglang", chair="Ir. Budi", start_time="08.30", end_time="16.00")
    doc = render_minutes(Bundle(workshop=workshop, reference=reference_data(), agenda_items=items), "id")
    assert "Rapat dibuka pukul 08.41 WIB oleh Ir. Budi." in doc
    assert "| 08.30 | Pembukaan | — | 30 | Kepala Dinas | 08.41–09.20 (+9 mnt) |" in doc
    assert "| 09.00 | FGD | Smart Governance | 45 | — | — |" in doc
    assert "Rapat ditutup pukul 09.20 WIB." in doc

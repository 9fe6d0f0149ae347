"""From one stage to the next: what a new stage's workshop carries from the one before."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from core.models import FollowUpStatus, NoteKind, Stage
from data.carry import create_next_stage
from data.demo import create_demo
from data.store import WorkshopStore
from data.workshops import read_bundle

REMBUK = str(Path(sys.executable).with_name("rembuk"))


def test_stage_3_carries_the_work_and_the_open_follow_ups_not_the_talk(tmp_path: Path) -> None:
    stage_2 = tmp_path / "serang-2.rembuk"
    create_demo(stage_2).close()
    before = read_bundle(stage_2)
    store = create_next_stage(tmp_path / "serang-3.rembuk", stage_2, Stage.III)
    after = store.bundle()
    store.close()
    assert after.workshop.stage == Stage.III and after.workshop.dates == [before.workshop.next_stage_date]
    for name in ("agencies", "participants", "innovations", "action_steps", "risks", "quick_win_scores"):
        assert getattr(after, name) == getattr(before, name), name
    assert after.attendance == [] and before.attendance
    open_requests = [n for n in before.notes if n.kind in (NoteKind.FOLLOW_UP, NoteKind.DATA_REQUEST)]
    assert [n.text for n in after.notes] == [n.text for n in open_requests]
    assert {a.title for a in after.agenda_items} >= {"Pemilihan quick win per dimensi"}
    origins = {(o.item_table, o.item_id): o for o in after.origins}
    assert all(origins[("innovations", i.id)].stage == Stage.II for i in after.innovations)
    assert origins[("notes", after.notes[0].id)].source == "serang-2.rembuk"


def test_a_follow_up_done_stays_behind_and_one_carried_twice_keeps_its_first_stage(tmp_path: Path) -> None:
    stage_2 = tmp_path / "2.rembuk"
    create_demo(stage_2).close()
    store = create_next_stage(tmp_path / "3.rembuk", stage_2, Stage.III)
    first, second, *_ = store.all(type(store.bundle().notes[0]), order=("id",))
    store.save(first.model_copy(update={"status": FollowUpStatus.DONE}))
    store.close()
    stage_4 = create_next_stage(tmp_path / "4.rembuk", tmp_path / "3.rembuk")
    bundle = stage_4.bundle()
    stage_4.close()
    assert bundle.workshop.stage == Stage.IV
    assert first.id not in {n.id for n in bundle.notes} and second.id in {n.id for n in bundle.notes}
    assert {o.stage for o in bundle.origins if o.item_id == second.id and o.item_table == "notes"} == {Stage.II}


def test_rembuk_new_from_the_previous_stage(tmp_path: Path) -> None:
    stage_2 = tmp_path / "2.rembuk"
    create_demo(stage_2).close()
    result = subprocess.run([REMBUK, "new", str(tmp_path / "3.rembuk"), "--from", str(stage_2), "--stage", "III",
                             "--venue", "Aula Setda", "--date", "6/8/2024", "--no-open"],
                            capture_output=True, text=True, env={**os.environ, "REMBUK_LANG": "en"}, timeout=60)
    assert result.returncode == 0, result.stderr
    store = WorkshopStore.open(tmp_path / "3.rembuk")
    workshop = store.workshop()
    store.close()
    assert (workshop.stage, workshop.venue, workshop.region) == (Stage.III, "Aula Setda", "Kabupaten Serang")


def test_a_version_2_bundle_without_agenda_or_origins_still_imports(tmp_path: Path) -> None:
    import json

    from data.bundle import dumps, loads
    from data.demo import demo_bundle
    from data.workshops import create_workshop

    old = json.loads(dumps(demo_bundle()))
    old["bundle_version"] = 2
    del old["agenda_items"], old["origins"]
    store = create_workshop(tmp_path / "v2.rembuk", loads(json.dumps(old)))
    try:
        assert store.bundle().agenda_items == [] and store.bundle().origins == []
    finally:
        store.close()

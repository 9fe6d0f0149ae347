"""The workshop file: creation, refusal of files it must not touch, versions, and round trips."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from datetime import datetime
from pathlib import Path

import pytest
import sqlite_utils

from core.models import ActionStep, Agency, Bundle, Innovation, Note, Workshop
from data import errors
from data.bundle import ITEMS, dumps, loads
from data.demo import demo_bundle
from data.notes import capture_note
from data.rows import TABLES, to_row
from data.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from data.store import WorkshopStore
from data.workshops import export_bundle, import_bundle, new_workshop


def test_a_new_workshop_is_private_to_its_owner(tmp_path):
    path = tmp_path / "w.rembuk"
    store = new_workshop(path, Workshop(region="Kabupaten Serang"))
    store.save(Note(text="x", created_at=datetime(2024, 7, 2)))
    for file in (path, Path(f"{path}-wal")):
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
    store.close()


def test_a_shared_workshop_is_open_to_the_group(tmp_path):
    path = tmp_path / "w.rembuk"
    new_workshop(path, Workshop(region="X"), shared=True).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o660


def test_it_uses_wal_foreign_keys_and_records_its_schema(workshop_path):
    store = WorkshopStore.open(workshop_path)
    assert store.query("PRAGMA journal_mode")[0]["journal_mode"] == "wal"
    assert store.query("PRAGMA foreign_keys")[0]["foreign_keys"] == 1
    assert store.schema_version() == SCHEMA_VERSION
    assert len(store.all(Agency)) == 29
    store.close()


def test_a_file_from_a_newer_rembuk_is_refused(workshop_path):
    conn = sqlite3.connect(workshop_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(errors.NewerVersion, match="newer version of rembuk"):
        WorkshopStore.open(workshop_path)


def _write_schema_1_file(path: Path, bundle: Bundle) -> None:
    """``bundle`` as rembuk wrote it at schema version 1: migration 1's tables and columns only."""
    db = sqlite_utils.Database(path)
    MIGRATIONS[0](db)
    db["workshop"].insert({"id": 1, "data": bundle.workshop.model_dump_json()})
    db["reference"].insert({"key": "reference", "data": bundle.reference.model_dump_json()})
    weights = json.dumps(bundle.quick_win_weights, sort_keys=True)
    db["reference"].insert({"key": "quick_win_weights", "data": weights})
    for name, cls in ITEMS.items():
        columns = db[TABLES[cls]].columns_dict.keys()
        db[TABLES[cls]].insert_all([{k: v for k, v in to_row(item).items() if k in columns}
                                    for item in getattr(bundle, name)])
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 1")
    db.close()


def _without_location_and_priority(bundle: Bundle) -> Bundle:
    steps = [s.model_copy(update={"location": "", "priority": ""}) for s in bundle.action_steps]
    return bundle.model_copy(update={"action_steps": steps})


def test_a_schema_1_file_migrates_and_keeps_its_steps(tmp_path):
    """Opening a file from before lokasi and prioritas adds them, empty, and loses nothing."""
    path, old = tmp_path / "v1.rembuk", _without_location_and_priority(demo_bundle())
    _write_schema_1_file(path, old)
    assert "location" not in sqlite_utils.Database(path)["action_steps"].columns_dict
    store = WorkshopStore.open(path)
    assert store.schema_version() == SCHEMA_VERSION
    assert dumps(store.bundle()) == dumps(old), "every row as it was, the new fields empty"
    first = store.all(ActionStep, order=("id",))[0]
    store.save(first.model_copy(update={"location": "Kecamatan Ciruas", "priority": "Prioritas Daerah"}))
    store.close()
    again = WorkshopStore.open(path)
    assert again.get(ActionStep, first.id).location == "Kecamatan Ciruas"
    assert len(again.all(ActionStep)) == len(old.action_steps) > 0
    again.close()


def test_a_schema_1_file_opened_read_only_is_read_without_migrating(tmp_path):
    """An export of a colleague's older file must not need to write to it."""
    path, old = tmp_path / "v1.rembuk", _without_location_and_priority(demo_bundle())
    _write_schema_1_file(path, old)
    store = WorkshopStore.open(path, readonly=True)
    assert dumps(store.bundle()) == dumps(old)
    assert store.schema_version() == 1
    store.close()


def test_a_foreign_sqlite_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(errors.NotAWorkshop):
        WorkshopStore.open(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_refused(tmp_path):
    path = tmp_path / "notes.rembuk"
    path.write_text("just some text, not a database " * 100)
    with pytest.raises((errors.NotAWorkshop, errors.Corrupt)):
        WorkshopStore.open(path)


def test_a_missing_file_is_not_created_by_accident(tmp_path):
    with pytest.raises(errors.NotFound):
        WorkshopStore.open(tmp_path / "nope.rembuk")
    assert not (tmp_path / "nope.rembuk").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write read-only files")
def test_a_read_only_file_is_refused_for_writing(workshop_path):
    workshop_path.chmod(0o400)
    with pytest.raises(errors.ReadOnly):
        WorkshopStore.open(workshop_path)


def test_read_only_mode_reads_without_writing(workshop_path):
    store = WorkshopStore.open(workshop_path, readonly=True)
    assert store.workshop().region == "Kabupaten Serang"
    with pytest.raises(errors.ReadOnly):
        store.save(Note(text="x", created_at=datetime(2024, 7, 2)))
    store.close()


def test_an_edit_on_stale_data_is_refused_not_overwritten(workshop_path):
    mine = WorkshopStore.open(workshop_path)
    theirs = WorkshopStore.open(workshop_path)
    card = mine.save(Innovation(title="Serang Tatu", dimension="GOV", element="GOV-1"))
    theirs.save(card.model_copy(update={"title": "Serang Tatu 2.0"}))
    with pytest.raises(errors.StaleEdit):
        mine.save(card.model_copy(update={"title": "Serang Tatu (mine)"}))
    assert mine.get(Innovation, card.id).title == "Serang Tatu 2.0"
    mine.close()
    theirs.close()


def test_another_connection_notices_a_change(workshop_path):
    watcher = WorkshopStore.open(workshop_path)
    writer = WorkshopStore.open(workshop_path)
    before = watcher.data_version()
    writer.save(Note(text="from the other terminal", created_at=datetime(2024, 7, 2)))
    assert watcher.data_version() != before
    watcher.close()
    writer.close()


def test_capturing_a_note_clears_its_draft_in_the_same_commit(workshop_path):
    store = WorkshopStore.open(workshop_path)
    store.save_draft("capture", "Dinkes menyampaikan")
    capture_note(store, Note(text="Dinkes menyampaikan data", created_at=datetime(2024, 7, 2)))
    assert store.draft("capture") == ""
    assert [n.text for n in store.all(Note)] == ["Dinkes menyampaikan data"]
    store.close()


def test_bundle_export_import_export_is_byte_identical(workshop_path, tmp_path):
    store = WorkshopStore.open(workshop_path)
    pesan = store.save(Innovation(title="Pesan Ibu | sampah", dimension="ENV", element="ENV-2", lead_agency_id=21,
                                  supporting_agency_ids=[3, 25]))
    store.save(ActionStep(innovation_id=pesan.id, activity="Bank sampah", start_year=2025, end_year=2026,
                          location="Kecamatan Ciruas, Kragilan", priority="Prioritas Daerah"))
    store.save(Note(text="# not a heading\n<script>", created_at=datetime(2024, 7, 2, 10, 5)))
    first = export_bundle(store)
    store.close()
    (tmp_path / "b.json").write_text(first, encoding="utf-8")
    copy = import_bundle(tmp_path / "b.json", tmp_path / "copy.rembuk")
    assert export_bundle(copy) == first
    assert dumps(loads(first)) == first
    [step] = copy.all(ActionStep)
    assert (step.location, step.priority) == ("Kecamatan Ciruas, Kragilan", "Prioritas Daerah")
    copy.close()


def test_a_bundle_from_before_location_and_priority_still_imports(workshop_path, tmp_path):
    """Steps in older bundles have no ``location`` or ``priority``: they come in empty."""
    store = WorkshopStore.open(workshop_path)
    pesan = store.save(Innovation(title="Pesan Ibu", dimension="ENV", element="ENV-2"))
    store.save(ActionStep(innovation_id=pesan.id, activity="Bank sampah", start_year=2025, end_year=2025))
    old = json.loads(export_bundle(store))
    store.close()
    for step in old["action_steps"]:
        del step["location"], step["priority"]
    (tmp_path / "old.json").write_text(json.dumps(old), encoding="utf-8")
    copy = import_bundle(tmp_path / "old.json", tmp_path / "copy.rembuk")
    [step] = copy.all(ActionStep)
    assert (step.activity, step.location, step.priority) == ("Bank sampah", "", "")
    copy.close()


def test_a_bad_bundle_gets_a_clear_error(tmp_path):
    (tmp_path / "b.json").write_text('{"format": "something-else"}')
    with pytest.raises(errors.BadBundle, match="not a valid rembuk bundle"):
        import_bundle(tmp_path / "b.json", tmp_path / "x.rembuk")
    assert not (tmp_path / "x.rembuk").exists()


def test_a_save_inside_a_write_block_is_part_of_its_transaction(workshop_path):
    store = WorkshopStore.open(workshop_path)
    with pytest.raises(RuntimeError):
        with store.write():
            store.save(Note(text="first", created_at=datetime(2024, 7, 2)))
            store.save(Note(text="second", created_at=datetime(2024, 7, 2)))
            raise RuntimeError("the room changed its mind")
    assert store.all(Note) == []
    with store.write():
        store.save(Note(text="kept", created_at=datetime(2024, 7, 2)))
        assert WorkshopStore.open(workshop_path, readonly=True).all(Note) == []  # not yet committed
    assert [n.text for n in WorkshopStore.open(workshop_path, readonly=True).all(Note)] == ["kept"]
    store.close()


def test_a_refused_save_inside_a_write_block_undoes_only_itself(workshop_path):
    store = WorkshopStore.open(workshop_path)
    stale = store.save(Note(text="v1", created_at=datetime(2024, 7, 2)))
    store.save(stale.model_copy(update={"text": "v2"}))
    with store.write():
        store.save(Note(text="before", created_at=datetime(2024, 7, 2)))
        with pytest.raises(errors.StaleEdit):
            store.save(stale.model_copy(update={"text": "lost"}))
        store.save(Note(text="after", created_at=datetime(2024, 7, 2)))
    assert [n.text for n in store.all(Note, order=("id",))] == ["v2", "before", "after"]
    store.close()


def test_the_store_filters_by_keyword_and_orders_by_column_names(workshop_path):
    store = WorkshopStore.open(workshop_path)
    for text, speaker, dimension in (("a", "Ari", "1"), ("b", "Budi", "2"), ("c", "Ari", "1"), ("d", "", None)):
        store.save(Note(text=text, speaker=speaker, dimension=dimension, created_at=datetime(2024, 7, 2)))
    assert [n.text for n in store.all(Note, speaker="Ari", order=("-id",))] == ["c", "a"]
    assert [n.text for n in store.all(Note, speaker=["Ari", "Budi"], order=("text",))] == ["a", "b", "c"]
    assert [n.text for n in store.all(Note, dimension=None)] == ["d"]
    assert store.all(Note, speaker=[]) == []
    assert [n.text for n in store.all(Note, order=("-text",), limit=2)] == ["d", "c"]
    with pytest.raises(ValueError, match="not a column name"):
        store.all(Note, order=("text; DROP TABLE notes",))
    store.close()

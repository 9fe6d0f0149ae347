"""The change record: one entry per user action, in the bundle, checked by ``rembuk check``."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

import pytest
import sqlite_utils

from core.models import BUNDLE_VERSION, ActionStep, Innovation, Note
from data import actions, errors, history, undo
from data import innovations as board
from data.bundle import dumps, loads
from data.check import check_workshop
from data.demo import demo_bundle
from data.schema import MIGRATIONS
from data.store import WorkshopStore
from data.workshops import create_workshop, export_bundle, import_bundle


def _note(text: str = "Sepakat") -> Note:
    return Note(text=text, created_at=datetime(2024, 7, 2, 9))


def test_a_write_touching_several_rows_is_one_action_with_time_and_terminal(workshop_path):
    store = WorkshopStore.open(workshop_path)
    store.terminal = "laptop-notulis"
    card = board.create(store, Innovation(title="Serang Tatu", dimension="GOV", element="GOV-1"))
    for activity in ("Kajian", "Bangun"):
        actions.insert_step(store, ActionStep(innovation_id=card.id, activity=activity,
                                              start_year=2025, end_year=2026), index=0)
    [inserted, *_] = history.latest(store)
    assert inserted.rows == 2, "the new step and the one it pushed down"
    assert (inserted.terminal, inserted.table, inserted.op, inserted.label) == (
        "laptop-notulis", "action_steps", "insert", "Bangun")
    assert datetime.fromisoformat(inserted.at).date() == datetime.now().date()
    store.close()


def test_drafts_and_writes_that_change_nothing_leave_no_entry(workshop_path):
    store = WorkshopStore.open(workshop_path)
    store.save_draft("capture", "setengah diketik")
    store.save_workshop(store.workshop())
    assert history.latest(store) == []
    store.close()


def test_the_history_of_one_note_keeps_every_text_it_had(workshop_path):
    store = WorkshopStore.open(workshop_path)
    note = store.save(_note("Sepakat"))
    store.save(note.model_copy(update={"text": "Sepakat: Sikonde"}))
    store.delete(Note, note.id)
    changes = history.of_item(store, "notes", str(note.id))
    assert [c.op for c in changes] == ["delete", "update", "insert"]
    assert changes[1].old["text"] == "Sepakat" and changes[0].old["text"] == "Sepakat: Sikonde"
    store.close()


def test_the_bundle_carries_the_history_and_round_trips_byte_for_byte(workshop_path, tmp_path):
    store = WorkshopStore.open(workshop_path)
    note = store.save(_note())
    store.save(note.model_copy(update={"text": "ubah"}))
    undo.undo(store)
    text = export_bundle(store)
    store.close()
    bundle = loads(text)
    assert bundle.bundle_version == BUNDLE_VERSION
    assert [a.kind for a in bundle.history] == ["do", "do", "undo"]
    (tmp_path / "b.json").write_text(text, encoding="utf-8")
    again = import_bundle(tmp_path / "b.json", tmp_path / "again.rembuk")
    assert export_bundle(again) == text
    again.terminal = bundle.history[-1].terminal
    assert undo.redo(again).reversed_action == 3, "the undo travelled with the bundle and can be redone"
    again.close()


def test_a_version_1_bundle_still_imports_with_an_empty_history(tmp_path):
    old = json.loads(dumps(demo_bundle()))
    old["bundle_version"] = 1
    del old["history"]
    store = create_workshop(tmp_path / "v1.rembuk", loads(json.dumps(old)))
    assert store.bundle().history == [] and len(store.all(Innovation)) > 0
    store.close()


def test_rembuk_check_says_the_record_agrees_and_finds_a_write_behind_its_back(workshop_path):
    store = WorkshopStore.open(workshop_path)
    note = store.save(_note())
    store.save(note.model_copy(update={"text": "ubah"}))
    store.close()
    report = check_workshop(workshop_path)
    assert report.ok and any("Change record: 2 actions, 2 row changes" in line for line in report.lines)
    with sqlite3.connect(workshop_path) as conn:
        conn.execute("UPDATE notes SET text = 'diam-diam' WHERE id = ?", [note.id])
    report = check_workshop(workshop_path)
    assert not report.ok
    assert any("Change record inconsistent: notes 1" in line for line in report.lines), report.lines


def as_schema_version_2(path) -> None:
    """Turn a new workshop file back into one from schema version 2, before the record existed:
    drop every trigger, and every table and column the later migrations added."""
    old = sqlite_utils.Database(memory=True)
    for migration in MIGRATIONS[:2]:
        migration(old)
    db = sqlite_utils.Database(path)
    for trigger in db.triggers:
        db.execute(f"DROP TRIGGER [{trigger.name}]")
    for name in db.table_names():
        if name not in old.table_names():
            db.table(name).drop()
        else:
            added = set(db.table(name).columns_dict) - set(old.table(name).columns_dict)
            if added:
                db.table(name).transform(drop=added)
    db.execute("PRAGMA user_version = 2")
    db.close()


def test_a_file_from_before_the_record_gets_it_on_opening(workshop_path):
    as_schema_version_2(workshop_path)
    store = WorkshopStore.open(workshop_path)
    store.save(_note())
    assert [e.table for e in history.latest(store)] == ["notes"]
    store.close()


def test_undo_of_an_insert_whose_row_is_used_since_is_refused_untouched(workshop_path):
    store = WorkshopStore.open(workshop_path)
    store.terminal = "a"
    card = board.create(store, Innovation(title="Serang Tatu", dimension="GOV", element="GOV-1"))
    other = WorkshopStore.open(workshop_path)
    other.terminal = "b"
    actions.insert_step(other, ActionStep(innovation_id=card.id, activity="Bangun", start_year=2025,
                                          end_year=2026))
    before = dumps(store.bundle().content())
    try:
        undo.undo(store)
    except undo.UndoRefused as refused:
        assert "is used by something added since" in str(refused)
    else:
        raise AssertionError("the undo went through")
    assert dumps(store.bundle().content()) == before
    store.close()
    other.close()


def test_a_form_read_before_an_undo_cannot_overwrite_the_edit_made_after_it(workshop_path):
    """An undo gives the note its old version back; the edit after it must not get the version
    the undone edit had, or a form still holding that one would overwrite it."""
    store = WorkshopStore.open(workshop_path)
    note = store.save(_note("Sepakat"))
    edited = store.save(note.model_copy(update={"text": "Sepakat: Sikonde"}))
    form = edited.model_copy(update={"text": "Sepakat: Sikonde 2025"})  # a form opened on the edit
    undo.undo(store)
    assert store.get(Note, note.id) == note
    later = store.save(note.model_copy(update={"text": "Ditunda"}))
    assert later.version > edited.version
    with pytest.raises(errors.StaleEdit):
        store.save(form)
    assert store.get(Note, note.id).text == "Ditunda"
    undo.undo(store)  # the later edit undone too: its version is not handed out again either
    with pytest.raises(errors.StaleEdit):
        store.save(later.model_copy(update={"text": "Ditunda lagi"}))
    assert store.save(note.model_copy(update={"text": "Disepakati"})).version > later.version
    store.close()


def test_a_form_read_before_an_undone_edit_saves_the_row_as_it_read_it(workshop_path):
    """Versions stay exact under undo: the row is back as the form read it, so its save goes through."""
    store = WorkshopStore.open(workshop_path)
    note = store.save(_note("Sepakat"))
    form = note.model_copy(update={"text": "Sepakat: Sikonde 2025"})
    store.save(note.model_copy(update={"text": "Salah"}))
    undo.undo(store)
    assert store.save(form).text == "Sepakat: Sikonde 2025"
    store.close()


def test_a_bundle_whose_record_names_an_unknown_column_is_refused_in_one_line(workshop_path, tmp_path):
    store = WorkshopStore.open(workshop_path)
    store.save(_note())
    bundle = json.loads(export_bundle(store))
    store.close()
    bundle["history"][0]["changes"][0]["new"]["text] = 'x'; --"] = "x"
    (tmp_path / "evil.json").write_text(json.dumps(bundle), encoding="utf-8")
    try:
        import_bundle(tmp_path / "evil.json", tmp_path / "evil.rembuk")
    except errors.BadBundle as refused:
        assert "is not a valid rembuk bundle (history 1: notes)" in str(refused)
    else:
        raise AssertionError("imported")
    assert not (tmp_path / "evil.rembuk").exists()

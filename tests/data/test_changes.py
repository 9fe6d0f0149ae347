"""Per-table change counts (schema 8): what each kind of write moves, and a schema 7 file's migration."""

from __future__ import annotations

from datetime import datetime

import pytest
import sqlite_utils

from core.live import LiveView, Terminal
from core.models import Innovation, Note, TargetType
from data import clock, presence
from data.history import recorded_tables
from data.notes import capture_note
from data.schema import APPLICATION_ID, CARD_NOTES, MIGRATIONS, SCHEMA_VERSION
from data.store import WorkshopStore

AYU = Terminal(id="a", name="Ayu")


@pytest.fixture
def store(workshop_path):
    opened = WorkshopStore.open(workshop_path)
    yield opened
    opened.close()


def moved(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {t for t in before.keys() | after.keys() if before.get(t) != after.get(t)}


def test_every_workshop_table_has_a_count_and_card_notes_one_more(store):
    assert set(store.changes()) == set(recorded_tables(store.db)) | {CARD_NOTES}


def test_the_live_room_and_drafts_move_no_count(store):
    before = store.changes()
    presence.join(store, AYU)
    presence.beat(store, AYU)
    presence.publish(store, AYU, LiveView(screen="board", dimension="GOV"))
    clock.start(store, 300)
    store.save_draft("capture", "setengah diketik")
    assert moved(before, store.changes()) == set()


def test_a_note_moves_the_notes_count_and_a_card_note_the_card_notes_too(store):
    card = store.save(Innovation(title="Pasar ikan", dimension="GOV", element="GOV-1"))
    before = store.changes()
    capture_note(store, Note(text="Catatan umum", created_at=datetime.now()))
    assert moved(before, store.changes()) == {"notes"}
    before = store.changes()
    capture_note(store, Note(text="Catatan kartu", target_type=TargetType.INNOVATION, target_id=card.id,
                             created_at=datetime.now()))
    assert moved(before, store.changes()) == {"notes", CARD_NOTES}
    before = store.changes()
    store.save(card.model_copy(update={"title": "Pasar ikan higienis"}))
    assert moved(before, store.changes()) == {"innovations"}


def _write_schema_7_file(path) -> None:
    """A file as rembuk wrote it at schema 7: one ``content_version`` row counted by ``count_*`` triggers."""
    db = sqlite_utils.Database(path)
    for migration in MIGRATIONS[:7]:
        migration(db)
    for table in ("innovations", "notes", "action_steps"):
        for event in ("INSERT", "UPDATE", "DELETE"):
            db.execute(f"CREATE TRIGGER [count_{table}_{event.lower()}] AFTER {event} ON [{table}] "
                       "BEGIN UPDATE content_version SET n = n + 1 WHERE id = 1; END")
    db["workshop"].insert({"id": 1, "data": '{"region": "Kabupaten Serang"}'})
    db["notes"].insert({"id": 1, "version": 1, "kind": "note", "text": "Lama", "created_at": "2024-07-02T09:30:00"})
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 7")
    db.close()


def test_a_schema_7_file_migrates_to_per_table_counts(tmp_path):
    path = tmp_path / "v7.rembuk"
    _write_schema_7_file(path)
    store = WorkshopStore.open(path)
    try:
        assert store.schema_version() == SCHEMA_VERSION == 8
        names = {r["name"] for r in store.query("SELECT name FROM sqlite_master")}
        assert "content_version" not in names
        assert not {n for n in names if n.startswith("count_")}
        assert [n.text for n in store.all(Note)] == ["Lama"]
        before = store.changes()
        capture_note(store, Note(text="Baru", created_at=datetime.now()))
        assert moved(before, store.changes()) == {"notes"}
        assert store.content_version() == sum(store.changes().values()) > 0
    finally:
        store.close()


def test_a_terminal_is_told_of_other_terminals_changes_not_of_its_own(store, workshop_path):
    mine = store.others_changes()
    capture_note(store, Note(text="Dari sini", created_at=datetime.now()))
    assert moved(mine, store.others_changes()) == set()
    other = WorkshopStore.open(workshop_path)
    try:
        capture_note(other, Note(text="Dari sana", created_at=datetime.now()))
    finally:
        other.close()
    assert moved(mine, store.others_changes()) == {"notes"}

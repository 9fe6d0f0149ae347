"""Numbered schema migrations, applied in order when a workshop file is opened.

``PRAGMA user_version`` holds the number of the last migration applied, and
``PRAGMA application_id`` marks the file as rembuk's, so a foreign SQLite database is never
mistaken for a workshop. Never edit a migration that has shipped: add the next one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils  # annotations only: the store makes its Database when first written

APPLICATION_ID = 0x52454D42
"""'REMB': the SQLite application id of a rembuk workshop file."""

Migration = Callable[["sqlite_utils.Database"], None]


def _v1_initial(db: sqlite_utils.Database) -> None:
    """The first schema: the workshop, reference data, people, innovations, steps, risks, notes."""
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("workshop").create({"id": int, "data": str}, pk="id")
    db.table("reference").create({"key": str, "data": str}, pk="key")
    db.table("agencies").create(
        {"id": int, "version": int, "abbreviation": str, "name": str}, pk="id"
    )
    db.table("participants").create(
        {"id": int, "version": int, "name": str, "position": str, "agency_id": int,
         "role": str, "nip": str},
        pk="id", foreign_keys=[("agency_id", "agencies", "id")],
    )
    db.table("attendance").create(
        {"participant_id": int, "day": str, "present": int},
        pk=("participant_id", "day"), foreign_keys=[("participant_id", "participants", "id")],
    )
    db.table("innovations").create(
        {"id": int, "version": int, "title": str, "dimension": str, "element": str,
         "lead_agency_id": int, "supporting_agency_ids": str, "status": str,
         "review_outcome": str, "improvement": str, "merge_into_id": int, "problem": str,
         "beneficiaries": str, "horizon": str, "programme": str, "quick_win": str,
         "position": int},
        pk="id", foreign_keys=[("lead_agency_id", "agencies", "id")],
    )
    db.table("action_steps").create(
        {"id": int, "version": int, "innovation_id": int, "activity": str, "output": str,
         "indicator": str, "target": str, "lead_agency_id": int, "supporting_agency_ids": str,
         "start_year": int, "end_year": int, "start_quarter": int, "end_quarter": int,
         "budget": str, "funding_source": str, "programme": str, "status": str, "position": int},
        pk="id", foreign_keys=[("innovation_id", "innovations", "id"), ("lead_agency_id", "agencies", "id")],
    )
    db.table("risks").create(
        {"id": int, "version": int, "innovation_id": int, "code": str, "type": str, "event": str,
         "cause": str, "category": str, "impact_description": str, "impact_area": str,
         "existing_controls": str, "likelihood": int, "impact": int, "treatment_option": str,
         "treatment_action": str, "output": str, "schedule": str, "owner_agency_id": int,
         "residual_likelihood": int, "residual_impact": int},
        pk="id", foreign_keys=[("innovation_id", "innovations", "id"), ("owner_agency_id", "agencies", "id")],
    )
    db.table("notes").create(
        {"id": int, "version": int, "kind": str, "text": str, "speaker": str, "dimension": str,
         "target_type": str, "target_id": int, "owner_agency_id": int, "due": str,
         "created_at": str},
        pk="id", foreign_keys=[("owner_agency_id", "agencies", "id")],
    )
    db.table("quick_win_scores").create(
        {"innovation_id": int, "criterion": str, "score": int},
        pk=("innovation_id", "criterion"), foreign_keys=[("innovation_id", "innovations", "id")],
    )
    db.table("drafts").create({"key": str, "text": str, "updated_at": str}, pk="key")
    db.table("innovations").create_index(["dimension", "position"])
    db.table("action_steps").create_index(["innovation_id", "position"])
    db.table("risks").create_index(["innovation_id"])
    db.table("notes").create_index(["created_at"])


def _v2_step_location_priority(db: sqlite_utils.Database) -> None:
    """Two columns of the Renja table on action steps: lokasi and prioritas, empty for old steps."""
    for column in ("location", "priority"):
        db.table("action_steps").add_column(column, str, not_null_default="")


def _v3_history(db: sqlite_utils.Database) -> None:
    """The change record (data/history.py): one row per user action, one per row it changed.

    The triggers that fill it are made by ``data.history.refresh_triggers`` after every
    migration, from the tables' columns as they are then.
    """
    db.table("history_actions").create(
        {"id": int, "at": str, "terminal": str, "kind": str, "reverses": int, "reversed_by": int,
         "open": int},
        pk="id", not_null={"at", "terminal", "kind", "open"}, defaults={"kind": "do", "open": 0},
    )
    db.table("history_changes").create(
        {"id": int, "action_id": int, "tbl": str, "row_key": str, "op": str, "old": str, "new": str},
        pk="id", foreign_keys=[("action_id", "history_actions", "id")],
    )
    db.execute("CREATE INDEX history_open ON history_actions(open) WHERE open = 1")
    db.table("history_actions").create_index(["terminal", "id"])
    db.table("history_changes").create_index(["action_id"])
    db.table("history_changes").create_index(["tbl", "row_key"])


def _v4_live_room(db: sqlite_utils.Database) -> None:
    """The live room: terminals on the file, the driver's view, the room's clock, a change count,
    and who captured each note."""
    db.table("terminals").create({"id": str, "name": str, "role": str, "pid": int, "seen_at": float}, pk="id")
    db.table("live_state").create(
        {"id": int, "terminal_id": str, "name": str, "view": str, "published_at": float}, pk="id"
    )
    db.table("room_timer").create({"id": int, "label": str, "ends_at": float, "started_by": str}, pk="id")
    db.table("content_version").create({"id": int, "n": int}, pk="id")
    db.table("content_version").insert({"id": 1, "n": 0})
    db.table("notes").add_column("captured_by", str, not_null_default="")


UNTRACKED = frozenset({"drafts", "terminals", "live_state", "room_timer", "content_version", "changes", "meta",
                       "history_actions", "history_changes"})
"""Tables whose changes are no change to the workshop: drafts, the live room, and the change record
(every write opens an action there, a draft's too; a real change also moves its own table's count)."""

CARD_NOTES = "notes.innovation"
"""The change count of notes on cards (innovations), kept beside the notes table's own: a board
shows how many notes each card has, and a note on anything else (the workshop, a risk, a step)
changes nothing a board shows."""


def track_changes(db: sqlite_utils.Database) -> None:
    """Count every change to a workshop table in its row of ``changes`` (idempotent).

    ``PRAGMA data_version`` moves on every commit by another connection, heartbeats, the driving
    terminal's state and the half-second drafts of someone typing included. Triggers count the
    changes to each of the workshop's own tables instead, and a terminal reloads a screen only
    when a table that screen reads moved (``WorkshopScreen.reads``): a note saved elsewhere
    re-reads the notes view, not a board. Notes on cards are counted once more, as
    :data:`CARD_NOTES`. Run after every migration, so that tables added later are counted too.
    """
    if "changes" not in db.table_names():
        return
    for table in db.table_names():
        if table.startswith("sqlite_"):
            continue
        for event in ("INSERT", "UPDATE", "DELETE"):
            trigger = f"[changes_{table}_{event.lower()}]"
            if table in UNTRACKED:  # a file made before the table was left out of the count
                db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
                continue
            keys = [table] + ([CARD_NOTES] if table == "notes" else [])
            for key in keys:
                db.execute("INSERT OR IGNORE INTO changes (tbl, n) VALUES (?, 0)", [key])
            db.execute(
                f"CREATE TRIGGER IF NOT EXISTS {trigger} AFTER {event} ON [{table}] "
                f"BEGIN UPDATE changes SET n = n + 1 WHERE {_counted(table, event)}; END"
            )


def _counted(table: str, event: str) -> str:
    """Which rows of ``changes`` a trigger on ``table`` moves: its own, and a card note's too."""
    if table != "notes":
        return f"tbl = '{table}'"
    rows = {"INSERT": ("NEW",), "UPDATE": ("OLD", "NEW"), "DELETE": ("OLD",)}[event]
    on_card = " OR ".join(f"{row}.target_type = 'innovation'" for row in rows)
    return f"tbl = 'notes' OR (tbl = '{CARD_NOTES}' AND ({on_card}))"


def _v5_agenda(db: sqlite_utils.Database) -> None:
    """The agenda with its actual times, and the agenda item a note was taken in.

    A free timer (a break, an exercise) is the room's timer of v4, not a table of its own.
    """
    db.table("agenda_items").create(
        {"id": int, "version": int, "position": int, "day": int, "planned_time": str, "title": str,
         "topic": str, "timebox": int, "lead": str, "started_at": str, "ended_at": str},
        pk="id",
    )
    db.table("agenda_items").create_index(["day", "position"])
    db.table("notes").add_column("agenda_item_id", int)


def _v6_series(db: sqlite_utils.Database) -> None:
    """A series of stages: follow-ups get a status, and rows carried from a stage say from where."""
    db.table("notes").add_column("status", str, not_null_default="open")
    db.table("origins").create(
        {"item_table": str, "item_id": int, "stage": str, "source_id": int, "source": str},
        pk=("item_table", "item_id"),
    )


def _v7_sub_activity(db: sqlite_utils.Database) -> None:
    """The Renja's sub kegiatan on action steps, between activity and output; empty for old steps."""
    db.table("action_steps").add_column("sub_activity", str, not_null_default="")


def _v8_change_counts(db: sqlite_utils.Database) -> None:
    """One change count per workshop table, in place of schema 4's single count for the whole file.

    With one count, a note saved in one terminal made every other terminal re-read whatever it
    showed, a 3,000-card board included. The rows and triggers are made by :func:`track_changes`.
    """
    for table in db.table_names():
        for event in ("insert", "update", "delete"):  # they update the table dropped below
            db.execute(f"DROP TRIGGER IF EXISTS [count_{table}_{event}]")
    if "content_version" in db.table_names():
        db.table("content_version").drop()
    db.table("changes").create({"tbl": str, "n": int}, pk="tbl", not_null={"n"})


MIGRATIONS: list[Migration] = [_v1_initial, _v2_step_location_priority, _v3_history, _v4_live_room, _v5_agenda,
                               _v6_series, _v7_sub_activity, _v8_change_counts]
"""Migration ``n`` (1-based) brings a file from schema version ``n - 1`` to ``n``."""

SCHEMA_VERSION = len(MIGRATIONS)
"""The schema version this rembuk writes."""

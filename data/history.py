"""The change record: every write to the workshop, grouped by user action, kept by SQLite itself.

Design: SQLite triggers on every table of the workshop (not the drafts, not the record itself)
copy each inserted, updated or deleted row, before and after, as JSON into ``history_changes``,
inside the very transaction that made the change. :meth:`WorkshopStore.write` opens one row in
``history_actions`` when its transaction begins (time, terminal) and closes it before the
commit, so everything one user action writes, however many rows, is one entry. No writer has
to remember to record anything, a row written by any code path is recorded the same way, and a
crash or kill -9 loses the record only together with the change it records (one transaction).

A write made without an open action (another program on the file, the import of a bundle,
which brings its own record) is not recorded: the triggers find no open action.

Triggers are derived from the tables' columns, so :func:`refresh_triggers` runs after every
migration: a table or column added later is recorded without touching this module.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from core.models import HistoryAction, HistoryChange

if TYPE_CHECKING:
    import sqlite_utils

    from data.store import WorkshopStore

ACTIONS = "history_actions"
CHANGES = "history_changes"
NOT_RECORDED = frozenset({"meta", "drafts", ACTIONS, CHANGES, "terminals", "live_state", "room_timer",
                          "content_version", "changes"})
"""Tables whose writes are not workshop content: settings of the file, half-typed text, the record,
and the live room (presence, the driver's view, the timer, the change counts)."""

OPS = ("insert", "update", "delete")


def terminal_name() -> str:
    """This terminal's name: ``REMBUK_TERMINAL`` if set, else the login name."""
    try:
        return os.environ.get("REMBUK_TERMINAL") or getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (a bare container)
        return "?"


# -- the triggers -----------------------------------------------------------------------------

def recorded_tables(db: sqlite_utils.Database) -> list[str]:
    """Every table whose rows are workshop content."""
    return [name for name in db.table_names() if name not in NOT_RECORDED and not name.startswith("sqlite_")]


def refresh_triggers(db: sqlite_utils.Database) -> None:
    """(Re)create the three recording triggers of every recorded table from its current columns."""
    for table in recorded_tables(db):
        for op in OPS:
            db.execute(f"DROP TRIGGER IF EXISTS [history_{table}_{op}]")
            db.execute(_trigger_sql(db, table, op))


def _trigger_sql(db: sqlite_utils.Database, table: str, op: str) -> str:
    columns = [c.name for c in db.table(table).columns]
    key = " || '|' || ".join(f"CAST({{row}}.[{c}] AS TEXT)" for c in db.table(table).pks)
    old = _json_of("OLD", columns) if op != "insert" else "NULL"
    new = _json_of("NEW", columns) if op != "delete" else "NULL"
    row = "OLD" if op == "delete" else "NEW"
    return f"""CREATE TRIGGER [history_{table}_{op}] AFTER {op.upper()} ON [{table}] BEGIN
        INSERT INTO {CHANGES} (action_id, tbl, row_key, op, old, new)
        SELECT a.id, '{table}', {key.format(row=row)}, '{op}', c.o, c.n
        FROM (SELECT {old} AS o, {new} AS n) AS c, {ACTIONS} AS a
        WHERE a.open = 1 AND c.o IS NOT c.n;
    END"""


def _json_of(row: str, columns: Iterable[str]) -> str:
    return "json_object(" + ", ".join(f"'{c}', {row}.[{c}]" for c in columns) + ")"


def current_row_json(db: sqlite_utils.Database, table: str) -> str:
    """SQL reading a row as the triggers record it, by its primary key (named parameters)."""
    columns = [c.name for c in db.table(table).columns]
    where = " AND ".join(f"[{c}] = :{c}" for c in db.table(table).pks)
    return f"SELECT {_json_of(table, columns)} AS row FROM [{table}] WHERE {where}"


def next_version_sql(table: str) -> str:
    """SQL for a row's next version, inside a statement over ``table``: above every version it had.

    An undo gives rows back their old values, version included, so counting on from the version a
    row holds now would hand out a number it had before: a form still holding that number (read
    before the undo) would then pass the stale check and overwrite the later edit. The record
    keeps every version a row has had, so the next one is one above all of them; a row without a
    record counts on from its own. ``table`` is a table name from ``data.rows.TABLES``.
    """
    recorded = (f"SELECT max(json_extract(c.new, '$.version')) FROM {CHANGES} c "
                f"WHERE c.tbl = '{table}' AND c.row_key = CAST([{table}].id AS TEXT)")
    return f"max([{table}].version, coalesce(({recorded}), 0)) + 1"


# -- the write path's hook --------------------------------------------------------------------

def begin_action(conn: sqlite3.Connection, terminal: str) -> None:
    """Open the action the rows written in this transaction belong to (once: a nested write joins it)."""
    conn.execute(f"INSERT INTO {ACTIONS} (at, terminal, open) SELECT ?, ?, 1 "
                 f"WHERE NOT EXISTS (SELECT 1 FROM {ACTIONS} WHERE open = 1)",
                 (datetime.now().isoformat(timespec="seconds"), terminal))


def end_action(conn: sqlite3.Connection) -> None:
    """Close the open action before commit; one that changed nothing leaves no entry."""
    conn.execute(f"DELETE FROM {ACTIONS} WHERE open = 1 AND NOT EXISTS "
                 f"(SELECT 1 FROM {CHANGES} WHERE action_id = {ACTIONS}.id)")
    conn.execute(f"UPDATE {ACTIONS} SET open = 0 WHERE open = 1")


def suspend(db: sqlite_utils.Database) -> None:
    """Record nothing more in this transaction (a bundle import brings its own record)."""
    db.execute(f"DELETE FROM {ACTIONS} WHERE open = 1")


def mark_open(db: sqlite_utils.Database, kind: str, reverses: int | None = None) -> None:
    """Say what the open action is, when it is not a plain edit: an undo, a redo, a restore."""
    db.execute(f"UPDATE {ACTIONS} SET kind = ?, reverses = ? WHERE open = 1", [kind, reverses])
    if reverses is not None:
        db.execute(f"UPDATE {ACTIONS} SET reversed_by = (SELECT id FROM {ACTIONS} WHERE open = 1) "
                   "WHERE id = ?", [reverses])


# -- reading the record -------------------------------------------------------------------------

@dataclass(frozen=True)
class Item:
    """One card, risk, step or note whose history can be shown: its table and key."""

    table: str
    row_key: str
    label: str


ITEM_TABLES = {"innovations", "risks", "action_steps", "notes", "agenda_items"}
"""Tables whose rows have a history of their own in the view."""

@dataclass(frozen=True)
class Entry:
    """One action as the history view lists it: its first change tells what it was about."""

    action_id: int
    at: str
    terminal: str
    kind: str
    reversed: bool
    table: str
    op: str
    row_key: str
    label: str
    rows: int
    """How many rows the action changed."""
    verb: str = ""
    """What an update did, when a word says it better than 'changed': an agenda item
    ``started`` or ``finished`` (:func:`agenda_verb`)."""


def agenda_verb(table: str, old: dict[str, Any] | None, new: dict[str, Any] | None) -> str:
    """``started`` or ``finished`` for an update that started or ended an agenda item, else ``""``."""
    if table != "agenda_items" or not old or not new:
        return ""
    if new.get("started_at") and not new.get("ended_at") and old.get("started_at") != new.get("started_at"):
        return "started"
    if new.get("ended_at") and not old.get("ended_at"):
        return "finished"
    return ""


LABEL_COLUMNS = ("title", "text", "name", "event", "activity", "abbreviation", "criterion", "key", "day")
"""The first of these a row has names it in the history view."""


def row_label(row: dict[str, Any] | None) -> str:
    """A short, readable name for a recorded row (the workshop's header: its title or region)."""
    for column in LABEL_COLUMNS:
        if row and row.get(column):
            return " ".join(str(row[column]).split())[:80]
    if row and row.get("id") == 1 and isinstance(row.get("data"), str) and set(row) <= {"id", "data"}:
        with contextlib.suppress(ValueError, AttributeError):
            header = json.loads(row["data"])
            return " ".join(str(header.get("title") or header.get("region") or "").split())[:80]
    return ""


MAIN_TABLES = ("innovations", "action_steps", "risks", "notes", "participants", "agencies",
               "attendance", "quick_win_scores", "workshop", "reference")
"""What an action is listed as: its change of the first of these (a card deleted with its steps
is 'card deleted'), else its first change."""

_RANK = "CASE tbl " + " ".join(f"WHEN '{t}' THEN {n}" for n, t in enumerate(MAIN_TABLES)) + " ELSE 99 END"
_STARTED_FIRST = ("CASE WHEN tbl = 'agenda_items' AND json_extract(new, '$.ended_at') IS NULL "
                  "AND json_extract(new, '$.started_at') IS NOT NULL THEN 0 ELSE 1 END")
"""Starting an item ends the one running in the same action: the entry names the one started."""


def _entry_sql(where: str) -> str:
    return f"""
    SELECT a.*, c.tbl, c.op, c.row_key, c.old, c.new FROM (
        SELECT id, at, terminal, kind, reversed_by,
               (SELECT count(*) FROM {CHANGES} WHERE action_id = x.id) AS rows,
               (SELECT id FROM {CHANGES} WHERE action_id = x.id ORDER BY {_RANK}, {_STARTED_FIRST}, id LIMIT 1)
               AS main
        FROM {ACTIONS} x WHERE {where} ORDER BY id DESC LIMIT ?
    ) a JOIN {CHANGES} c ON c.id = a.main ORDER BY a.id DESC"""


def _entry(row: dict[str, Any]) -> Entry:
    old, new = json.loads(row["old"] or "null"), json.loads(row["new"] or "null")
    return Entry(row["id"], row["at"], row["terminal"], row["kind"], row["reversed_by"] is not None,
                 row["tbl"], row["op"], row["row_key"], row_label(new or old), row["rows"],
                 agenda_verb(row["tbl"], old, new))


def latest(store: WorkshopStore, terminal: str = "", table: str = "", limit: int = 500) -> list[Entry]:
    """The workshop's latest actions, newest first, of one terminal and one kind if given."""
    where, params = ["open = 0"], []
    if terminal:
        where.append("terminal = ?")
        params.append(terminal)
    if table:
        where.append(f"id IN (SELECT action_id FROM {CHANGES} WHERE tbl = ?)")
        params.append(table)
    return [_entry(r) for r in store.query(_entry_sql(" AND ".join(where)), (*params, limit))]


@dataclass(frozen=True)
class ItemChange:
    """One change of one item: who, when, what it held before and after."""

    action_id: int
    at: str
    terminal: str
    kind: str
    op: str
    old: dict[str, Any] | None
    new: dict[str, Any] | None
    verb: str = ""
    """``started`` or ``finished`` for an agenda item (:func:`agenda_verb`)."""


def of_item(store: WorkshopStore, table: str, row_key: str) -> list[ItemChange]:
    """Every recorded change of one row, newest first."""
    rows = store.query(
        f"""SELECT a.id, a.at, a.terminal, a.kind, c.op, c.old, c.new FROM {CHANGES} c
            JOIN {ACTIONS} a ON a.id = c.action_id WHERE c.tbl = ? AND c.row_key = ?
            ORDER BY c.id DESC""", (table, row_key))
    changes = [(r, json.loads(r["old"] or "null"), json.loads(r["new"] or "null")) for r in rows]
    return [ItemChange(r["id"], r["at"], r["terminal"], r["kind"], r["op"], old, new, agenda_verb(table, old, new))
            for r, old, new in changes]


def terminals(store: WorkshopStore) -> list[str]:
    """Every terminal that has written to this workshop, by name."""
    return [r["terminal"] for r in store.query(f"SELECT DISTINCT terminal FROM {ACTIONS} ORDER BY terminal")]


def _has_record(store: WorkshopStore) -> bool:
    """False for a file opened read-only before its migration to the record."""
    return bool(store.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (ACTIONS,)))


class UnknownRow(ValueError):
    """A bundle's record names a table or column the workshop does not have."""


# -- the record in the bundle -------------------------------------------------------------------

def read_all(store: WorkshopStore) -> list[HistoryAction]:
    """The whole record, oldest first (for the bundle); none in a file read before migration."""
    return list(each_action(store))


def each_action(store: WorkshopStore) -> Iterator[HistoryAction]:
    """The whole record, oldest first, one action at a time (inside ``store.snapshot()``).

    The actions and their changes are read side by side, both in action order, so a long
    record is never held whole: the streamed bundle writes each action as it is read.
    """
    if not _has_record(store):
        return
    changes = store.each_row(f"SELECT * FROM {CHANGES} ORDER BY action_id, id")
    pending = next(changes, None)
    for a in store.each_row(f"SELECT * FROM {ACTIONS} WHERE open = 0 ORDER BY id"):
        own: list[HistoryChange] = []
        while pending is not None and (pending["action_id"] is None or pending["action_id"] <= a["id"]):
            if pending["action_id"] == a["id"]:  # an open action's changes are passed over
                own.append(HistoryChange(table=pending["tbl"], row_key=pending["row_key"], op=pending["op"],
                                         old=json.loads(pending["old"] or "null"),
                                         new=json.loads(pending["new"] or "null")))
            pending = next(changes, None)
        yield HistoryAction(id=a["id"], at=a["at"], terminal=a["terminal"], kind=a["kind"],
                            reverses=a["reverses"], reversed_by=a["reversed_by"], changes=own)
    changes.close()


def write_all(db: sqlite_utils.Database, actions: list[HistoryAction]) -> None:
    """Write a bundle's record into a new file (inside its import transaction).

    Undo writes recorded rows back by table and column name, so a record naming a table or
    column this file does not have is refused (:class:`UnknownRow`), never written.
    """
    columns = {t: {c.name for c in db.table(t).columns} for t in recorded_tables(db)}
    for action in actions:
        for change in action.changes:
            named = set(change.old or {}) | set(change.new or {})
            if change.table not in columns or not named <= columns[change.table]:
                raise UnknownRow(f"history {action.id}: {change.table}")
    db.table(ACTIONS).insert_all(
        {"id": a.id, "at": a.at.isoformat(timespec="seconds"), "terminal": a.terminal, "kind": a.kind,
         "reverses": a.reverses, "reversed_by": a.reversed_by, "open": 0} for a in actions)
    db.table(CHANGES).insert_all(
        {"action_id": a.id, "tbl": c.table, "row_key": c.row_key, "op": c.op,
         "old": _dumps(c.old), "new": _dumps(c.new)} for a in actions for c in a.changes)


def _dumps(row: dict[str, Any] | None) -> str | None:
    return None if row is None else json.dumps(row, ensure_ascii=False, separators=(",", ":"))


# -- rembuk check ---------------------------------------------------------------------------------

def problems(store: WorkshopStore) -> list[str]:
    """Where the record and the data disagree (empty: consistent).

    Each row's changes must chain (what one change left is what the next found), and the last
    change must have left the row as it is now. A write made behind rembuk's back shows here.
    """
    if not _has_record(store):
        return []
    left_open = store.query(f"SELECT id FROM {ACTIONS} WHERE open = 1")
    found = [f"action {r['id']} never closed" for r in left_open]
    chains: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in store.query(f"SELECT id, tbl, row_key, old, new FROM {CHANGES} ORDER BY id"):
        chains.setdefault((row["tbl"], row["row_key"]), []).append(row)
    tables = set(store.db.table_names())
    for (table, key), changes in chains.items():
        if table in tables:
            found += _chain_problems(store, table, key, changes)
    return found


def _chain_problems(store: WorkshopStore, table: str, key: str, changes: list[dict[str, Any]]) -> list[str]:
    found, before = [], None
    for change in changes:
        if change["old"] is not None or before is not None:
            if not _same(json.loads(change["old"] or "null"), before):
                found.append(f"{table} {key}: change {change['id']} does not follow the one before")
        before = json.loads(change["new"] or "null")
    if not _same(before, _row_now(store, table, before or json.loads(changes[-1]["old"] or "{}"))):
        found.append(f"{table} {key}: the row differs from what its last change left")
    return found


def _row_now(store: WorkshopStore, table: str, row: dict[str, Any]) -> dict[str, Any] | None:
    pks = {c: row.get(c) for c in store.db.table(table).pks}
    now = store.query(current_row_json(store.db, table), pks)
    return json.loads(now[0]["row"]) if now else None


def _same(recorded: dict[str, Any] | None, other: dict[str, Any] | None) -> bool:
    """Equal on the columns recorded (a column added by a later migration is not compared)."""
    if recorded is None or other is None:
        return recorded is None and other is None
    return all(other.get(c) == v for c, v in recorded.items())

"""Undo, redo and restore, by replaying the change record backwards.

A terminal undoes its own latest action that is not undone yet; redo reverses its latest undo,
until it makes a new edit. Either is itself an action in the record (kind ``undo`` or ``redo``,
pointing at what it reversed), so a redo is the undo of an undo and the record only ever grows.

Before anything is written, every row the action touched must still be as the action left it
(all columns, its version included): if another terminal has changed one since, the undo is
refused with one line naming that terminal, and nothing changes. The rows get back exactly the
values they had, version included, so an edit begun on the undone values is refused as stale;
the next save then gives a version the row never had (:func:`~data.history.next_version_sql`), so a
form still holding the undone edit's version cannot overwrite an edit made after the undo.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.i18n import _
from data import errors
from data.history import ACTIONS, CHANGES, MAIN_TABLES, Item, current_row_json, mark_open, row_label

if TYPE_CHECKING:
    import sqlite_utils

    from data.store import WorkshopStore

UNDOABLE = ("do", "redo", "restore")
"""Kinds of action an undo may reverse (an undo is reversed by redo)."""

NEW_EDITS = ("do", "restore")
"""Kinds of action after which the undone ones can no longer be redone."""


class UndoRefused(errors.StoreError):
    """The rows an undo would write back were changed since; nothing was written."""

    key = "history.refused"

    def __init__(self, path: object, terminal: str, label: str) -> None:
        self.terminal, self.label = terminal, label
        super().__init__(path)

    def message(self) -> str:
        if self.terminal:
            return _(self.key, terminal=self.terminal, item=self.label)
        return _("history.refused_in_use", item=self.label)


@dataclass(frozen=True)
class Change:
    """One recorded row change, as replayed."""

    table: str
    op: str
    old: dict[str, Any] | None
    new: dict[str, Any] | None


@dataclass(frozen=True)
class Outcome:
    """What an undo or redo did: the action it reversed (``None``: there was nothing to do)."""

    reversed_action: int | None
    label: str = ""
    item: Item | None = None
    """The row it is mainly about (a deleted card, not its steps), for a screen to highlight."""


def undo(store: WorkshopStore) -> Outcome:
    """Reverse this terminal's latest action that is not undone yet."""
    return _reverse(store, "undo", f"kind IN {UNDOABLE} AND reversed_by IS NULL")


def redo(store: WorkshopStore) -> Outcome:
    """Reverse this terminal's latest undo, if no new edit came after it."""
    later_edit = (f"SELECT 1 FROM {ACTIONS} b WHERE b.terminal = a.terminal AND b.id > a.id "
                  f"AND b.open = 0 AND b.kind IN {NEW_EDITS}")
    return _reverse(store, "redo", f"kind = 'undo' AND reversed_by IS NULL AND NOT EXISTS ({later_edit})")


def _reverse(store: WorkshopStore, kind: str, condition: str) -> Outcome:
    with store.write() as db:
        found = db.execute(f"SELECT id FROM {ACTIONS} a WHERE open = 0 AND terminal = ? AND {condition} "
                           "ORDER BY id DESC LIMIT 1", [store.terminal]).fetchone()
        if found is None:
            return Outcome(None)
        changes = changes_of(db, found[0])
        _replay_backwards(store, db, found[0], changes)
        mark_open(db, kind, found[0])
        return Outcome(found[0], _label(changes, before=kind == "redo"), _main_item(db, changes))


def restore_deleted(store: WorkshopStore, action_id: int) -> Outcome:
    """Put back the rows an action deleted (a card with its steps and risks), as a new action."""
    with store.write() as db:
        deleted = [c for c in changes_of(db, action_id) if c.op == "delete"]
        _replay_backwards(store, db, action_id, deleted)
        mark_open(db, "restore")
        return Outcome(action_id, _label(deleted), _main_item(db, deleted))


def changes_of(db: sqlite_utils.Database, action_id: int) -> list[Change]:
    """An action's changes, in the order they were made."""
    rows = db.execute(f"SELECT tbl, op, old, new FROM {CHANGES} WHERE action_id = ? ORDER BY id",
                      [action_id]).fetchall()
    return [Change(t, op, json.loads(old or "null"), json.loads(new or "null")) for t, op, old, new in rows]


def _replay_backwards(store: WorkshopStore, db: sqlite_utils.Database, action_id: int,
                      changes: list[Change]) -> None:
    _refuse_if_changed_since(store, db, action_id, changes)
    try:
        for change in reversed(changes):
            _put_back(db, change)
    except sqlite3.IntegrityError as exc:  # a row now refers to it, or its id is taken
        raise UndoRefused(store.path, "", _label(changes)) from exc


def _refuse_if_changed_since(store: WorkshopStore, db: sqlite_utils.Database, action_id: int,
                             changes: list[Change]) -> None:
    last: dict[tuple[str, str], Change] = {}
    for change in changes:
        last[(change.table, _key(db, change))] = change
    for (table, key), change in last.items():
        if _current(db, change) != change.new:
            raise UndoRefused(store.path, _changed_by(db, table, key, action_id), _label([change]))


def _current(db: sqlite_utils.Database, change: Change) -> dict[str, Any] | None:
    """The row now, restricted to the columns recorded (a column added since is not compared)."""
    row = change.new or change.old or {}
    pks = {c: row[c] for c in db.table(change.table).pks}
    found = db.execute(current_row_json(db, change.table), pks).fetchone()
    if found is None:
        return None
    now = json.loads(found[0])
    return {c: now.get(c) for c in (change.new or now)}


def _changed_by(db: sqlite_utils.Database, table: str, key: str, action_id: int) -> str:
    found = db.execute(
        f"SELECT a.terminal FROM {CHANGES} c JOIN {ACTIONS} a ON a.id = c.action_id "
        "WHERE c.tbl = ? AND c.row_key = ? AND c.action_id > ? ORDER BY c.id DESC LIMIT 1",
        [table, key, action_id]).fetchone()
    return found[0] if found else "?"


def _key(db: sqlite_utils.Database, change: Change) -> str:
    row = change.new or change.old or {}
    return "|".join(str(row[c]) for c in db.table(change.table).pks)


def _put_back(db: sqlite_utils.Database, change: Change) -> None:
    """Write one change backwards: delete what it inserted, insert what it deleted, reset an update."""
    table = db.table(change.table)
    if change.new is not None and change.old is not None:
        table.update([change.new[c] for c in table.pks], change.old)
    elif change.new is not None:
        where = " AND ".join(f"[{c}] = ?" for c in table.pks)
        db.execute(f"DELETE FROM [{change.table}] WHERE {where}", [change.new[c] for c in table.pks])
    elif change.old is not None:
        table.insert(change.old)


def _main_item(db: sqlite_utils.Database, changes: list[Change]) -> Item | None:
    """The row the changes are mainly about: the first of the table ranked first in MAIN_TABLES."""
    if not changes:
        return None
    rank = {table: n for n, table in enumerate(MAIN_TABLES)}
    main = min(changes, key=lambda change: rank.get(change.table, len(rank)))
    return Item(main.table, _key(db, main), row_label(main.new or main.old))


def _label(changes: list[Change], before: bool = False) -> str:
    """What the changes were about; ``before``: named as they found the rows (a redo's undo)."""
    for change in changes:
        label = row_label((change.old or change.new) if before else (change.new or change.old))
        if label:
            return label
    return ""

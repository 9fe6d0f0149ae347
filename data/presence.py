"""Terminals that know each other: presence rows, who drives, and the view the driver shows.

Each running rembuk keeps one row in ``terminals`` fresh with a heartbeat; a row not refreshed
for :data:`~core.live.STALE_AFTER_SECONDS` is a terminal that is gone (killed, hung up, its
machine asleep), however it ended. One row of ``live_state`` says which terminal drives and
where it is. None of these tables count as changes to the workshop (see
:func:`~data.schema.track_changes`), so the heartbeats make no other terminal reload.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from core.live import Driver, LiveView, Terminal, present
from data.errors import StoreError
from data.store import WorkshopStore

if TYPE_CHECKING:
    import sqlite_utils  # annotations only: the store makes its Database when first written

FORGET_AFTER_SECONDS = 3600.0
"""Rows of terminals gone this long are deleted when another joins, so the table stays small."""


def join(store: WorkshopStore, terminal: Terminal) -> None:
    """Announce ``terminal`` (or refresh it), and forget terminals long gone."""
    now = time.time()
    with store.write() as db:
        db.execute("DELETE FROM terminals WHERE seen_at < ?", [now - FORGET_AFTER_SECONDS])
        db.table("terminals").upsert({**terminal.model_dump(mode="json"), "seen_at": now}, pk="id")


def beat(store: WorkshopStore, terminal: Terminal) -> None:
    """The heartbeat: ``terminal`` is still there (its row comes back if someone removed it).

    Skipped while the file is deleted underneath: writing it back is for the user's next change
    to do, which then says so (see ``WorkshopStore._check_file``), not for a heartbeat.
    """
    if not store.path.exists():
        return
    with store.write() as db:
        db.table("terminals").upsert({**terminal.model_dump(mode="json"), "seen_at": time.time()}, pk="id")


def leave(store: WorkshopStore, terminal_id: str) -> None:
    """A terminal closing cleanly removes itself at once rather than going stale."""
    with store.write() as db:
        db.execute("DELETE FROM terminals WHERE id = ?", [terminal_id])


def terminals(store: WorkshopStore) -> list[Terminal]:
    """The terminals alive on the file now, facilitators first."""
    rows = live_rows(store, "SELECT * FROM terminals")
    return present([Terminal.model_validate(row) for row in rows], time.time())


def driver(store: WorkshopStore) -> Driver | None:
    """Who drives and what they show, or ``None`` if nobody has driven this file."""
    rows = live_rows(store, """SELECT s.*, t.seen_at FROM live_state s
                                LEFT JOIN terminals t ON t.id = s.terminal_id WHERE s.id = 1""")
    if not rows:
        return None
    row = rows[0]
    return Driver(terminal_id=row["terminal_id"], name=row["name"], view=LiveView.model_validate_json(row["view"]),
                  published_at=row["published_at"], seen_at=row["seen_at"] or 0.0)


def take_over(store: WorkshopStore, terminal: Terminal, view: LiveView) -> None:
    """``terminal`` drives from now on, showing ``view``."""
    with store.write() as db:
        db.table("live_state").upsert(_state(terminal, view), pk="id")


def drive_if_free(store: WorkshopStore, terminal: Terminal, view: LiveView) -> bool:
    """Drive unless a living terminal drives already; True if ``terminal`` drives now."""
    with store.write() as db:
        row = db.execute("SELECT terminal_id FROM live_state WHERE id = 1").fetchone()
        if row and row[0] != terminal.id and _alive(db, row[0]):
            return False
        db.table("live_state").upsert(_state(terminal, view), pk="id")
    return True


def publish(store: WorkshopStore, terminal: Terminal, view: LiveView) -> bool:
    """Store where the driver is, if ``terminal`` still drives; False if another took over.

    Skipped, like :func:`beat`, while the file is deleted underneath.
    """
    if not store.path.exists():
        return True
    with store.write() as db:
        cursor = db.execute(
            "UPDATE live_state SET view = ?, published_at = ?, name = ? WHERE id = 1 AND terminal_id = ?",
            [view.model_dump_json(), time.time(), terminal.name, terminal.id],
        )
    return cursor.rowcount == 1


def _state(terminal: Terminal, view: LiveView) -> dict[str, object]:
    return {"id": 1, "terminal_id": terminal.id, "name": terminal.name, "view": view.model_dump_json(),
            "published_at": time.time()}


def _alive(db: sqlite_utils.Database, terminal_id: str) -> bool:
    row = db.execute("SELECT seen_at FROM terminals WHERE id = ?", [terminal_id]).fetchone()
    return bool(row) and Terminal(id=terminal_id, name="-", seen_at=row[0]).alive(time.time())


def live_rows(store: WorkshopStore, sql: str) -> list[dict[str, Any]]:
    """Rows of a live table; none from a file older than the live room (read-only, not migrated)."""
    try:
        return store.query(sql)
    except StoreError:
        if store.query("SELECT 1 FROM sqlite_master WHERE name = 'live_state'"):
            raise
        return []

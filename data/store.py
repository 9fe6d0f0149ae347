"""The workshop file: one SQLite database per workshop, through sqlite-utils.

Connection design: one connection per open store, shared by the UI's thread workers
(``check_same_thread=False``) and serialised by a re-entrant lock, so no two threads use it at
once. Every write is one ``BEGIN IMMEDIATE`` transaction committed before the call returns, so
what the user confirmed is on disk even if the process is killed the next instant. WAL lets a
second process read while this one writes; ``PRAGMA data_version`` tells it that something
changed. Rows carry a ``version``: an edit based on an older version is refused (StaleEdit).
"""

from __future__ import annotations

import itertools
import json
import os
import re
import sqlite3
import threading
import time
from collections.abc import Generator, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import ValidationError

from core.models import Bundle, Model, ReferenceData, Stored, Workshop
from data import errors, history
from data.rows import TABLES, from_row, to_row
from data.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, track_changes

if TYPE_CHECKING:
    import sqlite_utils

S = TypeVar("S", bound=Model)
T = TypeVar("T", bound=Stored)

SQLITE_HEADER = b"SQLite format 3\x00"
"""The first 16 bytes of every SQLite database file."""

BUSY_TIMEOUT_MS = 5_000
WRITE_RETRIES = 5


def _fail(exc: sqlite3.Error, path: Path) -> errors.StoreError:
    """Translate an sqlite3 error into the StoreError a user can act on."""
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return errors.ReadOnly(path)
    if "full" in text:
        return errors.DiskFull(path)
    if "locked" in text or "busy" in text:
        return errors.Busy(path)
    if "not a database" in text or "malformed" in text or "encrypted" in text:
        return errors.Corrupt(path)
    if "foreign key constraint" in text:  # what it pointed at was deleted, in another terminal
        return errors.Gone(path)
    return errors.StoreError(path, str(exc))


_NAME = re.compile(r"[a-z_][a-z0-9_]*")


def _column(name: str) -> str:
    """``name`` as a quoted column, after checking it is a plain column name."""
    if not _NAME.fullmatch(name):
        raise ValueError(f"not a column name: {name!r}")
    return f"[{name}]"


def _ordering(name: str) -> str:
    return f"{_column(name[1:])} DESC" if name.startswith("-") else _column(name)


def _condition(column: str, value: object) -> tuple[str, list[object]]:
    """The SQL test that ``column`` has ``value``, with its parameters."""
    if value is None:
        return f"{column} IS NULL", []
    if isinstance(value, list | tuple | set | frozenset):
        values = list(value)
        return f"{column} IN ({', '.join('?' * len(values))})" if values else "0", values
    return f"{column} = ?", [value]


def _rows(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] | dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The rows of ``sql`` as dicts keyed by column name (as sqlite-utils' ``query`` gives them)."""
    cursor = conn.execute(sql, params)
    keys = [column[0] for column in cursor.description or ()]
    for row in cursor:
        yield dict(zip(keys, row, strict=True))


def problem(exc: ValueError) -> str:
    """What is wrong with a row, in a few words: the first field pydantic refused, or the JSON error."""
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        return f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"
    return str(exc)


def create_file(path: Path, shared: bool = False) -> None:
    """Create an empty workshop file: private to its owner (0600), or group-shared (0660)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = 0o660 if shared else 0o600
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, mode)
    os.close(fd)
    os.chmod(path, mode)  # the umask may have taken bits the owner asked for


class WorkshopStore:
    """An open workshop file. Safe to call from any thread; every method holds the lock."""

    def __init__(self, path: Path, conn: sqlite3.Connection, readonly: bool) -> None:
        self.path = path
        self.readonly = readonly
        self._conn = conn
        self._db: sqlite_utils.Database | None = None
        self._lock = threading.RLock()
        self.terminal = history.terminal_name()
        """The name this store's actions are recorded under; a terminal undoes only its own."""
        self._draft_numbers = itertools.count(1)
        self._numbers_lock = threading.Lock()  # not the store's: a long write must not stall the UI
        self._newest_draft: dict[str, int] = {}
        self._depth = 0
        """How many write() blocks are open on the thread holding the lock (0: none)."""
        self._mine: dict[str, int] = {}
        """How far this connection's own commits moved each change count (see :meth:`others_changes`)."""
        self._closed = False
        self.damaged: dict[tuple[str, object], str] = {}
        """Rows read but left out because they cannot be read (table and id → the problem)."""
        self._mode = path.stat().st_mode & 0o777 if path.exists() else 0o600

    @property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over this store's connection, for writes and migrations: made when first
        written, so that opening a file and its first screen's reads (plain sqlite3) do not import it."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self._conn, execute_plugins=False)  # no entry-point scan, no hooks
        return self._db

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, *, create: bool = False, shared: bool = False,
             readonly: bool = False) -> WorkshopStore:
        """Open (or with ``create``, make) a workshop file, migrating it to this version.

        Raises a :class:`~data.errors.StoreError` whose message says what to do.
        """
        path = Path(path).expanduser()
        if path.is_dir():
            raise errors.NotAWorkshop(path)
        created = not path.exists()
        if created:
            if not create:
                raise errors.NotFound(path)
            try:
                create_file(path, shared)
            except OSError as exc:
                raise errors.ReadOnly(path, str(exc)) from exc
        else:
            cls._check_header(path)
            if not readonly and not os.access(path, os.W_OK):
                raise errors.ReadOnly(path)
        store = cls(path, cls._connect(path, readonly), readonly)
        try:
            store._prepare(created)
        except BaseException:
            store._conn.close()
            raise
        return store

    @staticmethod
    def _check_header(path: Path) -> None:
        """Refuse, before SQLite touches it, a file that is empty or not an SQLite database."""
        try:
            with path.open("rb") as file:
                header = file.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise errors.ReadOnly(path, exc.strerror or str(exc)) from exc
        if not header:
            raise errors.EmptyFile(path)
        if header != SQLITE_HEADER:
            raise errors.NotAWorkshop(path)

    @staticmethod
    def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
        uri = f"file:{path}?mode=ro" if readonly else f"file:{path}"
        if readonly and not os.access(path.parent, os.W_OK) and not Path(f"{path}-wal").exists():
            # A read-only folder (a CD, a read-only mount): SQLite cannot create the -shm file
            # a WAL database needs even to read it, so read it as the immutable file it is.
            uri += "&immutable=1"
        try:
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False,
                                   timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except sqlite3.Error as exc:
            raise _fail(exc, path) from exc
        return conn

    def _prepare(self, created: bool = False) -> None:
        try:
            self._check_identity(created)
            if not self.readonly:
                self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                self._conn.execute("PRAGMA journal_mode = WAL")
                self._conn.execute("PRAGMA synchronous = NORMAL")
                self._migrate()
            self._conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError as exc:
            raise _fail(exc, self.path) from exc

    def _check_identity(self, created: bool) -> None:
        """Only a rembuk file, or one this call has just created, is opened (and migrated)."""
        app_id = self._conn.execute("PRAGMA application_id").fetchone()[0]
        tables = self._conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        fresh = created and app_id == 0 and not tables and not self.readonly
        if app_id != APPLICATION_ID and not fresh:
            raise errors.NotAWorkshop(self.path)
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise errors.NewerVersion(self.path)
        if version < 0:  # migrations would run from the end of the list
            raise errors.Corrupt(self.path)

    def schema_version(self) -> int:
        """The schema version recorded in the file."""
        version: int = self._conn.execute("PRAGMA user_version").fetchone()[0]
        return version

    def _migrate(self) -> None:
        start = self.schema_version()
        if start == SCHEMA_VERSION:
            return
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            for number in range(start, SCHEMA_VERSION):
                MIGRATIONS[number](self.db)
            history.refresh_triggers(self.db)  # tables and columns added since are recorded too
            track_changes(self.db)
            self._conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self._conn.execute("COMMIT")
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        """Checkpoint and close. Safe to call twice, and from a signal handler.

        Afterwards every call raises :class:`~data.errors.Closed`, so a worker still running
        after a hang-up touches nothing.
        """
        with self._lock:
            self._closed = True
            try:
                if not self.readonly:
                    self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            except sqlite3.Error:
                pass
            self._conn.close()

    # -- transactions ----------------------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator[sqlite_utils.Database]:
        """One write transaction, committed on exit; nested, a savepoint inside the outer one.

        The outermost ``write()`` is a ``BEGIN IMMEDIATE`` transaction that retries when another
        process holds the file. A ``write()`` inside it (a :meth:`save` in a multi-step edit) is a
        SQLite savepoint: if it fails, only its own changes are undone and the exception goes on
        to the caller; nothing reaches the disk until the outermost one commits, as with
        sqlite-utils' ``atomic()``. Any SQLite failure (a full disk, an I/O error) rolls back and
        becomes a StoreError.
        """
        with self._lock:
            self._check_open()
            if self._depth:
                with self._savepoint():
                    yield self.db
                return
            self._check_file()
            self._begin()
            self._depth = 1
            try:
                history.begin_action(self._conn, self.terminal)  # one user action per transaction
                before = self._counts()
                yield self.db
                history.end_action(self._conn)
                after = self._counts()
                self._conn.execute("COMMIT")
                for table, n in after.items():
                    self._mine[table] = self._mine.get(table, 0) + n - before.get(table, 0)
            except sqlite3.Error as exc:
                self._rollback()
                raise _fail(exc, self.path) from exc
            except BaseException:
                self._rollback()
                raise
            finally:
                self._depth = 0

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        name = f"rembuk_{self._depth}"
        self._conn.execute(f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield
        except sqlite3.Error as exc:
            self._undo_savepoint(name)
            raise _fail(exc, self.path) from exc
        except BaseException:
            self._undo_savepoint(name)
            raise
        else:
            self._conn.execute(f"RELEASE {name}")
        finally:
            self._depth -= 1

    def _undo_savepoint(self, name: str) -> None:
        # After some failures SQLite has already rolled the whole transaction back; the outer
        # write() then rolls back too, so a missing savepoint is not a second error.
        if self._conn.in_transaction:
            try:
                self._conn.execute(f"ROLLBACK TO {name}")
                self._conn.execute(f"RELEASE {name}")
            except sqlite3.Error:
                pass

    def _check_open(self) -> None:
        if self._closed:
            raise errors.Closed(self.path)

    def _rollback(self) -> None:
        # SQLite has already rolled back after some failed COMMITs (SQLITE_FULL, IOERR):
        # a second ROLLBACK would raise "no transaction is active" over the real error.
        if self._conn.in_transaction:
            try:
                self._conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    def _check_file(self) -> None:
        """If the file was deleted underneath, write it back from this connection and say so.

        Without this, SQLite would go on writing into the deleted file, and everything
        confirmed since would vanish when the app closed.
        """
        if self.readonly or self.path.exists():
            return
        spare = self.path.with_name(self.path.name + ".restoring")
        spare.unlink(missing_ok=True)
        try:
            self._conn.execute("VACUUM INTO ?", (str(spare),))
        except sqlite3.Error as exc:
            raise _fail(exc, self.path) from exc
        os.chmod(spare, self._mode)
        self._conn.close()  # checkpoints into the deleted file
        for suffix in ("-wal", "-shm"):
            # SQLite leaves a deleted file's WAL behind; opened beside the copy, its frames would be
            # replayed onto pages that no longer match (the copy is vacuumed) and damage it.
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        os.replace(spare, self.path)
        self._conn = self._connect(self.path, readonly=False)
        self._db = None  # made again over the new connection
        self._prepare()
        raise errors.Restored(self.path)

    def _begin(self) -> None:
        if self.readonly:
            raise errors.ReadOnly(self.path)
        for attempt in range(WRITE_RETRIES):
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise _fail(exc, self.path) from exc
                time.sleep(0.05 * (attempt + 1))
        raise errors.Busy(self.path)

    def query(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        """Rows of a read-only query, as dicts."""
        with self._lock:
            self._check_open()
            try:
                return list(_rows(self._conn, sql, params))
            except sqlite3.DatabaseError as exc:
                raise _fail(exc, self.path) from exc

    def data_version(self) -> int:
        """Changes when another connection commits: poll it to notice other terminals' edits."""
        with self._lock:
            self._check_open()
            try:
                version: int = self._conn.execute("PRAGMA data_version").fetchone()[0]
                return version
            except sqlite3.Error as exc:
                raise _fail(exc, self.path) from exc

    def changes(self) -> dict[str, int]:
        """How many changes each of the workshop's own tables has seen: not drafts, not the live room.

        Read when :meth:`data_version` moved, to tell a real change from a heartbeat and to say
        which tables it touched (see :func:`~data.schema.track_changes`); empty for a file too
        old to count (one opened read-only without migrating).
        """
        try:
            rows = self.query("SELECT tbl, n FROM changes")
        except errors.StoreError:
            return {}
        return {row["tbl"]: row["n"] for row in rows}

    def counts(self, tables: Iterable[str] | None) -> dict[str, int | None] | None:
        """The change counts of ``tables`` (None: of every table) now, see :meth:`changes`; None
        for a file too old to count.

        Read before what a screen shows is read, two equal counts mean that none of ``tables``
        changed in between: what it shows is still what the file holds, and need not be read again.
        """
        changes = self.changes()
        return {table: changes.get(table) for table in (changes if tables is None else tables)} if changes else None

    def others_changes(self) -> dict[str, int]:
        """:meth:`changes` less what this connection's own commits added: moves only when another
        terminal changes a table, so a terminal is not told again of what it did itself."""
        with self._lock:  # no write of ours between the read and the subtraction
            return {table: n - self._mine.get(table, 0) for table, n in self.changes().items()}

    def _counts(self) -> dict[str, int]:
        """The change counts, inside a write transaction (none in a file without them)."""
        try:
            return dict(self._conn.execute("SELECT tbl, n FROM changes").fetchall())
        except sqlite3.OperationalError:  # no such table: a file opened during its migration
            return {}

    def content_version(self) -> int:
        """All the workshop's changes in one number: moves whenever any of :meth:`changes` does."""
        return sum(self.changes().values())

    # -- the workshop and its reference data -----------------------------------------------

    def workshop(self) -> Workshop:
        """The workshop's header fields."""
        rows = self.query("SELECT data FROM workshop WHERE id = 1")
        if not rows:
            raise errors.DamagedRow.of(self.path, {("workshop", 1): "missing"})
        return self._one(Workshop, "workshop", 1, rows[0]["data"])

    def _one(self, cls: type[S], table: str, row_id: object, data: str) -> S:
        """A row that cannot be left out (the workshop's header, its reference data)."""
        try:
            return cls.model_validate_json(data)
        except ValueError as exc:
            raise errors.DamagedRow.of(self.path, {(table, row_id): problem(exc)}) from exc

    def save_workshop(self, workshop: Workshop) -> None:
        """Replace the workshop's header fields."""
        with self.write() as db:
            db.table("workshop").upsert({"id": 1, "data": workshop.model_dump_json()}, pk="id")

    def reference(self) -> ReferenceData:
        """The reference data this workshop was set up with (or switched to)."""
        rows = self.query("SELECT data FROM reference WHERE key = 'reference'")
        if not rows:
            raise errors.DamagedRow.of(self.path, {("reference", "reference"): "missing"})
        return self._one(ReferenceData, "reference", "reference", rows[0]["data"])

    def save_reference(self, reference: ReferenceData) -> None:
        """Replace the workshop's reference data (a risk-scale variant, a corrected label)."""
        self._put_setting("reference", reference.model_dump_json())

    def quick_win_weights(self) -> dict[str, int]:
        """The workshop's own quick-win weights, by criterion (empty: use the defaults)."""
        rows = self.query("SELECT data FROM reference WHERE key = 'quick_win_weights'")
        return json.loads(rows[0]["data"]) if rows else {}

    def save_quick_win_weights(self, weights: dict[str, int]) -> None:
        """Store the workshop's quick-win weights."""
        self._put_setting("quick_win_weights", json.dumps(weights, sort_keys=True))

    def _put_setting(self, key: str, data: str) -> None:
        with self.write() as db:
            db.table("reference").upsert({"key": key, "data": data}, pk="key")

    # -- stored items ----------------------------------------------------------------------

    def all(self, cls: type[S], /, *, order: tuple[str, ...] = ("rowid",), limit: int | None = None,
            **where: object) -> list[S]:
        """Every stored ``cls`` whose columns equal the ``where`` keywords, in ``order``.

        ``store.all(Risk, innovation_id=7, order=("-created_at", "id"))``: a keyword's value is
        compared for equality (``None``: no value; a list, tuple or set: any of its values), and
        ``order`` names columns, a leading ``-`` for descending. Queries that need more than this
        are named functions in ``data/`` that call :meth:`select`.
        """
        clauses, params = [], []
        for column, value in where.items():
            clause, values = _condition(_column(column), value)
            clauses.append(clause)
            params += values
        sql = f"SELECT * FROM {TABLES[cls]}" + (" WHERE " + " AND ".join(clauses) if clauses else "")
        sql += " ORDER BY " + ", ".join(_ordering(name) for name in order)
        if limit is not None:
            sql, params = sql + " LIMIT ?", [*params, limit]
        return self.select(cls, sql, tuple(params))

    def each(self, cls: type[S], /) -> Iterator[S]:
        """Every stored ``cls`` in ``rowid`` order, as :meth:`all` gives them, but one at a time.

        For reading a whole large table without holding it (the streamed bundle); run it inside
        :meth:`snapshot`, so that the rows are those of one moment. Damaged rows are left out and
        noted in :attr:`damaged`, as :meth:`select` does.
        """
        for row in self.each_row(f"SELECT * FROM {TABLES[cls]} ORDER BY {_ordering('rowid')}"):
            if (item := self._item(cls, row)) is not None:
                yield item

    def each_row(self, sql: str, params: tuple[Any, ...] = ()) -> Generator[dict[str, Any], None, None]:
        """The rows of a read-only query as dicts, one at a time (inside :meth:`snapshot`)."""
        with self._lock:
            self._check_open()
            try:
                yield from _rows(self._conn, sql, params)
            except sqlite3.DatabaseError as exc:
                raise _fail(exc, self.path) from exc

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """One read transaction: every read inside the block sees the file as it was at its start."""
        with self._lock:
            self._check_open()
            self._conn.execute("BEGIN")
            try:
                yield
            finally:
                self._conn.execute("COMMIT")

    def select(self, cls: type[S], sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[S]:
        """The rows of a ``SELECT`` over ``cls``'s table (written in ``data/``), as models.

        A row that cannot be read is left out and noted in :attr:`damaged`: one bad row among
        thousands (written behind rembuk's back, or by a damaged disk) must not take the whole
        workshop down; the rest is shown, and the row is named.
        """
        return [item for row in self.query(sql, params) if (item := self._item(cls, row)) is not None]

    def _item(self, cls: type[S], row: dict[str, Any]) -> S | None:
        try:
            return from_row(cls, row)
        except ValueError as exc:  # pydantic's ValidationError, or JSON that does not parse
            self.damaged[(TABLES[cls], row.get("id", "?"))] = problem(exc)
            return None

    def get(self, cls: type[S], item_id: int) -> S:
        """One stored item by id; :class:`~data.errors.Gone` if it no longer exists."""
        found = self.all(cls, id=item_id)
        if not found:
            raise errors.Gone(self.path)
        return found[0]

    def save(self, item: S) -> S:
        """Insert a new item or update an existing one; returns it with its id and new version.

        An update applies only if the stored version is still the one the item was read at;
        otherwise :class:`~data.errors.StaleEdit` (someone else saved it in between) or
        :class:`~data.errors.Gone` (someone deleted it). Inside a :meth:`write` block it is
        part of that block's transaction.
        """
        with self.write() as db:
            table = TABLES[type(item)]
            if not isinstance(item, Stored):
                db.table(table).upsert(to_row(item), pk=db.table(table).pks)
                return item
            if item.id is None:
                row = to_row(item)
                row.pop("id")
                new_id = db.table(table).insert(row).last_pk
                return item.model_copy(update={"id": new_id})
            return self._update(db, table, item)

    def _update(self, db: sqlite_utils.Database, table: str, item: T) -> T:
        """Write ``item`` if the row is still at the version it was read at, under a version the
        row never had (:func:`~data.history.next_version_sql`: an undo puts old numbers back)."""
        found = db.execute(f"SELECT version, {history.next_version_sql(table)} FROM {table} WHERE id = ?",
                           [item.id]).fetchone()
        if found is None:
            raise errors.Gone(self.path)
        if found[0] != item.version:
            raise errors.StaleEdit(self.path)
        saved = item.model_copy(update={"version": found[1]})
        row = to_row(saved)
        columns = ", ".join(f"[{c}] = :{c}" for c in row if c != "id")
        db.execute(f"UPDATE {table} SET {columns} WHERE id = :id", row)
        return saved

    def save_all(self, items: list[S]) -> list[S]:
        """Save several items in one transaction: all of them, or none."""
        with self.write():
            return [self.save(item) for item in items]

    def delete(self, cls: type[Stored], item_id: int) -> None:
        """Delete one item by id (its dependants are the caller's to handle first)."""
        with self.write() as db:
            db.execute(f"DELETE FROM {TABLES[cls]} WHERE id = ?", [item_id])

    # -- drafts: half-typed text that must survive a crash ---------------------------------

    def draft(self, key: str) -> str:
        """The draft saved under ``key``, or an empty string."""
        rows = self.query("SELECT text FROM drafts WHERE key = ?", (key,))
        return rows[0]["text"] if rows else ""

    def draft_number(self) -> int:
        """The number of a draft write decided now: take it on the UI thread, when deciding.

        Draft writes run in worker threads and can land in another order than they were
        decided; :meth:`save_draft` uses the number so that an older write never replaces a
        newer one.
        """
        with self._numbers_lock:
            return next(self._draft_numbers)

    def save_draft(self, key: str, text: str, number: int | None = None) -> bool:
        """Keep half-typed text under ``key``; an empty text removes the draft.

        With ``number`` (from :meth:`draft_number`), the write is skipped when a newer one for
        ``key`` has landed already; returns whether it was written.
        """
        with self._lock:
            if number is not None and number < self._newest_draft.get(key, 0):
                return False
            with self.write() as db:
                if text:
                    db.table("drafts").upsert(
                        {"key": key, "text": text, "updated_at": datetime.now().isoformat()}, pk="key"
                    )
                else:
                    db.execute("DELETE FROM drafts WHERE key = ?", [key])
            self._newest_draft[key] = max(number or 0, self._newest_draft.get(key, 0))
            return True

    def outrank_drafts(self, key: str) -> None:
        """Count what was just written for ``key`` (a note's commit) as newer than every draft
        write decided so far, so that none of them brings the committed text back."""
        with self._lock:
            self._newest_draft[key] = self.draft_number()

    # -- the whole workshop ----------------------------------------------------------------

    def bundle(self) -> Bundle:
        """The whole workshop as one consistent value (read in one transaction)."""
        from data.bundle import read_bundle

        with self.snapshot():
            return read_bundle(self)

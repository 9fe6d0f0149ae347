"""The JSON bundle: a whole workshop in one file, exported and imported losslessly.

Format: one JSON object, the :class:`core.models.Bundle` model (``rembuk schema`` prints its
JSON Schema). Ids are kept, so references between rows survive the round trip, and the output
is deterministic (sorted keys, fixed indentation): export, import, export gives the same bytes.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from core.i18n import _
from core.models import (
    BUNDLE_VERSION,
    ActionStep,
    Agency,
    AgendaItem,
    Attendance,
    Bundle,
    Innovation,
    Model,
    Note,
    Origin,
    Participant,
    QuickWinScore,
    Risk,
)
from core.models.bundle import BUNDLE_FORMAT
from data import errors, history
from data.reference import default_agencies, default_agenda, reference_data
from data.rows import TABLES, to_row

if TYPE_CHECKING:
    from sqlite_utils import Database

    from core.models import ReferenceData, Workshop
    from data.store import WorkshopStore

ITEMS: dict[str, type[Model]] = {
    "agencies": Agency,
    "participants": Participant,
    "attendance": Attendance,
    "innovations": Innovation,
    "action_steps": ActionStep,
    "risks": Risk,
    "notes": Note,
    "quick_win_scores": QuickWinScore,
    "agenda_items": AgendaItem,
    "origins": Origin,
}
"""Bundle field → model, in an order that satisfies foreign keys on import."""


def read_bundle(store: WorkshopStore) -> Bundle:
    """Read everything in ``store`` into a :class:`Bundle` (the caller holds a transaction)."""
    # An older file opened read-only is not migrated: a table added since is simply empty.
    items = {name: store.all(cls) for name, cls in ITEMS.items() if store.db.table(TABLES[cls]).exists()}
    return Bundle(
        workshop=store.workshop(),
        reference=store.reference(),
        quick_win_weights=store.quick_win_weights(),
        history=history.read_all(store),
        **items,
    )


def write_bundle(store: WorkshopStore, bundle: Bundle, source: Path | str = "") -> None:
    """Write a whole bundle into an empty, freshly created store, in one transaction.

    The rows written are not recorded as an action: the bundle brings its own record.
    References are checked once everything is in (a row may point at one later in the
    bundle): one that points at nothing is named, and nothing is written.
    """
    with store.write() as db:
        history.suspend(db)
        db.execute("PRAGMA defer_foreign_keys = ON")
        db.table("workshop").insert({"id": 1, "data": bundle.workshop.model_dump_json()})
        db.table("reference").insert({"key": "reference", "data": bundle.reference.model_dump_json()})
        if bundle.quick_win_weights:
            weights = json.dumps(bundle.quick_win_weights, sort_keys=True)
            db.table("reference").insert({"key": "quick_win_weights", "data": weights})
        for name, cls in ITEMS.items():
            rows = [to_row(item) for item in getattr(bundle, name)]
            if rows:
                db.table(TABLES[cls]).insert_all(rows)
        history.write_all(db, bundle.history)
        _check_references(db, source)


def _check_references(db: Database, source: Path | str) -> None:
    """Raise :class:`~data.errors.BadReference` for the first row that points at a missing one."""
    broken = db.execute("PRAGMA foreign_key_check").fetchone()
    if broken is None:
        return
    table, rowid, parent, key = broken
    link = next(f for f in db.execute(f"PRAGMA foreign_key_list([{table}])").fetchall() if f[0] == key)
    column = link[3]
    row_id, value = db.execute(f"SELECT rowid, [{column}] FROM [{table}] WHERE rowid = ?", [rowid]).fetchone()
    raise errors.BadReference(source, _("store.bundle.reference", table=table, id=row_id, column=column,
                                        parent=parent, value=value))


def new_bundle(workshop: Workshop, reference: ReferenceData | None = None,
               agency_list: str = "kabupaten") -> Bundle:
    """A fresh workshop: the shipped reference data, an agency list and the stage's agenda."""
    agencies = [a.model_copy(update={"id": n}) for n, a in enumerate(default_agencies(agency_list), 1)]
    agenda = [item.model_copy(update={"id": n}) for n, item in enumerate(default_agenda(workshop.stage), 1)]
    return Bundle(workshop=workshop, reference=reference or reference_data(), agencies=agencies,
                  agenda_items=agenda)


def dumps(bundle: Bundle) -> str:
    """The bundle as deterministic JSON text."""
    return json.dumps(bundle.model_dump(mode="json"), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def chunks(store: WorkshopStore) -> Iterator[str]:
    """The text :func:`dumps` gives for ``store.bundle()``, piece by piece, never holding it whole.

    Each table is read one row at a time (:meth:`~data.store.WorkshopStore.each`) and each row
    dumped as it comes, so a large workshop's export stays small in memory; the caller holds a
    read transaction (``store.snapshot()``) so the pieces are of one moment. The text is the same,
    byte for byte: the keys in sorted order, each value indented as ``json.dumps(indent=1)`` does
    at its depth (a JSON string has no raw line break, so indenting after each one is exact).
    """
    # An older file opened read-only is not migrated: a table added since is simply empty.
    tables = {name: store.each(cls) if store.db.table(TABLES[cls]).exists() else iter(())
              for name, cls in ITEMS.items()}
    values: dict[str, object] = {
        "format": BUNDLE_FORMAT,
        "bundle_version": BUNDLE_VERSION,
        "workshop": store.workshop().model_dump(mode="json"),
        "reference": store.reference().model_dump(mode="json"),
        "quick_win_weights": _WEIGHTS.validate_python(store.quick_win_weights()),  # as the Bundle field
        "history": (action.model_dump(mode="json") for action in history.each_action(store)),
        **{name: (item.model_dump(mode="json") for item in items) for name, items in tables.items()},
    }
    if set(values) != set(Bundle.model_fields):  # a field added to Bundle must be streamed too
        raise AssertionError(f"bundle fields not streamed: {set(Bundle.model_fields) ^ set(values)}")
    yield "{"
    for number, key in enumerate(sorted(values)):
        yield ("," if number else "") + "\n " + json.dumps(key) + ": "
        value = values[key]
        yield from _list_chunks(value) if isinstance(value, Iterator) else (_indented(value, 1),)
    yield "\n}\n"


_WEIGHTS = TypeAdapter(dict[str, int])


def _list_chunks(items: Iterator[object]) -> Iterator[str]:
    """A JSON list at depth 1, one item at a time, as ``json.dumps(indent=1)`` writes it."""
    empty = True
    for item in items:
        yield ("[" if empty else ",") + "\n  " + _indented(item, 2)
        empty = False
    yield "[]" if empty else "\n ]"


def _indented(value: object, depth: int) -> str:
    """``value`` as :func:`dumps` writes it ``depth`` levels down."""
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True).replace("\n", "\n" + " " * depth)


def loads(text: str, source: Path | str = "") -> Bundle:
    """Parse bundle JSON; :class:`~data.errors.BadBundle` with the first problem otherwise."""
    try:
        bundle = Bundle.model_validate_json(text)
    except ValidationError as exc:
        raise errors.BadBundle(source, _refusal(exc.errors()[0])) from exc
    _check_unique_ids(bundle, source)
    return bundle


def _refusal(first: ErrorDetails) -> str:
    """The first thing wrong with a bundle; pydantic's JSON parser says it in English, so not that."""
    if first["type"] == "json_invalid":
        found = re.search(r"line (\d+) column (\d+)", str(first.get("ctx", {}).get("error", "")))
        line, column = found.groups() if found else ("?", "?")
        return _("store.bundle.not_json", line=line, column=column)
    where = ".".join(str(p) for p in first["loc"])
    return f"{where}: {first['msg']}"


def _check_unique_ids(bundle: Bundle, source: Path | str) -> None:
    """Two rows of one kind with the same id: say which, instead of SQLite's UNIQUE failure."""
    for name in ITEMS:
        counts = Counter(getattr(item, "id", None) for item in getattr(bundle, name))
        twice = sorted(i for i, n in counts.items() if i is not None and n > 1)
        if twice:
            raise errors.BadBundle(source, _("store.bundle.duplicate", items=name, id=twice[0],
                                             count=counts[twice[0]]))


def schema() -> str:
    """The JSON Schema of the bundle format."""
    return json.dumps(Bundle.model_json_schema(), indent=2, sort_keys=True) + "\n"

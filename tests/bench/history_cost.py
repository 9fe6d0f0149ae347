"""What the change record costs: `python -m tests.bench.history_cost [--saves N] [--scale K]`.

Two copies of the stress workshop (`data.stress`), one with the record's triggers and one with
them dropped, go through the same work in one process, alternately:

- saving a note (`capture_note`, the note line's whole write: the note and its draft), timed
  one by one, median and 90th percentile;
- a session of edits (notes saved and edited, cards moved, steps edited, scores typed, cards
  deleted with their steps and risks, some undone), after which the WAL is checkpointed and
  the file sizes compared.

This reports; it asserts nothing.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path

from core.models import ActionStep, Innovation, Note
from data import actions, quick_wins, undo
from data import innovations as board
from data.history import OPS, recorded_tables
from data.notes import capture_note
from data.store import WorkshopStore
from data.stress import StressSize, create_stress


def without_record(store: WorkshopStore) -> None:
    """Drop the triggers: the file as it would be without the change record."""
    for table in recorded_tables(store.db):
        for op in OPS:
            store.db.execute(f"DROP TRIGGER IF EXISTS [history_{table}_{op}]")


def time_note_saves(stores: dict[str, WorkshopStore], saves: int) -> dict[str, list[float]]:
    """Milliseconds per note save, for each store, saves interleaved."""
    times: dict[str, list[float]] = {name: [] for name in stores}
    for n in range(saves):
        for name, store in stores.items():
            store.save_draft("capture", f"catatan {n}")
            note = Note(text=f"Catatan nomor {n} tentang layanan data terpadu", created_at=datetime.now())
            start = time.perf_counter()
            capture_note(store, note)
            times[name].append((time.perf_counter() - start) * 1000)
    return times


def session(store: WorkshopStore, edits: int, recorded: bool) -> None:
    """A busy workshop day's edits, the same on every store (a deletion taken back by Ctrl+Z where
    there is a record, else by the board's own restore)."""
    cards = store.all(Innovation, dimension="GOV", limit=edits)
    steps = store.all(ActionStep, limit=edits)
    for n in range(edits):
        note = store.save(Note(text=f"Sesi catatan {n}", created_at=datetime(2024, 7, 2, 10)))
        store.save(note.model_copy(update={"text": f"Sesi catatan {n}, diperbaiki"}))
        board.move_to_group(store, store.get(Innovation, cards[n].id), board.Grouping.ELEMENT, "GOV-2")
        actions.update_step(store, store.get(ActionStep, steps[n].id).model_copy(update={"target": "100%"}))
        quick_wins.set_score(store, cards[n].id, "impact", n % 5 + 1)
        if n % 10 == 0:
            deleted = board.delete(store, cards[-1 - n // 10].id)
            if recorded:
                undo.undo(store)
            else:
                board.restore(store, deleted)


def file_size(store: WorkshopStore) -> int:
    """The workshop file's size with everything checkpointed out of the WAL."""
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return store.path.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=200)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--scale", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        recorded = Path(folder) / "recorded.rembuk"
        create_stress(recorded, StressSize().scaled(args.scale)).close()
        shutil.copy(recorded, Path(folder) / "bare.rembuk")
        stores = {"with the record": WorkshopStore.open(recorded),
                  "without": WorkshopStore.open(Path(folder) / "bare.rembuk")}
        without_record(stores["without"])
        start_sizes = {name: file_size(s) for name, s in stores.items()}
        for name, ms in time_note_saves(stores, args.saves).items():
            ms.sort()
            print(f"save a note, {name}: median {statistics.median(ms):.2f} ms, "
                  f"p90 {ms[int(len(ms) * 0.9)]:.2f} ms")
        for name, store in stores.items():
            session(store, args.edits, recorded=name == "with the record")
            size = file_size(store)
            print(f"file after {args.saves} notes and a session of {args.edits}×6 edits, {name}: "
                  f"{size / 2**20:.1f} MiB (stress file at start {start_sizes[name] / 2**20:.1f} MiB)")
            store.close()


if __name__ == "__main__":
    main()

"""`rembuk export bundle` streams: the same bytes as the bundle held whole, in a fraction of the memory."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from core.models import Note
from data import undo
from data.bundle import dumps
from data.store import WorkshopStore
from data.workshops import export_bundle
from tests.tui.test_cli import assert_one_clear_line, rembuk

PEAK_RSS = """
import sys
from tui.cli import main
try:
    main(sys.argv[1:], prog_name="rembuk")
except SystemExit as end:
    peak = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:"))
    print(peak, end.code)
"""
"""Runs the CLI in this process, then prints its own peak RSS (KiB) and exit code. (VmHWM, not
getrusage: Linux carries ru_maxrss over exec, so a child of a large pytest process would report
the parent's size.)"""


def test_the_streamed_bundle_is_the_whole_bundle_byte_for_byte(demo_path: Path, tmp_path: Path) -> None:
    store = WorkshopStore.open(demo_path)
    whole = dumps(store.bundle())
    assert export_bundle(store) == whole
    store.close()
    out = tmp_path / "demo.json"
    result = rembuk("export", "bundle", str(demo_path), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == whole.encode("utf-8")


def test_a_record_with_undone_and_unfinished_actions_streams_as_the_whole_bundle(workshop_path: Path) -> None:
    store = WorkshopStore.open(workshop_path)
    for text in ("Dinkes: data stunting", "Bappeda: anggaran", "Diskominfo: é ü 漢字 \\ \" \t"):
        store.save(Note(text=text, created_at="2024-07-02T09:00:00"))
    undo.undo(store)
    store.close()
    with sqlite3.connect(workshop_path) as conn:  # an action still open: another program mid-write
        conn.execute("INSERT INTO history_actions (at, terminal, kind, open) VALUES ('2024-07-02T10:00:00', 'x', "
                     "'do', 1)")
        conn.execute("INSERT INTO history_changes (action_id, tbl, row_key, op, old, new) "
                     "VALUES (last_insert_rowid(), 'notes', '1', 'update', NULL, NULL)")
    conn.close()
    store = WorkshopStore.open(workshop_path)
    bundle = store.bundle()
    assert len(bundle.history) == 4 and bundle.notes  # the open action is not in the record
    assert export_bundle(store) == dumps(bundle)
    store.close()


def test_a_damaged_row_leaves_the_old_bundle_as_it_was(workshop_path: Path, tmp_path: Path) -> None:
    store = WorkshopStore.open(workshop_path)
    store.save_all([Note(text=f"catatan {n}", created_at="2024-07-02T09:00:00") for n in range(50)])
    store.close()
    with sqlite3.connect(workshop_path) as conn:
        conn.execute("UPDATE notes SET kind = 'rumor' WHERE id = 40")
    conn.close()
    out = tmp_path / "bundle.json"
    out.write_text("yesterday's bundle", encoding="utf-8")
    assert_one_clear_line(rembuk("export", "bundle", str(workshop_path), "-o", str(out), "--force"), "notes row 40")
    assert out.read_text(encoding="utf-8") == "yesterday's bundle"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["bundle.json", workshop_path.name]), "left a temp file"
    fresh = tmp_path / "fresh.json"
    assert_one_clear_line(rembuk("export", "bundle", str(workshop_path), "-o", str(fresh)), "notes row 40")
    assert not fresh.exists()


def test_the_stress_workshop_exports_without_holding_its_bundle(tmp_path: Path) -> None:
    """The bundle of the stress workshop is about 21 MB of JSON; held whole, as models, dicts and text,
    the export peaked above 300 MB (over 1 GB at 4x). Streamed it stays near the interpreter's own size."""
    workshop, out = tmp_path / "stress.rembuk", tmp_path / "stress.json"
    subprocess.run([sys.executable, "-m", "data.stress", str(workshop)], check=True, capture_output=True)
    result = subprocess.run([sys.executable, "-c", PEAK_RSS, "export", "bundle", str(workshop), "-o", str(out)],
                            capture_output=True, text=True, timeout=300)
    peak_kib, code = result.stdout.split()
    assert code == "0", result.stderr
    assert out.stat().st_size > 20_000_000
    assert int(peak_kib) < 150 * 1024, f"peak RSS {int(peak_kib) // 1024} MiB"

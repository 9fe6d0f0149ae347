"""What a second terminal spends while the first types a burst of notes (issue 13).

Terminal B sits on the stress workshop's first board (3,000 innovations, its dimension's
500 cards), or with ``--watch notes`` on the notes view, and does nothing; terminal A, on the
same file, types five notes (on the workshop, from the overview) at a typist's pace
(about 12 characters a second), each saved with Enter. Drafts of A's line reach the file every
half second. Reported: the bytes B wrote to its terminal and the CPU time B's process used,
from A's first key until two seconds after its last note.

    python -m tests.bench.second_terminal [--tree PATH] [--watch board|notes]

``--tree`` runs the rembuk source tree at PATH (e.g. a worktree of an older commit) with this
interpreter, to measure before and after a change.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.harness import PtyApp, ScreenContains

NOTES = ("Pasar ikan perlu cold storage", "Libatkan koperasi nelayan", "Data produksi dari Diskan",
         "Jadwal uji coba Agustus", "Anggaran dari APBD perubahan")
CHAR_SECONDS = 0.08


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of ``pid`` so far (/proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rembuk(tree: Path | None, *args: str) -> list[str]:
    if tree is None:
        return [str(Path(sys.executable).parent / "rembuk"), *args]
    return [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(tree)!r}); from tui.cli import main; main()",
            *args]


def type_notes(typist: PtyApp) -> None:
    typist.press("n", ScreenContains("Enter saves"))
    for note in NOTES:
        for char in note:
            typist._write(char.encode())
            time.sleep(CHAR_SECONDS)
        typist.press("enter", ScreenContains(f"Note: {note}"), timeout=30)


WATCHED = {"board": ("1", "Search (/)"), "notes": ("N", "Type to search the notes")}
"""Where terminal B waits: the key that opens it from the overview, and text that says it is open."""


def measure(tree: Path | None, watch: str = "board") -> tuple[int, float, float]:
    """(bytes B wrote, B's CPU seconds, wall seconds) over A's burst."""
    folder = Path(tempfile.mkdtemp(prefix="rembuk-second-"))
    path = folder / "stress.rembuk"
    env = {"REMBUK_DATA_DIR": str(folder), "REMBUK_LANG": "en"}
    from data.stress import create_stress

    if tree is None:
        create_stress(path).close()
    else:  # the older tree writes its own schema, which it can then open
        _fill_with_older_tree(tree, path)
    with PtyApp(rembuk(tree, "open", str(path)), env=env, cwd=tree).start() as watcher:
        watcher.wait_ready(ScreenContains("Latest notes"), timeout=60)
        key, shown = WATCHED[watch]
        watcher.press(key, ScreenContains(shown), settle=0.5, timeout=60)  # an older header clock drew every second
        with PtyApp(rembuk(tree, "open", str(path)), env=env, cwd=tree).start() as typist:
            typist.wait_ready(ScreenContains("Latest notes"), timeout=60)
            time.sleep(3)  # both settled, heartbeats under way
            start_bytes, start_cpu, started = watcher.bytes_out, cpu_seconds(watcher.pid), time.monotonic()
            type_notes(typist)
            time.sleep(2)
            return (watcher.bytes_out - start_bytes, cpu_seconds(watcher.pid) - start_cpu,
                    time.monotonic() - started)


def _fill_with_older_tree(tree: Path, path: Path) -> None:
    """The stress rows, written by the older tree's own code into its own file."""
    import subprocess

    code = (f"import sys; sys.path.insert(0, {str(tree)!r}); from pathlib import Path; "
            f"from data.stress import create_stress; create_stress(Path({str(path)!r})).close()")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=tree)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, help="the rembuk source tree to run (default: this one)")
    parser.add_argument("--watch", choices=sorted(WATCHED), default="board", help="where the second terminal waits")
    args = parser.parse_args()
    written, cpu, wall = measure(args.tree, args.watch)
    print(f"second terminal on the {args.watch} over a burst of {len(NOTES)} notes ({wall:.1f} s): "
          f"{written} bytes written, {cpu:.2f} s CPU")


if __name__ == "__main__":
    main()

"""A Bimtek series by keys alone, in a real terminal: set a new regency's workshop up, run an
agenda item while capturing notes (a follow-up with its agency and due date, from the note
line), finish the item with F6, export the minutes; create stage III from it, mark a carried
follow-up done, and find it done in stage III's minutes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REMBUK = str(Path(sys.executable).parent / "rembuk")
READY = "Smart Environment"


def open_app(terminal, path: Path):
    screen = terminal([REMBUK, "open", str(path)], term="xterm", env={"REMBUK_LANG": "en"})
    screen.wait_for(READY, timeout=30)
    return screen


def fill_header(screen) -> None:
    """w, then the header's fields in the form's order (Tab passes the choices between)."""
    screen.send("w")
    screen.wait_for("The workshop: minutes header")
    for text, tabs in [("Diskominfo Pandeglang", 1), ("Bimtek II Masterplan Smart City", 4), ("2/7/2024", 1),
                       ("08.30", 1), ("16.00", 2), ("Pendopo Pandeglang", 1), ("Ir. Budi Santoso", 3),
                       ("Dedi Kurnia", 0)]:
        screen.type(text)
        screen.send(*["Tab"] * tabs)
    screen.send("C-s")
    screen.wait_until(lambda shown: "complete the minutes header" not in shown, timeout=10)


def export_minutes(screen, path: Path) -> str:
    """p, e, Enter: the minutes as Markdown beside the workshop file."""
    screen.send("p")
    screen.wait_for("Notulen Rapat")  # the minutes come in the workshop's language
    screen.send("e")
    screen.wait_for("Export")
    screen.send("Enter")
    screen.wait_for("Wrote")
    target = path.with_name(f"{path.stem}-minutes.md")
    return target.read_text(encoding="utf-8")


@pytest.mark.e2e
def test_a_two_stage_series_by_keys(terminal, tmp_path):
    stage_2 = tmp_path / "pandeglang.rembuk"
    made = subprocess.run([REMBUK, "new", str(stage_2), "--region", "Kabupaten Pandeglang", "--stage", "II",
                           "--no-open"], capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, made.stderr
    screen = open_app(terminal, stage_2)
    fill_header(screen)

    screen.send("t")
    screen.wait_for("Registrasi peserta")
    screen.send("Down", "s")
    screen.wait_for("left")
    screen.send("n")
    screen.wait_for("Note →")
    screen.type("Kepala Dinas membuka Bimtek II")
    screen.send("Enter")
    screen.wait_for("Note: Kepala Dinas")
    screen.send("C-t", "C-t")
    screen.type("Bappeda mengirim daftar program RPJMD")
    screen.send("Tab")
    screen.type("bapp")
    screen.send("Tab")
    screen.type("31/7")
    screen.wait_for("due 31 July 2024 · Badan")  # read before Enter
    screen.send("Enter")
    screen.wait_for("Follow-up: Bappeda")
    screen.send("Escape")  # alone: Escape and a letter together arrive as Alt+letter
    screen.wait_until(lambda shown: "Note →" not in shown)
    screen.send("F6")
    screen.wait_for('finished "Pembukaan dan sambutan"')
    screen.send("f")
    screen.wait_for("✓")
    screen.send("Escape")
    screen.wait_for(READY)
    minutes = export_minutes(screen, stage_2)
    assert "Rapat dibuka pukul" in minutes and "oleh Ir. Budi Santoso." in minutes  # the workshop's language
    assert "Kepala Dinas membuka Bimtek II" in minutes and "| Pembukaan dan sambutan |" in minutes
    assert "- **Tempat:** Pendopo Pandeglang" in minutes and "- **Waktu:** pukul 08.30 s.d. 16.00 WIB" in minutes

    screen.send("Escape")
    screen.wait_for(READY)
    screen.send("S")
    screen.wait_for("Next stage")
    screen.send("Enter")
    screen.wait_for("rembuk open")
    screen.send("q")
    screen.wait_exit()

    stage_3 = tmp_path / "pandeglang-III.rembuk"
    again = open_app(terminal, stage_3)
    again.send("f")
    again.wait_for("Bappeda mengirim")
    again.send("space")
    again.wait_for("[✓] done")
    again.send("Escape")
    again.wait_for(READY)
    minutes_3 = export_minutes(again, stage_3)
    assert "Tindak Lanjut dari Tahap Sebelumnya" in minutes_3
    assert ("| 1 | Bappeda mengirim daftar program RPJMD | Tindak lanjut | Bappeda | 31 Juli 2024 | selesai "
            "| Bimtek II |") in minutes_3
    assert "Kepala Dinas membuka" not in minutes_3

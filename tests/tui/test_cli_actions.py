"""``rembuk export actions`` and ``rembuk export roadmap``, run as a user runs them."""

from __future__ import annotations

import csv
import io

from tests.tui.test_cli import assert_one_clear_line, rembuk


def test_actions_csv_of_the_demo_opens_as_a_spreadsheet_would(tmp_path):
    path, out = tmp_path / "demo.rembuk", tmp_path / "actions.csv"
    assert rembuk("new", str(path), "--demo", "--no-open").returncode == 0
    result = rembuk("export", "actions", str(path), "-o", str(out))
    assert result.returncode == 0, result.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0][:3] == ["Kode", "Dimensi", "Elemen"], "the workshop's language (id) by default"
    assert len(rows) > 56, "one row per step and year: more rows than the demo's 55 steps"
    assert all(len(row) == len(rows[0]) for row in rows)
    renja = [rows[0].index(name) for name in ("Pagu indikatif (Rp)", "Lokasi", "Sumber dana", "Prioritas")]
    assert renja == list(range(renja[0], renja[0] + 4)), "in the Renja table's order"
    placed = {(row[renja[1]], row[renja[3]]) for row in rows[1:]}
    assert ("Kecamatan Ciruas", "Prioritas Daerah") in placed and ("29 kecamatan", "Prioritas Nasional") in placed
    assert rembuk("export", "actions", str(path), "-o", str(out)).returncode == 2, "no overwrite without --force"


def test_actions_markdown_and_roadmap_in_english(tmp_path):
    path = tmp_path / "demo.rembuk"
    rembuk("new", str(path), "--demo", "--no-open")
    actions = rembuk("export", "actions", str(path), "--format", "md", "--lang", "en")
    assert actions.returncode == 0 and actions.stdout.startswith("# Action plan (rencana aksi): Kabupaten Serang")
    roadmap = rembuk("export", "roadmap", str(path), "--lang", "en")
    assert roadmap.returncode == 0 and roadmap.stdout.count("\n## Smart ") == 6
    assert "| Innovation / step | 2025 |" in roadmap.stdout and "| Q " in roadmap.stdout


def test_a_missing_workshop_is_one_clear_line(tmp_path):
    assert_one_clear_line(rembuk("export", "roadmap", str(tmp_path / "nope.rembuk")), "does not exist")

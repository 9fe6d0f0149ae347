"""``rembuk new`` with the header's fields, as a script prepares a workshop."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from data.workshops import read_bundle

REMBUK = str(Path(sys.executable).with_name("rembuk"))


def rembuk(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "REMBUK_LANG": "en"}
    return subprocess.run([REMBUK, *args], capture_output=True, text=True, env=env, timeout=60)


def test_new_takes_the_header_and_registers_the_people_it_names(tmp_path: Path) -> None:
    path = tmp_path / "pandeglang.rembuk"
    result = rembuk("new", str(path), "--region", "Kabupaten Pandeglang", "--stage", "II", "--title", "Bimtek II",
                    "--date", "2/7/2024", "--date", "2024-07-03", "--start", "8.30", "--end", "16.00",
                    "--zone", "WITA", "--venue", "Pendopo", "--chair", "Ir. Budi", "--speaker", "Dr. Ana",
                    "--minute-taker", "Dedi", "--agencies", "none", "--no-open")
    assert result.returncode == 0, result.stderr
    bundle = read_bundle(path)
    w = bundle.workshop
    assert ((w.title, w.start_time, w.time_zone.value, w.venue, len(w.dates))
            == ("Bimtek II", "08.30", "WITA", "Pendopo", 2))
    assert sorted(p.name for p in bundle.participants) == ["Dedi", "Dr. Ana", "Ir. Budi"]
    assert bundle.agencies == []
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_a_bad_option_gets_one_line_and_no_file(tmp_path: Path) -> None:
    path = tmp_path / "x.rembuk"
    result = rembuk("new", str(path), "--start", "25.00", "--no-open")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == ["rembuk: --start: Not a time (write 08.30)"]
    assert not path.exists()


def test_a_city_starts_from_the_city_list(tmp_path: Path) -> None:
    path = tmp_path / "kota.rembuk"
    assert rembuk("new", str(path), "--region", "Kota Cilegon", "--agencies", "kota", "--no-open").returncode == 0
    names = {a.abbreviation for a in read_bundle(path).agencies}
    assert "Diskominfo" in names and "Distan" not in names

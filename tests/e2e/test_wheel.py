"""rembuk works from a built wheel, not only from this checkout: data files and CSS included."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh virtual environment with rembuk installed from a wheel built from this tree."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work), str(ROOT)],
                   check=True, capture_output=True)
    [wheel] = work.glob("rembuk-*.whl")
    venv.create(work / "venv", with_pip=True)
    python = work / "venv" / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True)
    return work / "venv" / "bin" / "rembuk"


@pytest.mark.e2e
def test_the_demo_opens_from_a_wheel_in_another_directory(installed, tmp_path, terminal):
    demo = tmp_path / "demo.rembuk"
    made = subprocess.run([str(installed), "new", str(demo), "--demo", "--no-open"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    minutes = subprocess.run([str(installed), "export", "minutes", str(demo)], cwd=tmp_path,
                             capture_output=True, text=True, timeout=120)
    assert minutes.returncode == 0 and "Serang" in minutes.stdout, minutes.stderr
    screen = terminal([str(installed), "open", str(demo)], env={"REMBUK_LANG": "id"}, cwd=tmp_path)
    screen.wait_for("Smart Environment", timeout=60)
    screen.wait_for("Catatan terbaru")

"""The command line, run as a user runs it: a real process, real files, one line on failure."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from data.store import WorkshopStore

REMBUK = [sys.executable, "-m", "tui.cli"]


def rembuk(*args: str, lang: str = "en") -> subprocess.CompletedProcess:
    env = {**os.environ, "REMBUK_LANG": lang}
    return subprocess.run([*REMBUK, *args], capture_output=True, text=True, env=env, timeout=60)


def assert_one_clear_line(result: subprocess.CompletedProcess, words: str) -> None:
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr


def test_version():
    result = rembuk("--version")
    assert result.returncode == 0 and result.stdout.startswith("rembuk ")


def test_a_missing_file(tmp_path):
    assert_one_clear_line(rembuk("export", "minutes", str(tmp_path / "nope.rembuk")), "does not exist")


def test_a_file_that_is_not_a_database(tmp_path):
    junk = tmp_path / "junk.rembuk"
    junk.write_bytes(os.urandom(4096))
    assert_one_clear_line(rembuk("check", str(junk)), str(junk))


def test_a_foreign_sqlite_database_in_indonesian(tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    assert_one_clear_line(rembuk("export", "bundle", str(other), "-o", str(tmp_path / "b.json"), lang="id"),
                          "bukan berkas lokakarya rembuk")


def test_a_directory(tmp_path):
    assert_one_clear_line(rembuk("check", str(tmp_path)), "not a rembuk workshop")


def test_new_check_export_import_round_trip(tmp_path):
    path, bundle, copy = tmp_path / "w.rembuk", tmp_path / "w.json", tmp_path / "copy.rembuk"
    assert rembuk("new", str(path), "--region", "Kabupaten Serang", "--stage", "II", "--no-open").returncode == 0
    check = rembuk("check", str(path))
    assert check.returncode == 0 and "integrity: ok" in check.stdout
    assert rembuk("export", "bundle", str(path), "-o", str(bundle)).returncode == 0
    assert json.loads(bundle.read_text())["workshop"]["stage"] == "II"
    assert rembuk("import", str(bundle), "-o", str(copy)).returncode == 0
    again = tmp_path / "again.json"
    assert rembuk("export", "bundle", str(copy), "-o", str(again)).returncode == 0
    assert again.read_bytes() == bundle.read_bytes()


def test_export_never_overwrites_without_force(tmp_path):
    path, out = tmp_path / "w.rembuk", tmp_path / "out.json"
    rembuk("new", str(path), "--no-open")
    out.write_text("keep me")
    assert_one_clear_line(rembuk("export", "bundle", str(path), "-o", str(out)), "--force")
    assert out.read_text() == "keep me"
    assert rembuk("export", "bundle", str(path), "-o", str(out), "--force").returncode == 0


def test_new_refuses_to_overwrite(tmp_path):
    path = tmp_path / "w.rembuk"
    rembuk("new", str(path), "--no-open")
    assert_one_clear_line(rembuk("new", str(path), "--no-open"), "already exists")


def test_schema_is_json_schema_of_the_bundle():
    schema = json.loads(rembuk("schema").stdout)
    assert schema["title"] == "Bundle" and "innovations" in schema["properties"]


def test_core_and_data_load_without_textual():
    code = "import sys, core.models, core.risk, data.store, data.bundle; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write read-only files")
def test_a_read_only_file(tmp_path):
    path = tmp_path / "w.rembuk"
    rembuk("new", str(path), "--no-open")
    path.chmod(0o400)
    assert_one_clear_line(rembuk("open", str(path)), "read-only")


def test_package_has_its_data_files():
    from importlib import resources

    assert (resources.files("data") / "reference" / "dimensions.json").is_file()
    assert (resources.files("screens") / "overview.tcss").is_file()
    assert Path(resources.files("core") / "locales" / "id" / "common.json").is_file()


def test_a_malformed_keymap_gets_one_line(tmp_path, monkeypatch):
    path = tmp_path / "w.rembuk"
    rembuk("new", str(path), "--no-open")
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "keymap.toml").write_text("app.capture = = c\n")
    monkeypatch.setenv("REMBUK_CONFIG_DIR", str(tmp_path / "config"))
    assert_one_clear_line(rembuk("open", str(path)), "keymap.toml")


def test_demo_fresh_keeps_the_old_demo_with_its_notes(tmp_path, monkeypatch):
    from core.models import Note
    from data.store import WorkshopStore
    from data.workshop_files import ensure_demo

    path = ensure_demo(tmp_path / "demo.rembuk")
    killed_after_saving = (
        "import os, datetime; from core.models import Note; from data.store import WorkshopStore;"
        f"s = WorkshopStore.open({str(path)!r});"
        "s.save(Note(text='typed during the rehearsal', created_at=datetime.datetime(2024, 7, 1, 9)));"
        "os._exit(0)"  # no close, no checkpoint: the note lives only in the WAL
    )
    subprocess.run([sys.executable, "-c", killed_after_saving], check=True)
    assert Path(f"{path}-wal").stat().st_size > 0
    ensure_demo(path, fresh=True)
    backup = WorkshopStore.open(tmp_path / "demo.rembuk.bak")
    assert "typed during the rehearsal" in [n.text for n in backup.all(Note)]
    backup.close()
    fresh = WorkshopStore.open(path)
    assert "typed during the rehearsal" not in [n.text for n in fresh.all(Note)]
    fresh.close()


def test_new_from_a_script_creates_the_file_and_returns(tmp_path):
    """Without a terminal (stdin from /dev/null, output to a pipe), `rembuk new` does not start the app."""
    path = tmp_path / "pandeglang.rembuk"
    rembuk_script = Path(sys.executable).with_name("rembuk")
    made = subprocess.run([str(rembuk_script), "new", str(path), "--region", "Kabupaten Pandeglang"],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "REMBUK_LANG": "en"})
    assert made.returncode == 0, made.stderr
    assert made.stderr.strip() == f"Created {path}"
    store = WorkshopStore.open(path, readonly=True)
    assert store.workshop().region == "Kabupaten Pandeglang"
    store.close()

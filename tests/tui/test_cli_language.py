"""CLI errors in Indonesian carry no English fragment from pydantic or the C library."""

from __future__ import annotations

from tests.reliability.test_damaged_files import assert_one_clear_line, rembuk


def test_a_bundle_that_is_not_json_says_so_in_indonesian(tmp_path):
    bundle = tmp_path / "b.json"
    bundle.write_text("bukan json")
    result = rembuk("import", str(bundle), "-o", str(tmp_path / "w.rembuk"), lang="id")
    assert_one_clear_line(result, "bukan JSON (baris 1, kolom 1)")
    assert "Invalid JSON" not in result.stderr and "expected value" not in result.stderr


def test_a_missing_folder_says_so_in_indonesian(tmp_path):
    path = tmp_path / "w.rembuk"
    assert rembuk("new", str(path), "--no-open").returncode == 0
    result = rembuk("export", "minutes", str(path), "-o", str(tmp_path / "tidak-ada" / "n.md"), lang="id")
    assert_one_clear_line(result, "berkas atau folder tidak ada")
    assert "No such file" not in result.stderr

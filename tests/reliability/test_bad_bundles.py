"""Importing a bundle that is wrong: one short line that says which row, and no file written."""

from __future__ import annotations

import json

from tests.reliability.test_damaged_files import assert_one_clear_line, rembuk


def bundle_of(workshop_path, tmp_path) -> dict:
    out = tmp_path / "b.json"
    assert rembuk("export", "bundle", str(workshop_path), "-o", str(out)).returncode == 0
    return json.loads(out.read_text())


def import_(tmp_path, bundle: dict):
    source, target = tmp_path / "bad.json", tmp_path / "imported.rembuk"
    source.write_text(json.dumps(bundle))
    result = rembuk("import", str(source), "-o", str(target))
    assert not target.exists(), "a refused import left a file"
    return result


NOTE = {"version": 0, "kind": "note", "text": "Data DTKS", "speaker": "", "created_at": "2024-07-02T09:00:00"}


def test_duplicate_note_ids_name_the_id(workshop_path, tmp_path):
    bundle = bundle_of(workshop_path, tmp_path)
    bundle["notes"] = [{**NOTE, "id": 7}, {**NOTE, "id": 7}]
    result = import_(tmp_path, bundle)
    assert_one_clear_line(result, "notes: id 7 is used by 2 rows")
    assert "UNIQUE" not in result.stderr


def test_a_reference_to_a_missing_row_says_which_row_refers_to_what(workshop_path, tmp_path):
    bundle = bundle_of(workshop_path, tmp_path)
    bundle["participants"] = [{"id": 3, "version": 0, "name": "Rina", "agency_id": 999}]
    result = import_(tmp_path, bundle)
    assert_one_clear_line(result, "participants row 3 refers to agencies 999 (agency_id)")
    assert "another terminal" not in result.stderr


def test_an_error_quotes_at_most_a_short_piece_of_the_bundle(workshop_path, tmp_path):
    bundle = bundle_of(workshop_path, tmp_path)
    bundle["k" * 10_000_000] = 1
    result = import_(tmp_path, bundle)
    assert_one_clear_line(result, "is not a valid rembuk bundle")
    assert len(result.stderr) < 600


def test_a_missing_bundle_says_how_a_bundle_is_made_not_how_to_make_a_workshop(tmp_path):
    target = tmp_path / "imported.rembuk"
    result = rembuk("import", str(tmp_path / "nosuch.json"), "-o", str(target))
    assert_one_clear_line(result, "nosuch.json does not exist")
    assert "rembuk export bundle" in result.stderr
    assert "rembuk new" not in result.stderr
    assert not target.exists()

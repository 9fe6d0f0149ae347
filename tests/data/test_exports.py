"""Exports read from a workshop file: rows per table match the database; files are never clobbered."""

from __future__ import annotations

from pathlib import Path

import pytest

from data.demo import create_demo
from data.exports import export_text, write_export
from data.store import WorkshopStore
from tests.core.mdparse import parse, tables


@pytest.fixture
def store(tmp_path: Path):
    store = create_demo(tmp_path / "serang.rembuk")
    yield store
    store.close()


def _count(store: WorkshopStore, sql: str) -> int:
    return store.query(sql)[0]["n"]


def test_masterplan_tables_have_a_row_per_database_row(store: WorkshopStore) -> None:
    found = tables(parse(export_text(store, "masterplan", "md", "en")))
    by_header = lambda *first: [t for t in found if t[0][: len(first)] == list(first)]  # noqa: E731
    innovations = sum(len(t) - 1 for t in by_header("No.", "Innovation"))
    steps = sum(len(t) - 1 for t in by_header("No.", "Activity (innovation)"))
    risks = sum(len(t) - 1 for t in by_header("Code", "Innovation", "Risk event"))
    agencies = sum(len(t) - 1 for t in by_header("No.", "Agency", "Name"))
    assert innovations == _count(store, "SELECT count(*) AS n FROM innovations")
    assert steps == _count(store, "SELECT count(*) AS n FROM action_steps")
    assert risks == _count(store, "SELECT count(*) AS n FROM risks")
    assert agencies == _count(store, "SELECT count(*) AS n FROM agencies")


def test_minutes_tables_have_a_row_per_database_row(store: WorkshopStore) -> None:
    doc = export_text(store, "minutes", "md", "en")
    found = tables(parse(doc))
    attendance = found[-1]
    assert len(attendance) - 1 == _count(store, "SELECT count(*) AS n FROM participants")
    candidates = next(t for t in found if t[0][-1].startswith("Score (max"))
    assert len(candidates) - 1 == _count(
        store, "SELECT count(*) AS n FROM innovations WHERE quick_win IN ('candidate', 'selected')")
    follow_ups = next(t for t in found if t[0][:2] == ["No.", "Follow-up"])
    assert len(follow_ups) - 1 == _count(store, "SELECT count(*) AS n FROM notes WHERE kind = 'follow_up'")


def test_the_workshop_language_is_the_default(store: WorkshopStore) -> None:
    assert export_text(store, "minutes", "md").startswith("# Notulen Rapat\n")
    assert export_text(store, "minutes", "md", "en").startswith("# Minutes of the Meeting\n")


def test_write_never_replaces_unless_told(tmp_path: Path) -> None:
    target = tmp_path / "notulen.md"
    write_export(target, "first")
    with pytest.raises(FileExistsError):
        write_export(target, "second")
    assert target.read_text(encoding="utf-8") == "first"
    write_export(target, "third\n", overwrite=True)
    assert target.read_bytes() == b"third\n"
    assert [p.name for p in tmp_path.iterdir()] == ["notulen.md"]  # no temporary file left


def test_a_missing_folder_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_export(tmp_path / "nowhere" / "x.md", "text")


def test_exports_are_private_to_their_owner(tmp_path: Path) -> None:
    """On a shared server, minutes and bundles are as private as the workshop file."""
    target = tmp_path / "notulen.md"
    write_export(target, "first")
    assert target.stat().st_mode & 0o777 == 0o600
    target.chmod(0o644)
    write_export(target, "second", overwrite=True)
    assert target.stat().st_mode & 0o777 == 0o600

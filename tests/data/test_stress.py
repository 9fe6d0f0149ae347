"""The stress-workshop generator, at a small size: valid rows, the asked-for counts, determinism."""

from __future__ import annotations

from core.models import ActionStep, Innovation, Note, Risk
from data.check import check_workshop
from data.stress import StressSize, create_stress, main

SMALL = StressSize(agencies=35, innovations=30, steps=120, risks=60, notes=50)


def counts(store) -> dict[str, int]:
    """Rows per generated table."""
    tables = ("agencies", "innovations", "action_steps", "risks", "notes")
    return {t: store.query(f"SELECT count(*) AS n FROM {t}")[0]["n"] for t in tables}


def test_it_writes_the_asked_for_rows_and_every_one_is_valid(tmp_path):
    store = create_stress(tmp_path / "s.rembuk", SMALL)
    assert counts(store) == {"agencies": 35, "innovations": 30, "action_steps": 120,
                             "risks": 60, "notes": 50}
    for cls in (Innovation, ActionStep, Risk, Note):
        assert store.all(cls)  # from_row validates every row through its model
    store.close()
    report = check_workshop(tmp_path / "s.rembuk")
    assert report.ok, report.lines


def test_the_same_seed_gives_the_same_workshop_and_another_seed_does_not(tmp_path):
    bundles = []
    for name, seed in (("a", 1), ("b", 1), ("c", 2)):
        store = create_stress(tmp_path / f"{name}.rembuk", SMALL, seed=seed)
        bundles.append(store.bundle())
        store.close()
    assert bundles[0] == bundles[1]
    assert bundles[0] != bundles[2]


def test_scale_multiplies_everything_but_the_agencies():
    assert SMALL.scaled(4) == StressSize(agencies=35, innovations=120, steps=480, risks=240, notes=200)


def test_the_command_line_entry_creates_a_scaled_file(tmp_path):
    path = tmp_path / "cli.rembuk"
    assert main([str(path), "--innovations", "10", "--steps", "20", "--risks", "5", "--notes",
                 "7", "--agencies", "40", "--seed", "3", "--scale", "2"]) == 0
    from data.store import WorkshopStore

    store = WorkshopStore.open(path)
    assert counts(store) == {"agencies": 40, "innovations": 20, "action_steps": 40, "risks": 10,
                             "notes": 14}
    store.close()

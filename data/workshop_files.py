"""Creating workshop files for the CLI: a new empty workshop, or the demo."""

from __future__ import annotations

from pathlib import Path

from core.i18n import _
from core.models import Stage, Workshop
from data.store import WorkshopStore
from data.workshops import new_workshop


def create(path: Path, *, workshop: Workshop | None = None, agency_list: str = "kabupaten",
           demo: bool = False, shared: bool = False) -> WorkshopStore:
    """Create a workshop file: the demo, or ``workshop`` with the shipped reference data and
    the named agency list (a blank stage I workshop of the default region without one)."""
    if demo:
        from data.demo import create_demo

        return create_demo(path, shared=shared)
    workshop = workshop or Workshop(region=_("workshop.default_region"), stage=Stage.I)
    return new_workshop(path, workshop, shared=shared, agency_list=agency_list)


def ensure_demo(path: Path, fresh: bool = False) -> Path:
    """The demo file at ``path``, built the first time (or anew with ``fresh``, keeping a .bak)."""
    if fresh and path.exists():
        backup = path.with_name(path.name + ".bak")
        for suffix in ("", "-wal", "-shm"):  # the WAL may hold the latest commits: keep it with its file
            if Path(f"{path}{suffix}").exists():
                Path(f"{path}{suffix}").replace(f"{backup}{suffix}")
    if not path.exists():
        create(path, demo=True).close()
    return path

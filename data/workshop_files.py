"""Creating workshop files for the CLI: a new empty workshop, or the demo."""

from __future__ import annotations

from pathlib import Path

from core.i18n import _
from core.models import Stage, Workshop
from data.store import WorkshopStore
from data.workshops import new_workshop


def create(path: Path, *, region: str | None, stage: str, language: str, demo: bool,
           shared: bool) -> WorkshopStore:
    """Create a workshop file: the demo, or an empty one with the shipped reference data."""
    if demo:
        from data.demo import create_demo

        return create_demo(path, shared=shared)
    workshop = Workshop(region=region or _("workshop.default_region"), stage=Stage(stage), language=language)
    return new_workshop(path, workshop, shared=shared)


def ensure_demo(path: Path, fresh: bool = False) -> Path:
    """The demo file at ``path``, built the first time (or anew with ``fresh``, keeping a .bak)."""
    if fresh and path.exists():
        backup = path.with_name(path.name + ".bak")
        for suffix in ("", "-wal", "-shm"):  # the WAL may hold the latest commits: keep it with its file
            if Path(f"{path}{suffix}").exists():
                Path(f"{path}{suffix}").replace(f"{backup}{suffix}")
    if not path.exists():
        create(path, region=None, stage="II", language="id", demo=True, shared=False).close()
    return path

"""What ``rembuk new`` creates: an empty workshop, the demo, or the next stage of a series."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from core.i18n import _
from core.models import Stage
from core.setup import WorkshopSetup
from data.store import WorkshopStore
from tui.cli.errors import fail
from tui.cli.setup_options import refused


def create_new(path: Path, values: dict[str, Any], *, previous: Path | None, agency_list: str, demo: bool,
               shared: bool) -> WorkshopStore:
    """Create the file; a refused option ends the command with one line, before any file exists."""
    from data.workshop_files import create

    if previous is not None:
        return _next_stage(path, previous, values, shared)
    values = {"region": _("workshop.default_region"), "stage": "I", "language": "id", **values}
    return create(path, workshop=_checked(values).workshop(), agency_list=agency_list, demo=demo, shared=shared)


def _checked(values: dict[str, Any]) -> WorkshopSetup:
    try:
        return WorkshopSetup.model_validate(values)
    except ValidationError as exc:
        fail(refused(exc))
        raise  # fail() exits; this keeps the type checker informed


def _next_stage(path: Path, previous: Path, values: dict[str, Any], shared: bool) -> WorkshopStore:
    """The stage after ``previous``, its header overridden by the options given."""
    from data.carry import create_next_stage

    stage = Stage(values.pop("stage")) if "stage" in values else None
    checked = _checked({"region": "-", **values}) if values else None
    header = {name: getattr(checked.workshop(), name) for name in values} if checked else {}
    return create_next_stage(path, previous, stage, header, shared)

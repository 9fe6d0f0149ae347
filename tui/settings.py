"""Settings the app is built from: explicit paths and choices, never read from globals later."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DATA_DIR_ENV = "REMBUK_DATA_DIR"
"""Overrides the user data directory (tests point it at a temporary folder)."""


@dataclass(frozen=True)
class Settings:
    """How this run of rembuk was asked to behave."""

    workshop_path: Path
    """The workshop file to open."""
    language: str = "en"
    """The UI language, ``id`` or ``en``."""
    draft_interval: float = 0.5
    """Seconds between saves of a half-typed note (the promise is: at most a second behind)."""
    poll_interval: float = 1.0
    """Seconds between checks for changes made by another terminal."""


def data_dir() -> Path:
    """Where the user's workshops live: ``$REMBUK_DATA_DIR`` or the platform's data directory."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path("rembuk", appauthor=False)

"""Settings the app is built from: explicit paths and choices, never read from globals later."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from core.live import Terminal, TerminalRole
from data.history import terminal_name

DATA_DIR_ENV = "REMBUK_DATA_DIR"
"""Overrides the user data directory (tests point it at a temporary folder)."""

CONFIG_DIR_ENV = "REMBUK_CONFIG_DIR"
"""Overrides the user configuration directory (where ``keymap.toml`` lives)."""


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
    keymap: dict[str, str] = field(default_factory=dict)
    """Binding id → keys, from the user's ``keymap.toml`` (e.g. ``"app.capture" = "c"``)."""
    name: str = field(default_factory=terminal_name)
    """This terminal's name in the room, on the notes it captures and in the change record
    (``--as``, else ``REMBUK_TERMINAL``, else the login name)."""
    role: TerminalRole = TerminalRole.FACILITATOR
    """What this terminal is for: a facilitator's drives the follow views if nobody else does."""
    terminal_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    """This run's identity in the room: two terminals may share a name."""
    cursor_blink: bool = True
    """Whether text cursors blink (``--no-blink``, ``cursor_blink = false`` in ``settings.toml``).
    A blinking cursor writes to the terminal twice a second, even while nobody types."""
    slow_link: bool = False
    """Spend as few bytes as possible on the link (``--slow-link``, ``slow_link = true``): for now,
    text cursors do not blink, so nothing at all is written while nothing changes."""

    @property
    def blink(self) -> bool:
        """Whether text cursors blink in this run: asked for, and not over a slow link."""
        return self.cursor_blink and not self.slow_link

    def terminal(self) -> Terminal:
        """This terminal as it announces itself to the others."""
        return Terminal(id=self.terminal_id, name=self.name, role=self.role, pid=os.getpid())



def data_dir() -> Path:
    """Where the user's workshops live: ``$REMBUK_DATA_DIR`` or the platform's data directory."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path("rembuk", appauthor=False)


class SettingsError(ValueError):
    """A settings file the user wrote is malformed; ``str()`` is the translated one-line message."""


def config_dir() -> Path:
    """Where the user's settings live: ``$REMBUK_CONFIG_DIR`` or the platform's config directory."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path("rembuk", appauthor=False)


def word_template() -> Path | None:
    """``template.docx`` in the config directory: a regency's own look for Word and PDF exports."""
    path = config_dir() / "template.docx"
    return path if path.exists() else None


def load_keymap() -> dict[str, str]:
    """The user's key remapping: ``keymap.toml`` with lines like ``"app.capture" = "c"``.

    A missing file is no keymap; a malformed one raises :class:`SettingsError` saying where.
    """
    table = _read_toml(config_dir() / "keymap.toml", "settings.error.keymap")
    return {str(k): str(v) for k, v in table.items()}


def _read_toml(path: Path, refusal: str) -> dict[str, object]:
    """The TOML table in ``path`` ({} if there is no such file); a file that cannot be read as
    TOML raises :class:`SettingsError` with the catalog line ``refusal`` (given path and detail)."""
    if not path.exists():
        return {}
    import tomllib  # here: compiling its patterns took 14 ms of every start, with no file to read

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        from core.i18n import _

        raise SettingsError(_(refusal, path=path, detail=exc)) from exc


#: The entries ``settings.toml`` may hold, each with its type.
SETTINGS_FILE_ENTRIES: dict[str, type] = {"cursor_blink": bool, "slow_link": bool}


def load_settings_file() -> dict[str, object]:
    """The user's ``settings.toml`` in the config directory, e.g. ``slow_link = true``.

    A missing file is no settings; a malformed one, an unknown entry or a value of the wrong type
    raises :class:`SettingsError` saying which.
    """
    path = config_dir() / "settings.toml"
    table = _read_toml(path, "settings.error.file")
    from core.i18n import _

    for name, value in table.items():
        kind = SETTINGS_FILE_ENTRIES.get(name)
        if kind is None or not isinstance(value, kind):
            raise SettingsError(_("settings.error.entry", path=path, name=name,
                                  names=", ".join(SETTINGS_FILE_ENTRIES)))
    return dict(table)

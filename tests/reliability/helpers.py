"""What the reliability tests share: starting rembuk in tmux, and reading the file behind it.

The file is read with plain ``sqlite3``, not through the store, so a test sees exactly what
is on disk, whatever the app believes.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from core.line_draft import LineDraft
from tests.e2e.terminal import TmuxTerminal

REMBUK = str(Path(sys.executable).parent / "rembuk")
"""The rembuk console script of the test environment."""

READY = "Smart Environment"
"""On the overview once it has drawn."""

LINE_OPEN = "Note →"
"""On screen while the note line is open."""


def open_app(terminal, path: Path, term: str = "xterm-256color") -> TmuxTerminal:
    """Start rembuk on ``path`` in a fresh tmux at 80×24, in English, and wait for the overview."""
    screen = terminal([REMBUK, "open", str(path)], term=term, env={"REMBUK_LANG": "en"})
    screen.wait_for(READY, timeout=30)
    return screen


def stored_notes(path: Path) -> list[str]:
    """The text of every note in the file, in the order they were saved."""
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT text FROM notes ORDER BY id")]


def draft(path: Path) -> str:
    """The text of the capture line's draft in the file ('' for none)."""
    with sqlite3.connect(path) as conn:
        row = conn.execute("SELECT text FROM drafts WHERE key = 'capture'").fetchone()
    return LineDraft.loads(row[0]).text if row else ""


def integrity(path: Path) -> str:
    """``PRAGMA integrity_check`` of the file: 'ok' when sound."""
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def pane(screen: TmuxTerminal, name: str) -> str:
    """A tmux format variable of the screen's pane (``alternate_on``, ``pane_title``, …)."""
    return screen._tmux("display-message", "-p", "-t", "main", f"#{{{name}}}").strip()

"""Fixtures for end-to-end tests: real programs in real (tmux) terminals."""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from tests.e2e.terminal import TerminalFactory, TmuxTerminal


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[TerminalFactory]:
    """A factory of started `TmuxTerminal`s, each closed (its tmux server killed) afterwards.

    The program runs in `tmp_path` unless `cwd=` says otherwise. Skips the test when tmux is
    not installed, since there is no real terminal to drive then.
    """
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed: end-to-end tests need it (apt-get install tmux)")
    started: list[TmuxTerminal] = []

    def start(command: Sequence[str] | str, **options: object) -> TmuxTerminal:
        options.setdefault("cwd", tmp_path)
        term = TmuxTerminal(command, **options)  # type: ignore[arg-type]
        started.append(term)
        return term.start()

    yield start
    for term in started:
        term.close()

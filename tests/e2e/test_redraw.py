"""What a key writes to the terminal, read back by a terminal emulator (issue 15, slow links).

The app runs in a pty at 120×40 (the bench's harness, `tests.bench.harness`), and each test
looks at the bytes one key wrote: which rows of the screen they touched. Then the terminal is
made to redraw everything (shrunk by a column and grown back) and what it showed before must be
what the full redraw shows: writing only the lines that change must never leave a stale one.
Counts of rows and bytes, never times, are asserted.
"""

from __future__ import annotations

import re
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from core.models import Note
from data.store import WorkshopStore
from screens.support.quiet import NARROW_SECONDS
from tests.bench.harness import PtyApp, ScreenContains
from tests.bench.scenarios import rembuk_executable

pytestmark = pytest.mark.e2e

COLS, ROWS = 120, 40
CURSOR_TO = re.compile(rb"\x1b\[(\d+);\d+H")
"""A cursor move to (row, column), 1-based: where Textual starts writing each changed line."""
ESCAPE = re.compile(rb"\x1b(\[[0-9;?]*[ -/]*[@-~]|[()][0-9A-B]|[=>78])")
"""Any escape sequence (colours, cursor moves, modes): what remains is text written."""


class RecordingApp(PtyApp):
    """A `PtyApp` that keeps what the program wrote, to tell which rows a key touched."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.written = bytearray()
        self.last_bytes = 0
        """Bytes written in answer to the last key `press` sent."""

    def _feed(self, data: bytes, arrived: float) -> None:
        self.written += data
        super()._feed(data, arrived)

    def rows_written(self, since: int) -> set[int]:
        """The rows (1-based) that output after byte `since` wrote text on."""
        parts = CURSOR_TO.split(bytes(self.written[since:]))  # text, row, text, row, text...
        return {int(row) for row, text in zip(parts[1::2], parts[2::2], strict=True) if ESCAPE.sub(b"", text)}


@pytest.fixture
def overview(make_workshop, tmp_path: Path):
    """The demo workshop open on its overview in a 120×40 truecolor pty, cursors not blinking."""
    path = make_workshop.demo()
    app = _open(path, tmp_path)
    with app:
        app.wait_ready(ScreenContains("Smart Environment", "Latest notes", "ENV-3"), settle=0.5)
        app.path = path
        yield app
        app.close(quit_key=None)


def _open(path: Path, tmp_path: Path, cols: int = COLS, rows: int = ROWS) -> RecordingApp:
    env = {"REMBUK_LANG": "en", "REMBUK_DATA_DIR": str(tmp_path / "data"), "HOME": str(tmp_path),
           "REMBUK_CONFIG_DIR": str(tmp_path / "config")}
    return RecordingApp([rembuk_executable(), "--no-blink", "open", str(path)], cols=cols, rows=rows,
                        colorterm="truecolor", env=env, cwd=tmp_path)


def press(app: RecordingApp, key: str, until: str | object) -> set[int]:
    """Press `key`, wait for its effect, and return the rows its answer wrote."""
    mark = len(app.written)
    app.press(key, until if callable(until) else ScreenContains(until), settle=0.4)
    app.last_bytes = len(app.written) - mark
    return app.rows_written(mark)


#: Issue 15's bounds at 120×40 truecolor, in bytes: a move between tiles within five times the
#: hello floor's key (189 B), the note line's opening and closing within 2 KB, a note within 4 KB.
MOVE_BYTES, NOTE_LINE_BYTES, SAVE_BYTES = 5 * 189, 2048, 4096


def visible(app: RecordingApp) -> list[list[tuple[object, ...]]]:
    """The screen as compared: characters, their colours, reverse video; a blank's colour not.

    Boldness is left out: a full redraw with the note line open draws the borders of the screen
    below in bold (Textual's blending of a transparent screen takes the note line's focused
    style), a difference of weight, not of content, that a partial redraw does not repeat.
    """
    return [[(char, bg, reverse) if char == " " else (char, fg, bg, reverse)
             for char, fg, bg, _bold, reverse in row] for row in app.cells()]


def assert_same_as_a_full_redraw(app: RecordingApp) -> None:
    """What the terminal shows is what a full redraw of the same screen shows."""
    cols, rows = app.cols, app.rows
    shown = visible(app)
    app.resize(cols - 1, rows)
    app.resize(cols, rows)
    redrawn = visible(app)
    stale = [y + 1 for y in range(rows) if shown[y] != redrawn[y]]
    first = [(y, [x for x in range(cols) if shown[y - 1][x] != redrawn[y - 1][x]][:1],
              [(shown[y - 1][x], redrawn[y - 1][x]) for x in range(cols) if shown[y - 1][x] != redrawn[y - 1][x]][:1])
             for y in stale]
    assert not stale, f"rows {stale} differ from a full redraw (first cells: {first}):\n" + "\n".join(
        "".join(cell[0] for cell in shown[y - 1]) for y in stale)


def test_moving_between_tiles_writes_only_the_two_title_lines(overview: RecordingApp) -> None:
    """→ then ↓: each key rewrites the title line of the tile left and of the tile reached (the
    focus is marked there alone), nothing else: the tiles' counts are not written again."""
    first_titles, second_titles = {2}, {11}
    assert press(overview, "right", "▶ 2 Smart Branding") == first_titles
    assert overview.last_bytes <= MOVE_BYTES
    assert_same_as_a_full_redraw(overview)
    assert press(overview, "down", "▶ 5 Smart Society") == first_titles | second_titles
    assert overview.last_bytes <= MOVE_BYTES
    assert_same_as_a_full_redraw(overview)


class NoteLineClosed:
    def __call__(self, screen: str) -> bool:
        return "Enter saves" not in screen


def test_the_note_line_opens_saves_and_closes_over_the_lines_it_covers(overview: RecordingApp) -> None:
    """n, a note, Enter, Esc: the screen above the note line is never written again, except the
    tile whose count of notes changed and the latest notes list, which gained the note."""
    panel = set(range(35, ROWS + 1))  # the note line: title, three notes, the line, the hint
    opened = press(overview, "n", "Note →")
    assert opened and opened <= panel and overview.last_bytes <= NOTE_LINE_BYTES

    press(overview, "Anggaran disetujui", "Anggaran disetujui")
    saved = press(overview, "enter", "Note: Anggaran disetujui")
    notes_count_of_the_tile = {2 + 4}  # the first tile's fourth line ("Notes 4" became 5)
    latest_notes = set(range(21, 35))
    assert notes_count_of_the_tile <= saved <= panel | notes_count_of_the_tile | latest_notes
    assert overview.last_bytes <= SAVE_BYTES

    closed = press(overview, "escape", NoteLineClosed())
    assert closed and closed <= panel and overview.last_bytes <= NOTE_LINE_BYTES

    assert press(overview, "n", "Note →") <= panel and overview.last_bytes <= NOTE_LINE_BYTES  # again
    assert "Note: Anggaran disetujui" in overview.screen_text()
    assert_same_as_a_full_redraw(overview)


def test_a_note_typed_slowly_writes_only_its_lines(overview: RecordingApp) -> None:
    """A note saved well after the note line opened (as a notulis types one) writes the lines it
    changes, as a quick one does: it rewrote the whole terminal once the opening's narrowing
    (``NARROW_SECONDS``) had run out, since the overview kept its whole opening region to repaint."""
    press(overview, "n", "Note →")
    time.sleep(NARROW_SECONDS + 0.5)
    press(overview, "Rapat lanjutan", "Rapat lanjutan")
    saved = press(overview, "enter", "Note: Rapat lanjutan")
    assert saved <= set(range(21, ROWS + 1)) | {2 + 4} and overview.last_bytes <= SAVE_BYTES
    time.sleep(NARROW_SECONDS + 0.5)
    press(overview, "Rapat kedua", "Rapat kedua")  # and the next one, as slowly
    time.sleep(NARROW_SECONDS + 0.5)
    saved = press(overview, "enter", "Note: Rapat kedua")
    assert saved <= set(range(21, ROWS + 1)) | {2 + 4} and overview.last_bytes <= SAVE_BYTES
    assert_same_as_a_full_redraw(overview)


def test_a_note_from_another_terminal_writes_its_own_line_not_the_list(overview: RecordingApp) -> None:
    """The latest notes move down a line for the new one: the terminal moves them, and only the
    new note's line and the count of its dimension's tile are written."""
    mark = len(overview.written)
    other = WorkshopStore.open(overview.path)
    other.save(Note(text="dari terminal lain", dimension="ENV", created_at=datetime.now()))
    other.close()
    deadline = time.monotonic() + 15  # the app polls the file once a second
    while "Note: dari terminal lain" not in overview.screen_text():
        assert time.monotonic() < deadline, "the other terminal's note did not appear"
        time.sleep(0.05)
    overview.wait_quiet(settle=0.4)
    first_note, env_notes_count = 21, 11 + 4
    assert overview.rows_written(mark) == {first_note, env_notes_count}
    assert "Note: dari terminal lain" in overview.screen_text().splitlines()[first_note - 1]
    assert_same_as_a_full_redraw(overview)


def test_at_80_columns_a_saved_note_shows_in_the_line_and_counts_on_its_tile(make_workshop, tmp_path) -> None:
    """The note line covers the latest notes there: its own list moves down for the note, and
    the tile above it counts the note (a repaint Textual dropped left it at the old count)."""
    path = make_workshop.demo()
    with _open(path, tmp_path, 80, 24) as app:
        app.wait_ready(ScreenContains("Smart Environment", "Latest notes", "ENV-3"), settle=0.5)
        for word in ("satu", "dua", "tiga"):  # the lost repaint was a race: more than one note
            press(app, "n", "Note →")
            press(app, f"Anggaran {word}", f"Anggaran {word}")
            press(app, "enter", f"Note: Anggaran {word}")
            press(app, "escape", NoteLineClosed())
        press(app, "n", "Note →")
        assert "│Notes 7 " in app.screen_text()  # the first tile had 4
        assert_same_as_a_full_redraw(app)
        app.close(quit_key=None)


def test_what_the_note_line_leaves_on_screen_is_what_a_full_redraw_shows(overview: RecordingApp) -> None:
    """Opened, then a note saved under it: no line of the terminal is left stale."""
    press(overview, "n", "Note →")
    assert_same_as_a_full_redraw(overview)
    press(overview, "Anggaran disetujui", "Anggaran disetujui")
    press(overview, "enter", "Note: Anggaran disetujui")
    assert_same_as_a_full_redraw(overview)


def test_with_the_blink_off_an_open_note_line_writes_nothing_while_nobody_types(overview: RecordingApp) -> None:
    """--no-blink: the cursor stays lit, and a second without typing writes not one byte."""
    press(overview, "n", "Note →")
    assert overview.idle(1.2) == 0


def test_ctrl_l_writes_a_garbled_screen_again(overview: RecordingApp) -> None:
    """Another user's ``write`` message lands on the facilitator's terminal: since rembuk writes
    only what changes, it stayed there until Ctrl+L, which writes the whole screen again."""
    with overview._changed:  # what another program writes to the same terminal
        overview._feed(b"\x1b[5;10H\x1b[31;47mMessage from ayu@server: rapat jam 3\x1b[0m", time.monotonic())
    assert "rapat jam 3" in overview.screen_text()
    press(overview, "ctrl+l", lambda screen: "rapat jam 3" not in screen)
    assert_same_as_a_full_redraw(overview)


def cells_written(app: RecordingApp, since: int) -> int:
    """How many cells the output after byte ``since`` wrote (its text, escape sequences left out)."""
    return len(ESCAPE.sub(b"", bytes(app.written[since:])).replace(b"\r\n", b"").decode())


OPENINGS = {
    "heatmap": (("r", "Likelihood ↑"),),
    "notes": (("N", "of 31 notes"),),
    "agencies": (("o", "Agencies"),),
    "roadmap": (("m", "Per source"),),
    "agenda": (("t", "Agenda"),),
    "follow-ups": (("f", "Follow-ups"),),
    "history": (("H", "History —"),),
    "board": (("1", "Existing ("),),
    "action-plan picker": (("a", "Action plans: choose"),),
    "add form": (("1", "Existing ("), ("a", "Title")),  # 4,901 cells: see SETTLING_LATE
    "help": (("f1", "Keys"),),
}
"""Keys that open a screen, a dialog or a form, each after the keys that lead there."""

SETTLING_LATE = {"add form": COLS}
"""Cells written after the first frame that are allowed for: the add form's choice fields
settle their width once drawn (two small regions, about 100 cells). Elsewhere a quarter row:
the clock's minute turning, not a footer row or a scrollbar written twice."""


@pytest.mark.parametrize("opening", OPENINGS)
def test_a_screen_opens_in_one_frame(overview: RecordingApp, opening: str) -> None:
    """A screen is drawn once when it opens, not empty first and then again with its reading,
    its scrollbars or its footer's keys: opening the notes wrote three screens' worth of cells,
    the add form almost three, the heatmap two (its grid was laid out small, then at its
    120-column size), the agenda its footer row twice. A few cells more (the clock's minute
    turning) are allowed for; a second frame, a scrollbar or a footer row is not."""
    *leading, (key, shown) = OPENINGS[opening]
    for before, then in leading:
        press(overview, before, then)
    mark = len(overview.written)
    press(overview, key, shown)
    assert cells_written(overview, mark) <= COLS * ROWS + SETTLING_LATE.get(opening, COLS // 4)
    assert_same_as_a_full_redraw(overview)


class Closed:
    """Holds once ``gone`` has left the screen (a dialog over the screen that comes back)."""

    def __init__(self, gone: str) -> None:
        self.gone = gone

    def __call__(self, screen: str) -> bool:
        return self.gone not in screen

    def __repr__(self) -> str:
        return f"gone({self.gone!r})"


RETURNS = {
    "heatmap from the register": ((("r", "Likelihood ↑"), ("r", "Needs treatm")), "Likelihood ↑"),
    "board from the add form": ((("1", "Existing ("), ("a", "Title")), Closed("Title")),
    "roadmap from help": ((("m", "Per source"), ("f1", "Keys")), Closed("Keys")),
}
"""Keys that lead to a screen opened over another, and what says that ``escape`` has closed it."""


@pytest.mark.parametrize("back_to", RETURNS)
def test_a_screen_comes_back_in_one_frame(overview: RecordingApp, back_to: str) -> None:
    """The screen that comes back when the one on top closes is drawn once. Textual lays it out
    again when the closed screen's widgets are gone, and the heatmap, back from a register of
    many risks, was drawn twice (two screens of cells, 40 KB on the stress workshop): a screen
    that shows what the terminal already shows writes nothing of it again."""
    leading, shown = RETURNS[back_to]
    for key, then in leading:
        press(overview, key, then)
    mark = len(overview.written)
    press(overview, "escape", shown)
    assert cells_written(overview, mark) <= COLS * ROWS + COLS // 4
    assert_same_as_a_full_redraw(overview)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))

"""The pty harness, run once on the hello app: it must return sane, structured figures.

These tests check the shape and sense of the results (positive times, bytes counted, the
screen read back, a clean quit), never how fast anything was: figures are reported by
`python -m tests.bench.run`, not asserted.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime

import pytest

from tests.bench.harness import HarnessError, PtyApp, ScreenContains
from tests.bench.keys import key_bytes
from tests.bench.procfs import process_tree
from tests.bench.run import START, render, run_once, summarise
from tests.bench.scenarios import HELLO, HELLO_APP, SETTINGS


def hello() -> PtyApp:
    """The hello app in a 256-colour 80x24 pty, not yet started."""
    return PtyApp([sys.executable, str(HELLO_APP)], term="xterm-256color")


def test_hello_app_reaches_a_full_screen_and_answers_a_key():
    """First screen, one key, peak RSS and a clean quit, all measured and consistent."""
    with hello() as app:
        ready = app.wait_ready(ScreenContains("hello", "Quit"))
        assert 0 < ready.first_match_s <= ready.full_screen_s
        assert ready.bytes_out > 0
        assert "hello" in app.screen_text()

        key = app.press("c", ScreenContains("hello 1"))
        assert 0 < key.latency_s <= key.settled_s
        assert key.bytes_out > 0 and key.key == "c"
        assert "hello 1" in app.screen_text()
        assert app.peak_rss_bytes > 0
        assert app.pid in process_tree(app.pid)

        shutdown = app.close()
    assert (shutdown.how, shutdown.returncode) == ("quit", 0)


def test_pressing_a_key_whose_effect_is_already_shown_is_refused():
    """A predicate that already holds cannot time a key, so the harness says so."""
    with hello() as app:
        app.wait_ready(ScreenContains("hello", "Quit"))
        with pytest.raises(ValueError, match="already holds"):
            app.press("c", ScreenContains("hello"))


def test_a_screen_that_never_comes_fails_with_the_last_screen():
    """Waiting in vain raises, and the message shows what was on screen instead."""
    with hello() as app:
        app.wait_ready(ScreenContains("hello", "Quit"))
        with pytest.raises(HarnessError, match=r"(?s)'no such text'.*did not appear.*\|hello 1"):
            app.press("c", ScreenContains("no such text"), timeout=0.5)


def test_a_program_that_ignores_the_quit_key_is_terminated():
    """Shutdown falls back to SIGTERM (by pid) when the quit key does nothing."""
    reader = "import sys; print('waiting', flush=True); sys.stdin.read()"
    with PtyApp([sys.executable, "-c", reader]) as app:
        app.wait_ready(ScreenContains("waiting"), settle=0.05)
        shutdown = app.close(quit_key="x", grace=0.5)
    assert shutdown.how == "terminate" and shutdown.returncode == -15


def test_a_missing_program_is_reported_not_hung():
    """A command that cannot start ends the wait with its error on the screen."""
    with PtyApp(["/nonexistent/program"]) as app:
        with pytest.raises(HarnessError, match="program exited"):
            app.wait_ready(ScreenContains("never"))
        assert app.close().returncode == 127


def test_key_names_become_terminal_bytes():
    """Named keys, ctrl+letter, text and raw bytes are encoded as a terminal sends them."""
    assert key_bytes("enter") == b"\r"
    assert key_bytes("F1") == b"\x1bOP"
    assert key_bytes("ctrl+n") == b"\x0e"
    assert key_bytes("Budget ok") == b"Budget ok"
    assert key_bytes(b"\x1b[A") == b"\x1b[A"


def test_one_run_of_the_floor_scenario_summarises_into_report_rows():
    """`run_once` + `summarise` + `render`: a start row and a key row, ratio 1 to itself."""
    run = run_once(HELLO, SETTINGS[0])
    assert run.start_s > 0 and len(run.keys) == len(HELLO.steps)
    assert all(result.latency_s > 0 for name, result in run.keys if name == "key c")
    assert run.shutdown.how == "quit"

    rows = summarise([run])
    assert [row.measure for row in rows] == [START, "key c", "idle, nothing open (B/s)"]
    assert all(row.ratio == pytest.approx(1.0) for row in rows[:2])
    assert rows[2].bytes_out == 0  # the floor writes nothing while nothing happens
    report = render(rows, [run], runs=1, when=datetime(2025, 1, 1, tzinfo=UTC))
    assert "| hello (floor) | key c | 256 colours |" in report
    assert "Textual:" in report


def test_a_tmux_frame_measures_what_the_tmux_client_writes():
    """Through tmux the floor still reaches its screen and answers its key; the server is ended."""
    from tests.bench.run import _frame
    from tests.bench.scenarios import Frame

    frame = _frame("100x30+tmux")
    assert frame == Frame(100, 30, tmux=True) and frame.label == " 100×30 via tmux"
    run = run_once(HELLO, SETTINGS[0], frame)
    assert run.setting == "256 colours 100×30 via tmux"
    assert all(result.bytes_out > 0 for name, result in run.keys if name == "key c")


def test_file_commands_are_timed_with_their_own_peak_rss():
    """`timed` gives a positive time and the child's own peak RSS; `render` makes one row per run."""
    from tests.bench import files

    seconds, rss = files.timed([sys.executable, "-c", "x = bytearray(50 * 2**20)"], dict(__import__("os").environ))
    assert seconds > 0 and rss > 50 * 2**20
    row = files.FileRun("import", 2, 1.5, 80 * 2**20, 2**20)
    assert files.render([row])[-1] == "| import | 2× | 1.50 | 80 | 1.0 | 0.75 | 1 |"


def test_issue_15s_figures_are_reported_beside_this_runs_and_missing_ones_are_said_to_be():
    """The before-and-now section: a measured row gives its figure, a left-out one says so."""
    from tests.bench import before_after
    from tests.bench.run import Row

    measured = [Row("rembuk overview (demo)", "open note line", "truecolor 120×40", 80.0, 3.0, 1396, 59.5, 1),
                Row("hello (floor)", START, "truecolor 120×40", 270.0, 270.0, 14693, 33.8, 1),
                Row("rembuk overview (demo)", START, "truecolor 120×40", 540.0, 270.0, 12108, 59.5, 1)]
    section = "\n".join(before_after.render(measured))
    assert "| open the note line (`n`) | 63,037 B | 1,396 B |" in section
    assert "| start → full overview | 481 ms (3.1×) | 540 ms (2.0×) |" in section
    assert "| peak memory, demo | 59 MiB (1.8×) | 60 MiB (1.8×) |" in section
    assert "| open a board, stress workshop | 138,844 B | not measured |" in section

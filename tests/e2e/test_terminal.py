"""Self-test of the tmux driver: typing, reading, environment, killing and cleanup.

The program under test is a few lines of Python that echo what they read, so a failure here
is the driver's fault, never the app's.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys

import pytest

from tests.e2e.terminal import TerminalFactory, TerminalTimeout, TmuxTerminal, process_running

pytestmark = pytest.mark.e2e

#: Prints its terminal, then echoes each line it reads reversed (so the answer on screen
#: cannot be tmux merely echoing the typed keys), and exits on "quit".
ECHO = r"""
import os, shutil
size = shutil.get_terminal_size()
print(f"TERM={os.environ.get('TERM')} COLORTERM={os.environ.get('COLORTERM', '-')}"
      f" SIZE={size.columns}x{size.lines} MARK={os.environ.get('E2E_MARK', '-')}")
while True:
    line = input("ready> ")
    if line == "quit":
        raise SystemExit(3)
    print("got:", line[::-1])
"""


def echo_command() -> list[str]:
    """The echo program, run by the interpreter running the tests."""
    return [sys.executable, "-c", ECHO]


def test_typed_text_reaches_the_program_and_its_answer_the_screen(terminal: TerminalFactory):
    """`type` + `send("Enter")` deliver a line; `wait_for` sees the program's reply."""
    term = terminal(echo_command())
    term.wait_for("ready>")
    term.type("hello; world")
    term.send("Enter")
    screen = term.wait_for("got: dlrow ;olleh")
    assert screen.count("ready>") == 2


def test_wait_for_accepts_a_regex(terminal: TerminalFactory):
    """A compiled pattern is searched in the screen text."""
    term = terminal(echo_command())
    assert "SIZE=80x24" in term.wait_for(re.compile(r"SIZE=\d+x\d+"))


def test_program_sees_the_requested_terminal(terminal: TerminalFactory, monkeypatch):
    """TERM comes from `term=`, an outer COLORTERM does not leak in, extra env arrives."""
    monkeypatch.setenv("COLORTERM", "truecolor")
    term = terminal(echo_command(), term="xterm", env={"E2E_MARK": "yes"}, cols=100, rows=30)
    screen = term.wait_for("ready>")
    assert "TERM=xterm COLORTERM=- SIZE=100x30 MARK=yes" in screen


def test_colorterm_is_passed_when_asked_for(terminal: TerminalFactory):
    """`colorterm=` sets COLORTERM for the program."""
    term = terminal(echo_command(), colorterm="truecolor")
    assert "TERM=xterm-256color COLORTERM=truecolor" in term.wait_for("ready>")


def test_wait_for_times_out_with_the_last_screen(terminal: TerminalFactory):
    """A timeout raises and shows what was on screen, so a failing e2e test explains itself."""
    term = terminal(echo_command())
    term.wait_for("ready>")
    with pytest.raises(TerminalTimeout, match=r"(?s)'never shown'.*\|ready>"):
        term.wait_for("never shown", timeout=0.3)


def test_kill_ends_the_program_by_pid(terminal: TerminalFactory):
    """`kill(SIGKILL)` ends the very process `pid()` names; the dead pane stays readable."""
    term = terminal(echo_command())
    term.wait_for("ready>")
    pid = term.pid()
    assert term.alive()
    assert "python" in open(f"/proc/{pid}/cmdline", "rb").read().decode(errors="replace")
    term.kill(signal.SIGKILL)
    term.wait_exit()
    assert not term.alive()
    assert not process_running(pid)
    assert term.exit_status() in (-signal.SIGKILL, None)  # None once tmux reaped it
    assert "ready>" in term.screen()


def test_exit_status_of_a_program_that_quits(terminal: TerminalFactory):
    """A program that exits on its own is reported dead, with its exit code."""
    term = terminal(echo_command())
    term.wait_for("ready>")
    term.type("quit")
    term.send("Enter")
    term.wait_exit()
    assert term.exit_status() == 3


def test_close_kills_the_server_and_the_program(tmp_path):
    """Leaving the context manager ends the private tmux server and the program in it."""
    with TmuxTerminal(echo_command(), cwd=tmp_path) as term:
        term.wait_for("ready>")
        pid, socket = term.pid(), term.socket
    assert not process_running(pid)
    probe = subprocess.run(["tmux", "-L", socket, "has-session"], capture_output=True)
    assert probe.returncode != 0

"""Drive a real program in a real terminal: a detached tmux session on a private server.

End-to-end tests use `TmuxTerminal` to start the program exactly as a user would see it
(a pty, a fixed 80x24 size, a chosen `TERM`), type keys into it, read the screen back as
plain text, and kill it the way an operator or a dropped SSH link would::

    with TmuxTerminal(["rembuk", "open", str(path)], term="xterm") as term:
        term.wait_for("Smart Governance")
        term.send("n")
        term.type("Budget approved")
        term.send("Enter")
        term.kill(signal.SIGKILL)

Every terminal runs on its own tmux server (`tmux -L <unique name> -f /dev/null`), so tests
never see the user's tmux configuration or sessions, and `close()` ends only that server.

Notes on tmux itself:
- tmux sets the pane's `TERM` from its `default-terminal` option, whatever the environment
  says, so `term=` is applied through that option. `COLORTERM` is passed on from the
  environment of the tmux client that starts the server, so it is removed there unless asked
  for (ssh does not forward it by default, and rembuk must work without it).
- The session keeps a dead pane (`remain-on-exit on`) so a test can still read the screen and
  the exit status after the program ended. Output written in the very last instant before a
  quick exit can still be lost by tmux; end-to-end programs should not rely on it.
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import subprocess
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import TracebackType

#: Variables removed from the inherited environment so that a run is hermetic: the pane's
#: terminal type and colour depth come only from the arguments, and no outer tmux leaks in.
SCRUBBED_VARIABLES = ("TERM", "COLORTERM", "TMUX", "TMUX_PANE", "NO_COLOR", "FORCE_COLOR")

#: Seconds between two looks at the screen while waiting (polling, never an assertion).
POLL_INTERVAL = 0.05


class TerminalTimeout(AssertionError):
    """A `wait_for` / `wait_until` ran out of time; the message carries the last screen."""


class TmuxTerminal:
    """A program running in a detached tmux session of its own, at a fixed size.

    Args:
        command: The program and its arguments (run directly, no shell; an argument that is
            exactly `;` would end tmux's command), or one string run by the shell, whose
            `pid()` is then the shell's unless the shell execs the program.
        term: The `TERM` the program sees, e.g. `xterm-256color` (what ssh gives) or `xterm`
            (16 colours, as PuTTY sends).
        colorterm: The `COLORTERM` the program sees, or None for none (the default, as over ssh).
        env: Extra environment variables for the program, on top of the scrubbed inherited
            environment (see `SCRUBBED_VARIABLES`).
        cwd: Working directory of the program.
        cols: Width of the terminal in columns.
        rows: Height of the terminal in rows.
    """

    def __init__(
        self,
        command: Sequence[str] | str,
        *,
        term: str = "xterm-256color",
        colorterm: str | None = None,
        env: Mapping[str, str] | None = None,
        cwd: str | os.PathLike[str] | None = None,
        cols: int = 80,
        rows: int = 24,
    ) -> None:
        self.command = [command] if isinstance(command, str) else list(command)
        self.term = term
        self.colorterm = colorterm
        self.extra_env = dict(env or {})
        self.cwd = Path(cwd) if cwd is not None else Path.cwd()
        self.cols, self.rows = cols, rows
        self.socket = f"rembuk-e2e-{os.getpid()}-{uuid.uuid4().hex[:10]}"
        self._pid: int | None = None
        self._started = False

    # ----------------------------------------------------------------- lifecycle

    def start(self) -> TmuxTerminal:
        """Start the tmux server and the program in it; return self for chaining."""
        if self._started:
            raise RuntimeError("this terminal has already been started")
        self._started = True
        # One command list, so the options are in force before the program is spawned.
        options = [("default-terminal", self.term), ("remain-on-exit", "on")]
        commands = ["start-server", ";"]
        for name, value in options:
            commands += ["set-option", "-g", name, value, ";"]
        size = ["-x", str(self.cols), "-y", str(self.rows)]
        commands += ["new-session", "-d", "-s", "main", *size, "-c", str(self.cwd), "--"]
        self._tmux(*commands, *self.command, env=self._client_env())
        self._pid = self.pid()
        return self

    def close(self) -> None:
        """Kill the tmux server this terminal started, and the program if it outlived it."""
        if not self._started:
            return
        subprocess.run(self._argv("kill-server"), capture_output=True, check=False)
        if self._pid is not None and process_running(self._pid):
            # kill-server hangs up the pane; a program that ignores SIGHUP must still go.
            _wait_gone(self._pid, timeout=2.0)
            if process_running(self._pid):
                os.kill(self._pid, signal.SIGKILL)
        _socket_path(self.socket).unlink(missing_ok=True)
        self._started = False

    def __enter__(self) -> TmuxTerminal:
        return self.start() if not self._started else self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ----------------------------------------------------------------- input and output

    def send(self, *keys: str, literal: bool = False) -> None:
        """Send keys by their tmux names (`Enter`, `Escape`, `Up`, `F1`, `C-c`, `n`, ...).

        With `literal=True` each argument is typed as text instead (`send-keys -l`).
        """
        self._tmux("send-keys", "-t", "main", *(["-l"] if literal else []), "--", *keys)

    def type(self, text: str) -> None:
        """Type `text` literally, character by character, as if pasted from the keyboard."""
        self.send(text, literal=True)

    def screen(self) -> str:
        """The visible screen as plain text, one line per row (trailing blanks trimmed)."""
        return self._tmux("capture-pane", "-p", "-t", "main")

    def wait_until(
        self, predicate: Callable[[str], bool], timeout: float = 10.0, what: str = ""
    ) -> str:
        """Poll the screen until `predicate(screen)` holds; return that screen.

        Raises:
            TerminalTimeout: after `timeout` seconds, with the last screen in the message.
        """
        deadline = time.monotonic() + timeout
        while True:
            text = self.screen()
            if predicate(text):
                return text
            if time.monotonic() >= deadline:
                raise TerminalTimeout(_timeout_message(what or repr(predicate), timeout, text))
            time.sleep(POLL_INTERVAL)

    def wait_for(self, pattern: str | re.Pattern[str], timeout: float = 10.0) -> str:
        """Wait until the screen contains `pattern` (text, or a compiled regex); return it."""
        if isinstance(pattern, re.Pattern):
            return self.wait_until(
                lambda s: pattern.search(s) is not None, timeout, pattern.pattern
            )
        return self.wait_until(lambda s: pattern in s, timeout, repr(pattern))

    # ----------------------------------------------------------------- the process

    def pid(self) -> int:
        """The pid of the program (tmux's `pane_pid`; the program itself, not a shell)."""
        if self._pid is None:
            self._pid = int(self._format("pane_pid"))
        return self._pid

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Send `sig` to the program, by pid (SIGKILL by default; SIGHUP as a dropped link)."""
        os.kill(self.pid(), sig)

    def alive(self) -> bool:
        """Whether the program is still running (judged by its pid, not by the pane)."""
        return process_running(self.pid())

    def wait_exit(self, timeout: float = 10.0) -> None:
        """Poll until the program has ended; raise `TerminalTimeout` if it has not."""
        deadline = time.monotonic() + timeout
        while self.alive():
            if time.monotonic() >= deadline:
                raise TerminalTimeout(_timeout_message("program exit", timeout, self.screen()))
            time.sleep(POLL_INTERVAL)

    def exit_status(self) -> int | None:
        """How the program ended: its exit code, minus the signal that killed it, or None.

        None while it runs, and for a signal death that tmux already reaped (tmux 3.3 keeps
        no signal). Read from the zombie's /proc entry while it lingers, because tmux 3.3
        sometimes leaves a dead pane's child unreaped and reports no status for it.
        """
        pid = self.pid()
        if process_running(pid):
            return None
        status = _zombie_wait_status(pid)
        if status is not None:
            return os.waitstatus_to_exitcode(status)
        value = self._format("pane_dead_status")
        return int(value) if value else None

    # ----------------------------------------------------------------- helpers

    def _client_env(self) -> dict[str, str]:
        """Environment of the tmux client, which the new server (and so the pane) inherits."""
        env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_VARIABLES}
        env.update(self.extra_env)
        env["TERM"] = self.term  # for the tmux client itself; the pane gets default-terminal
        if self.colorterm is not None:
            env["COLORTERM"] = self.colorterm
        return env

    def _format(self, name: str) -> str:
        return self._tmux("display-message", "-p", "-t", "main", f"#{{{name}}}").strip()

    def _argv(self, *args: str) -> list[str]:
        return ["tmux", "-L", self.socket, "-f", "/dev/null", *args]

    def _tmux(self, *args: str, env: Mapping[str, str] | None = None) -> str:
        result = subprocess.run(
            self._argv(*args), capture_output=True, text=True, env=env, check=False
        )
        if result.returncode != 0:
            raise RuntimeError(f"tmux {shlex.join(args[:3])} failed: {result.stderr.strip()}")
        return result.stdout

    def __repr__(self) -> str:
        command = shlex.join(self.command)
        return f"TmuxTerminal({command!r}, term={self.term!r}, socket={self.socket!r})"


#: What the `terminal` fixture gives: starts a program in a fresh, started `TmuxTerminal`
#: (arguments as for its constructor) that is closed when the test ends.
TerminalFactory = Callable[..., TmuxTerminal]


def _timeout_message(what: str, timeout: float, screen: str) -> str:
    frame = "\n".join(f"|{line}" for line in screen.splitlines())
    return f"waited {timeout:g}s for {what}; last screen:\n{frame}"


def _socket_path(name: str) -> Path:
    base = os.environ.get("TMUX_TMPDIR") or "/tmp"
    return Path(base) / f"tmux-{os.getuid()}" / name


def process_running(pid: int) -> bool:
    """Whether `pid` names a live process: a zombie waiting to be reaped counts as ended.

    (An orphan is reaped by pid 1, which in some containers takes its time.)
    """
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return False
    state = stat.rsplit(")", 1)[1].split()[0]
    return state not in ("Z", "X")


def _zombie_wait_status(pid: int) -> int | None:
    """The waitpid(2) status a zombie left in /proc/<pid>/stat (field 52), or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return None
    if fields[0] != "Z" or len(fields) < 50:
        return None
    return int(fields[49])  # fields[0] is field 3 (state), so field 52 is at index 49


def _wait_gone(pid: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while process_running(pid) and time.monotonic() < deadline:
        time.sleep(POLL_INTERVAL)

"""A pty harness that times a terminal program the way its user would feel it.

`PtyApp` starts a command in a pseudo-terminal of a fixed size with a chosen `TERM` and
`COLORTERM`, reads everything it writes on a background thread into a `pyte` terminal
emulator, and measures:

- `wait_ready(predicate)`: time from spawn to the first full screen, i.e. the predicate holds
  on the emulated screen and the output has then been quiet for `settle` seconds;
- `press(key, predicate)`: time from a key written to the pty until the predicate holds, and
  the bytes the program wrote in answer to that key;
- `idle(seconds)`: the bytes the program writes while nothing is pressed (a blinking cursor,
  a clock, a redraw nobody asked for);
- `peak_rss_bytes`: the peak resident memory of the process tree (VmHWM from /proc);
- `close()`: a clean shutdown: the quit key, then SIGTERM, then SIGKILL, each by pid.

Times are stamped by the reader thread when the bytes that made the predicate true arrived,
not when a waiting thread woke up, so polling never inflates a figure. The emulator answers
no terminal queries (a real xterm would), which Textual does not wait for.

This module reports figures; it never decides whether they are good enough.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import termios
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import TracebackType

import pyte

from tests.bench.keys import key_bytes
from tests.bench.procfs import tree_peak_rss_bytes

#: A test on the emulated screen's text (rows joined by newlines).
Predicate = Callable[[str], bool]

#: Removed from the inherited environment, so only the arguments decide the terminal.
SCRUBBED_VARIABLES = ("TERM", "COLORTERM", "TMUX", "TMUX_PANE", "NO_COLOR", "FORCE_COLOR")


class HarnessError(RuntimeError):
    """The program did not reach the awaited screen; the message carries the last screen."""


class ScreenContains:
    """A predicate that holds when the screen contains every one of `texts`.

    Its repr names the texts, so reports and errors say what was awaited.
    """

    def __init__(self, *texts: str) -> None:
        self.texts = texts

    def __call__(self, screen: str) -> bool:
        return all(text in screen for text in self.texts)

    def __repr__(self) -> str:
        return f"contains({', '.join(map(repr, self.texts))})"


@dataclass(frozen=True)
class Ready:
    """How the first full screen arrived, in seconds after spawn."""

    first_match_s: float
    """When the predicate first held."""
    full_screen_s: float
    """When the last output before a quiet `settle` period arrived: the first full screen."""
    bytes_out: int
    """Bytes the program had written by then."""


@dataclass(frozen=True)
class KeyResult:
    """The program's answer to one key, in seconds after the key was written."""

    key: str
    """The key as given (its name, or the literal text)."""
    latency_s: float
    """When the predicate first held: the visible change."""
    settled_s: float
    """When the last output of the answer arrived (before a quiet `settle` period)."""
    bytes_out: int
    """Bytes the program wrote from the key until the output went quiet."""


@dataclass(frozen=True)
class Shutdown:
    """How the program ended."""

    how: str
    """`"exited"` (before close), `"quit"` (the quit key), `"terminate"` or `"kill"`."""
    returncode: int | None
    """Exit code, or minus the signal number that ended it (as `subprocess` reports)."""


class PtyApp:
    """A command running in a pty of its own, read continuously into a pyte screen.

    Args:
        command: Program and arguments (no shell).
        cols: Terminal width in columns.
        rows: Terminal height in rows.
        term: The `TERM` the program sees.
        colorterm: The `COLORTERM` the program sees, or None for none (as over ssh).
        env: Extra environment variables on top of the scrubbed inherited environment.
        cwd: Working directory of the program.
    """

    def __init__(
        self,
        command: Sequence[str],
        *,
        cols: int = 80,
        rows: int = 24,
        term: str = "xterm-256color",
        colorterm: str | None = None,
        env: Mapping[str, str] | None = None,
        cwd: str | os.PathLike[str] | None = None,
    ) -> None:
        self.command = list(command)
        self.cols, self.rows = cols, rows
        self.env = _program_env(term, colorterm, env or {})
        self.cwd = os.fspath(cwd) if cwd is not None else None
        self.pid: int | None = None
        self.spawned_at = 0.0
        self._fd = -1
        self._screen = pyte.Screen(cols, rows)
        self._stream = pyte.ByteStream(self._screen)
        self._changed = threading.Condition()
        self._bytes_out = 0
        self._last_output = 0.0
        self._eof = False
        self._watch: Predicate | None = None
        self._matched_at: float | None = None
        self._reader: threading.Thread | None = None
        self._returncode: int | None = None
        self._peak_rss = 0

    # ----------------------------------------------------------------- lifecycle

    def start(self) -> PtyApp:
        """Spawn the program at the fixed size and start reading its output."""
        self.spawned_at = time.monotonic()
        self._last_output = self.spawned_at
        pid, fd = pty.fork()
        if pid == 0:  # the child: size the terminal before the program can ask, then exec
            _exec_child(self.command, self.env, self.cwd, self.cols, self.rows)
        self.pid, self._fd = pid, fd
        self._reader = threading.Thread(target=self._read_loop, name="pty-reader", daemon=True)
        self._reader.start()
        return self

    def close(self, quit_key: str | bytes | None = "q", grace: float = 5.0) -> Shutdown:
        """End the program: `quit_key`, then SIGTERM, then SIGKILL, each given `grace` seconds."""
        if self.pid is None:
            raise RuntimeError("not started")
        self.sample_rss()
        how = "exited" if self._reap() else ""
        if not how and quit_key is not None:
            try:
                self._write(key_bytes(quit_key))
            except OSError:  # the terminal is already gone: the program is ending anyway
                pass
            how = "quit" if self._reap(grace) else ""
        for sig, name in ((signal.SIGTERM, "terminate"), (signal.SIGKILL, "kill")):
            if not how:
                os.kill(self.pid, sig)
                how = name if self._reap(grace) else ""
        self._stop_reading()
        return Shutdown(how, self._returncode)

    def __enter__(self) -> PtyApp:
        return self.start() if self.pid is None else self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.pid is not None and self._fd >= 0:
            self.close()

    # ----------------------------------------------------------------- measuring

    def wait_ready(
        self, predicate: Predicate, *, settle: float = 0.3, timeout: float = 30.0
    ) -> Ready:
        """Wait for the first full screen: `predicate` holds and output is quiet for `settle` s."""
        self._arm(predicate)
        matched_at, settled_at = self._await(predicate, self.spawned_at, settle, timeout)
        self.sample_rss()
        return Ready(
            first_match_s=matched_at - self.spawned_at,
            full_screen_s=settled_at - self.spawned_at,
            bytes_out=self.bytes_out,
        )

    def press(
        self,
        key: str | bytes,
        predicate: Predicate,
        *,
        settle: float = 0.2,
        timeout: float = 10.0,
    ) -> KeyResult:
        """Write `key` and time it until `predicate` holds; count the bytes of the answer.

        Raises:
            ValueError: if `predicate` already holds before the key: it could not time it.
        """
        if self._arm(predicate):
            self._disarm()
            raise ValueError(f"{predicate!r} already holds before {key!r} is pressed")
        before = self.bytes_out
        sent_at = self._write(key_bytes(key))
        matched_at, settled_at = self._await(predicate, sent_at, settle, timeout)
        self.sample_rss()
        return KeyResult(
            key=key if isinstance(key, str) else key.decode(errors="replace"),
            latency_s=matched_at - sent_at,
            settled_s=settled_at - sent_at,
            bytes_out=self.bytes_out - before,
        )

    def idle(self, seconds: float) -> int:
        """Press nothing for `seconds`; return the bytes the program wrote meanwhile."""
        before = self.bytes_out
        time.sleep(seconds)
        self.sample_rss()
        return self.bytes_out - before

    def resize(self, cols: int, rows: int, *, settle: float = 0.3, timeout: float = 10.0) -> int:
        """Give the terminal a new size (the program gets SIGWINCH); wait until it has redrawn.

        Returns the bytes the program wrote for it. The emulated screen keeps its size: shrink
        and grow back to make the program draw its whole screen again.
        """
        before = self.bytes_out
        fcntl.ioctl(self._fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        deadline = time.monotonic() + timeout
        with self._changed:  # the redraw starts a moment later (Textual waits for the size to settle)
            while self._bytes_out == before and not self._eof and time.monotonic() < deadline:
                self._changed.wait(0.05)
        self.wait_quiet(settle=settle, timeout=timeout)
        return self.bytes_out - before

    def wait_quiet(self, *, settle: float = 0.3, timeout: float = 10.0) -> None:
        """Wait until the program has written nothing for `settle` seconds."""
        always: Predicate = lambda screen: True  # noqa: E731
        self._arm(always)
        self._await(always, time.monotonic(), settle, timeout)

    def cells(self) -> list[list[tuple[str, str, str, bool, bool]]]:
        """The emulated screen cell by cell: character, colours, bold, reverse."""
        with self._changed:
            buffer = self._screen.buffer
            return [
                [(c.data, c.fg, c.bg, c.bold, c.reverse) for c in (buffer[y][x] for x in range(self.cols))]
                for y in range(self.rows)
            ]

    def screen_text(self) -> str:
        """The emulated screen, rows joined by newlines (trailing blanks kept)."""
        with self._changed:
            return "\n".join(self._screen.display)

    @property
    def bytes_out(self) -> int:
        """All bytes the program has written to the terminal so far."""
        with self._changed:
            return self._bytes_out

    @property
    def peak_rss_bytes(self) -> int:
        """Highest sum of VmHWM over the process tree seen by any sample so far."""
        return self._peak_rss

    def sample_rss(self) -> int:
        """Read the process tree's peak RSS now (called after each measurement); return it."""
        if self.pid is not None and self._returncode is None:
            self._peak_rss = max(self._peak_rss, tree_peak_rss_bytes(self.pid))
        return self._peak_rss

    # ----------------------------------------------------------------- internals

    def _arm(self, predicate: Predicate) -> bool:
        """Let the reader stamp the moment `predicate` first holds; True if it already does.

        Armed before a key is written, so no chunk can slip between the key and the watch.
        """
        with self._changed:
            self._watch, self._matched_at = predicate, None
            if predicate("\n".join(self._screen.display)):
                self._matched_at = self._last_output  # the latest it can have become true
            return self._matched_at is not None

    def _disarm(self) -> None:
        with self._changed:
            self._watch = None

    def _await(
        self, predicate: Predicate, since: float, settle: float, timeout: float
    ) -> tuple[float, float]:
        """Block until the armed `predicate` held and output was then quiet; both moments."""
        deadline = since + timeout
        with self._changed:
            try:
                while True:
                    now = time.monotonic()
                    quiet_for = now - self._last_output
                    if self._matched_at is not None and quiet_for >= settle:
                        return self._matched_at, max(self._matched_at, self._last_output)
                    if self._eof or now >= deadline:
                        raise HarnessError(self._failure(predicate, timeout))
                    pause = settle - quiet_for if self._matched_at is not None else deadline - now
                    self._changed.wait(max(min(pause, deadline - now), 0.005))
            finally:
                self._watch = None

    def _failure(self, predicate: Predicate, timeout: float) -> str:
        if self._eof:
            why = "the program exited"
        elif self._matched_at is not None:
            why = "the output never went quiet (a blinking cursor or an animation?)"
        else:
            why = f"it did not appear within {timeout:g}s"
        frame = "\n".join(f"|{line.rstrip()}" for line in self._screen.display)
        return f"waiting for {predicate!r}: {why}; last screen:\n{frame}"

    def _read_loop(self) -> None:
        """Feed everything the program writes into the emulator, stamping each chunk."""
        while True:
            try:
                ready, _, _ = select.select([self._fd], [], [], 0.1)
                data = os.read(self._fd, 65536) if ready else None
            except (OSError, ValueError):  # EIO once the program is gone; EBADF after close
                data = b""
            if data is None:
                continue
            arrived = time.monotonic()
            with self._changed:
                if not data:
                    self._eof = True
                    self._changed.notify_all()
                    return
                self._feed(data, arrived)
                self._changed.notify_all()

    def _feed(self, data: bytes, arrived: float) -> None:
        self._stream.feed(data)
        self._bytes_out += len(data)
        self._last_output = arrived
        if self._watch is not None and self._matched_at is None:
            if self._watch("\n".join(self._screen.display)):
                self._matched_at = arrived

    def _write(self, data: bytes) -> float:
        """Write `data` to the program's terminal; return the moment just before writing."""
        sent_at = time.monotonic()
        os.write(self._fd, data)
        return sent_at

    def _reap(self, timeout: float = 0.0) -> bool:
        """Poll for the program's exit for up to `timeout` s; True once it has been reaped."""
        deadline = time.monotonic() + timeout
        while self._returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self._returncode = os.waitstatus_to_exitcode(status)
            elif time.monotonic() >= deadline:
                return False
            else:
                time.sleep(0.02)
        return True

    def _stop_reading(self) -> None:
        if self._reader is not None:
            self._reader.join(timeout=2.0)
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


def _program_env(term: str, colorterm: str | None, extra: Mapping[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_VARIABLES}
    env.update(extra)
    env["TERM"] = term
    if colorterm is not None:
        env["COLORTERM"] = colorterm
    return env


def _exec_child(
    command: list[str], env: dict[str, str], cwd: str | None, cols: int, rows: int
) -> None:
    """In the forked child: set the window size, change directory, exec. Never returns."""
    try:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        if cwd is not None:
            os.chdir(cwd)
        os.execvpe(command[0], command, env)
    except BaseException as error:  # reported on the terminal, where the harness shows it
        os.write(2, f"cannot start {command[0]}: {error}\r\n".encode())
    finally:
        os._exit(127)

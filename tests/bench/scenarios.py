"""What the benchmarks measure: terminal settings, and scenarios as plain data.

A `Scenario` is a command, a predicate that says its first screen is complete, and a list of
`Step`s (a key and a predicate that says the key's effect is on screen). `tests.bench.run`
runs every scenario in every `SETTINGS` entry beside the `HELLO` floor and writes the report.

Adding a rembuk scenario
------------------------
Append a `Scenario` to `REMBUK_SCENARIOS`. Each run gets a fresh scratch directory, which is
also the program's HOME and XDG data/config/cache directory, so nothing touches a user's real
data; `prepare` (not timed) can create a workshop file there first. For example::

    REMBUK_SCENARIOS.append(
        Scenario(
            name="rembuk overview",
            prepare=lambda scratch: subprocess.run(
                [rembuk_executable(), "new", str(scratch / "w.rembuk"), "--demo"], check=True
            ),
            command=lambda scratch: [rembuk_executable(), "open", str(scratch / "w.rembuk")],
            ready=ScreenContains("Smart Governance", "Smart Environment"),
            steps=[
                Step("note: type", "Anggaran disetujui", ScreenContains("Anggaran disetujui")),
                Step("note: save", "enter", ScreenContains("Saved")),
            ],
        )
    )

Steps that share a `name` are pooled into one row of the report (the hello floor presses
`c` five times as one "key" row). A step's predicate must not already hold before its key,
or the harness refuses to time it. `idle_step` makes a step that presses nothing and reports
the bytes written per second meanwhile (0 for a program that draws only what changes).

A scenario runs in each of its `frames`: a terminal size, directly in the pty or through a tmux
server (the README's set-up: the harness's pty is then a tmux client, and the bytes counted are
tmux's). The hello floor runs in every frame any selected scenario uses.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tests.bench.harness import Predicate, ScreenContains

#: The hello-world app every figure is compared against.
HELLO_APP = Path(__file__).with_name("hello_app.py")


@dataclass(frozen=True)
class TerminalSetting:
    """A terminal as the program sees it: its TERM and COLORTERM."""

    name: str
    """Short label for the report."""
    term: str
    """The TERM variable."""
    colorterm: str | None = None
    """The COLORTERM variable, or None for none."""


#: 256 colours as ssh gives them (no COLORTERM), truecolor, and 16 colours as PuTTY sends.
SETTINGS: tuple[TerminalSetting, ...] = (
    TerminalSetting("256 colours", "xterm-256color"),
    TerminalSetting("truecolor", "xterm-256color", "truecolor"),
    TerminalSetting("16 colours", "xterm"),
)


@dataclass(frozen=True)
class Step:
    """One key and the screen that shows it took effect."""

    name: str
    """Row label in the report; steps with the same name are pooled."""
    key: str | bytes
    """A key name (`enter`, `f1`, `ctrl+n`, ...), literal text, or raw bytes."""
    until: Predicate
    """Holds once the key's effect is visible."""
    idle: float = 0.0
    """If positive, press nothing for this many seconds and report bytes per second instead."""


#: The name of every idle step starts so: its row is bytes per second, not per key.
IDLE = "idle"


def idle_step(what: str, seconds: float = 3.0) -> Step:
    """A step that presses nothing for `seconds`: its row reports bytes written per second."""
    return Step(f"{IDLE}, {what} (B/s)", b"", lambda screen: True, idle=seconds)


@dataclass(frozen=True)
class Frame:
    """Where a scenario runs: a terminal size, and directly in the pty or through tmux."""

    cols: int = 80
    rows: int = 24
    tmux: bool = False
    """Run the program in a tmux server; the harness's pty is a tmux client (`tmux new`)."""

    @property
    def label(self) -> str:
        """Added to the setting's name in the report ("" for 80×24 directly)."""
        size = "" if (self.cols, self.rows) == (80, 24) else f" {self.cols}×{self.rows}"
        return size + (" via tmux" if self.tmux else "")

    def command(self, command: Sequence[str], socket: Path) -> list[str]:
        """`command` as run in this frame: itself, or inside a new tmux session on `socket`.

        tmux runs with its defaults (no configuration file), as `tmux new -A -s bimtek` does in a
        fresh account: the status line takes the bottom row, so the program sees one row less.
        """
        if not self.tmux:
            return list(command)
        return ["tmux", "-S", str(socket), "-f", "/dev/null", "new-session", "-x", str(self.cols),
                "-y", str(self.rows), "--", *command]


#: The default frame: 80×24, directly in the pty.
SMALL = Frame()
#: The size issue 15 measures at, directly and through tmux.
LARGE = Frame(120, 40)
LARGE_TMUX = Frame(120, 40, tmux=True)


@dataclass(frozen=True)
class Scenario:
    """A program to start, its first full screen, and the keys to time in it."""

    name: str
    """Label in the report."""
    command: Callable[[Path], Sequence[str]]
    """Builds the command line, given the run's scratch directory."""
    ready: Predicate
    """Holds once the first screen is complete."""
    steps: Sequence[Step] = ()
    """Keys to time, in order, after the first full screen."""
    prepare: Callable[[Path], object] | None = None
    """Untimed set-up in the scratch directory before the program starts."""
    env: Mapping[str, str] = field(default_factory=dict)
    """Extra environment variables for the program."""
    quit_key: str | None = "q"
    """The key that quits the program cleanly (None: go straight to SIGTERM)."""
    frames: Sequence[Frame] = (SMALL,)
    """The sizes (and tmux or not) it runs in."""


def rembuk_executable() -> str:
    """The `rembuk` console script of the running environment (a venv's bin/), else PATH's."""
    beside = Path(sys.executable).with_name("rembuk")
    return str(beside) if beside.exists() else (shutil.which("rembuk") or "rembuk")


#: The floor: start the hello app, then change its label five times with `c`.
HELLO = Scenario(
    name="hello (floor)",
    command=lambda scratch: [sys.executable, str(HELLO_APP)],
    ready=ScreenContains("hello", "Quit"),
    steps=[*(Step("key c", "c", ScreenContains(f"hello {n}")) for n in range(1, 6)), idle_step("nothing open")],
)

def _demo(scratch: Path) -> None:
    subprocess.run([rembuk_executable(), "new", str(scratch / "w.rembuk"), "--demo", "--no-open"],
                   check=True, capture_output=True)


def _stress(scratch: Path) -> None:
    """The default-size stress workshop (`data.stress`), untimed."""
    subprocess.run([sys.executable, "-m", "data.stress", str(scratch / "w.rembuk")],
                   check=True, capture_output=True)


class _NoteLineClosed:
    """Holds once the note line's hint has left the screen."""

    def __call__(self, screen: str) -> bool:
        return "Enter saves" not in screen

    def __repr__(self) -> str:
        return "the note line closed"


def _overview(name: str, prepare: Callable[[Path], object]) -> Scenario:
    """Start on a workshop, move between tiles, open the note line, type and save a note, close it.

    Idle steps count what is written while nothing happens, with the line open and closed. The
    second note is saved after the idle wait, as a notulis's would be: a save that came more
    than a second after the line opened once rewrote the whole terminal.
    """
    return Scenario(
        name=name,
        prepare=prepare,
        command=lambda scratch: [rembuk_executable(), "open", str(scratch / "w.rembuk")],
        env={"REMBUK_LANG": "en"},
        ready=ScreenContains("Smart Environment", "Latest notes", "ENV-3"),
        steps=[
            Step("navigate tiles", "right", ScreenContains("▶ 2 Smart Branding")),
            Step("navigate tiles", "down", ScreenContains("▶ 5 Smart Society")),
            idle_step("nothing open"),
            Step("open note line", "n", ScreenContains("Note →")),
            Step("type a note", "Anggaran disetujui", ScreenContains("Anggaran disetujui")),
            Step("save a note", "enter", ScreenContains("Note: Anggaran disetujui")),
            idle_step("note line open"),
            Step("type a note", "Rapat lanjutan", ScreenContains("Rapat lanjutan")),
            Step("save a note, line open a while", "enter", ScreenContains("Note: Rapat lanjutan")),
            Step("close note line", "escape", _NoteLineClosed()),
        ],
        frames=(SMALL, LARGE, LARGE_TMUX),
    )


#: rembuk's own scenarios, measured beside HELLO (see the module docstring for how to add one).
REMBUK_SCENARIOS: list[Scenario] = [
    _overview("rembuk overview (demo)", _demo),
    _overview("rembuk overview (stress)", _stress),
]

from tests.bench.roadmap_bench import roadmap_scenario  # noqa: E402

REMBUK_SCENARIOS.append(roadmap_scenario())

from tests.bench.board_scenarios import BOARD_SCENARIOS  # noqa: E402  (it needs Scenario, above)

REMBUK_SCENARIOS.extend(BOARD_SCENARIOS)

from tests.bench.list_scenarios import list_screens_scenario  # noqa: E402  (it needs Scenario, above)

REMBUK_SCENARIOS.append(list_screens_scenario())

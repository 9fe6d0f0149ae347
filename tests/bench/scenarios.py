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
or the harness refuses to time it.
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


def rembuk_executable() -> str:
    """The `rembuk` console script of the running environment (a venv's bin/), else PATH's."""
    beside = Path(sys.executable).with_name("rembuk")
    return str(beside) if beside.exists() else (shutil.which("rembuk") or "rembuk")


#: The floor: start the hello app, then change its label five times with `c`.
HELLO = Scenario(
    name="hello (floor)",
    command=lambda scratch: [sys.executable, str(HELLO_APP)],
    ready=ScreenContains("hello", "Quit"),
    steps=[Step("key c", "c", ScreenContains(f"hello {n}")) for n in range(1, 6)],
)

def _demo(scratch: Path) -> None:
    subprocess.run([rembuk_executable(), "new", str(scratch / "w.rembuk"), "--demo", "--no-open"],
                   check=True, capture_output=True)


def _stress(scratch: Path) -> None:
    """The default-size stress workshop (`data.stress`), untimed."""
    subprocess.run([sys.executable, "-m", "data.stress", str(scratch / "w.rembuk")],
                   check=True, capture_output=True)


def _overview(name: str, prepare: Callable[[Path], object]) -> Scenario:
    """Start on a workshop, move between tiles, open the note line, type and save a note."""
    return Scenario(
        name=name,
        prepare=prepare,
        command=lambda scratch: [rembuk_executable(), "open", str(scratch / "w.rembuk")],
        env={"REMBUK_LANG": "en"},
        ready=ScreenContains("Smart Environment", "Latest notes", "ENV-3"),
        steps=[
            Step("navigate tiles", "right", ScreenContains("┏━ 2 Smart Branding")),
            Step("navigate tiles", "down", ScreenContains("┏━ 5 Smart Society")),
            Step("open note line", "n", ScreenContains("Note →")),
            Step("type a note", "Anggaran disetujui", ScreenContains("Anggaran disetujui")),
            Step("save a note", "enter", ScreenContains("Note: Anggaran disetujui")),
        ],
        quit_key=None,  # the note line is open: 'q' would be typed; SIGTERM closes cleanly
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

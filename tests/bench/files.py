"""How the file commands grow with the workshop: exports and bundle import at 1×, 2× and 4×.

For each scale, the stress workshop (`data.stress`) is created untimed, then each command runs
as its own subprocess, exactly as a user types it: `rembuk export minutes`, `rembuk export
bundle` and `rembuk import` (of the bundle just written). Each is timed from spawn to exit
(wall clock) and its peak RSS is read from `wait4`'s resource usage of that one child.

This reports; it asserts nothing.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.bench.scenarios import rembuk_executable

#: The scales of the stress workshop measured (1 = the default size).
SCALES = (1, 2, 4)


@dataclass(frozen=True)
class FileRun:
    """One run of one file command on one scale of the stress workshop."""

    command: str
    scale: int
    seconds: float
    peak_rss_bytes: int
    output_bytes: int
    """Size of what the command wrote (the Markdown, the JSON, the new workshop file)."""


def timed(argv: Sequence[str], env: dict[str, str]) -> tuple[float, int]:
    """Run `argv` to completion: (wall seconds, the child's peak RSS in bytes)."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed: {child.stderr.read().decode()}")
    return seconds, usage.ru_maxrss * 1024  # ru_maxrss is in KiB on Linux


def measure_scale(scale: int, scratch: Path, env: dict[str, str]) -> list[FileRun]:
    """Create the stress workshop at `scale` in `scratch` and time the three file commands."""
    rembuk = rembuk_executable()
    workshop, minutes = scratch / f"w{scale}.rembuk", scratch / f"m{scale}.md"
    bundle, imported = scratch / f"b{scale}.json", scratch / f"i{scale}.rembuk"
    subprocess.run([sys.executable, "-m", "data.stress", str(workshop), "--scale", str(scale)],
                   check=True, capture_output=True, env=env)
    commands = [
        ("export minutes", [rembuk, "export", "minutes", str(workshop), "-o", str(minutes)], minutes),
        ("export bundle", [rembuk, "export", "bundle", str(workshop), "-o", str(bundle)], bundle),
        ("import", [rembuk, "import", str(bundle), "-o", str(imported)], imported),
    ]
    runs = []
    for name, argv, output in commands:
        seconds, rss = timed(argv, env)
        runs.append(FileRun(name, scale, seconds, rss, output.stat().st_size))
    return runs


def measure(runs: int = 3, scales: Sequence[int] = SCALES, progress: bool = False) -> list[FileRun]:
    """Every file command at every scale, `runs` times, each run in a fresh scratch directory."""
    results = []
    for index in range(runs):
        for scale in scales:
            with tempfile.TemporaryDirectory(prefix="rembuk-bench-files-") as scratch:
                env = {**os.environ, "HOME": scratch, "XDG_DATA_HOME": f"{scratch}/data"}
                results += measure_scale(scale, Path(scratch), env)
            if progress:
                print(f"files run {index + 1}/{runs}: scale {scale}×", file=sys.stderr)
    return results


def render(results: Sequence[FileRun]) -> list[str]:
    """The report's section: one row per command and scale, medians over the runs."""
    lines = [
        "## File commands on the stress workshop",
        "",
        "The stress workshop (`python -m data.stress`: 40 agencies, 3,000 innovations, 15,000 "
        "action steps, 9,000 risks, 5,000 notes) at 1×, 2× and 4×; each command a subprocess, "
        "timed from spawn to exit; peak RSS of that process (`wait4`). Medians.",
        "",
        "| Command | Scale | Median s | Peak RSS MiB | Output MiB | s per 1× | n |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    groups: dict[tuple[str, int], list[FileRun]] = {}
    for run in results:
        groups.setdefault((run.command, run.scale), []).append(run)
    for (command, scale), runs in sorted(groups.items()):
        seconds = statistics.median(r.seconds for r in runs)
        rss = statistics.median(r.peak_rss_bytes for r in runs) / 2**20
        size = statistics.median(r.output_bytes for r in runs) / 2**20
        lines.append(f"| {command} | {scale}× | {seconds:.2f} | {rss:.0f} | {size:.1f} | "
                     f"{seconds / scale:.2f} | {len(runs)} |")
    return lines

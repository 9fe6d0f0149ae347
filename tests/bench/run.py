"""Run the benchmarks and write BENCHMARKS.md: `python -m tests.bench.run [--runs N]`.

Every scenario in `scenarios.py` (the hello floor, then `REMBUK_SCENARIOS`) is started by
the pty harness in each terminal setting, `--runs` times, interleaved so that a busy moment
of the machine hurts every scenario alike. Each row of the report is a median, beside the
hello app's figure from the same run and setting.

This reports; it asserts nothing. Tests must never depend on these figures.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from tests.bench import before_after, documents, files
from tests.bench.harness import KeyResult, PtyApp, Shutdown
from tests.bench.scenarios import (
    HELLO,
    IDLE,
    REMBUK_SCENARIOS,
    SETTINGS,
    SMALL,
    Frame,
    Scenario,
    TerminalSetting,
)

#: Where the report goes by default: the repository's root.
DEFAULT_OUTPUT = Path(__file__).resolve().parents[2] / "BENCHMARKS.md"

#: The measure name of the start-up row.
START = "start → full screen"


@dataclass(frozen=True)
class RunResult:
    """One run of one scenario in one terminal setting."""

    scenario: str
    setting: str
    """The terminal setting's name."""
    start_s: float
    """Spawn to the first full screen."""
    start_bytes: int
    """Bytes written to draw the first full screen."""
    keys: tuple[tuple[str, KeyResult], ...]
    """Each step's name and result, in order."""
    peak_rss_bytes: int
    """Peak RSS of the process tree (VmHWM, sampled after each measurement)."""
    shutdown: Shutdown
    """How the program ended."""


@dataclass(frozen=True)
class Row:
    """One line of the report: the median of one measure over all runs."""

    scenario: str
    measure: str
    """`START`, or the name of a step."""
    setting: str
    median_ms: float
    floor_ms: float
    """The hello floor's median for the same kind of measure (start, or any key), same setting."""
    bytes_out: float
    """Median bytes written per key (for `START`: to draw the first full screen)."""
    peak_rss_mb: float
    """Median over runs of the process tree's peak RSS, in MiB."""
    samples: int
    """How many measurements the median is taken over."""

    @property
    def ratio(self) -> float:
        """The median as a multiple of the hello floor's."""
        return self.median_ms / self.floor_ms if self.floor_ms else float("nan")


def run_once(scenario: Scenario, setting: TerminalSetting, frame: Frame = SMALL) -> RunResult:
    """Start `scenario` in a fresh scratch directory, time its first screen and steps, quit.

    Through tmux, the tmux server is ended by its socket afterwards, whatever happened.
    """
    with tempfile.TemporaryDirectory(prefix="rembuk-bench-") as scratch_dir:
        scratch = Path(scratch_dir)
        if scenario.prepare is not None:
            scenario.prepare(scratch)
        socket = scratch / "tmux.sock"
        app = PtyApp(
            frame.command(scenario.command(scratch), socket),
            cols=frame.cols,
            rows=frame.rows,
            term=setting.term,
            colorterm=setting.colorterm,
            env={**_hermetic_env(scratch), **scenario.env},
            cwd=scratch,
        )
        try:
            with app:
                ready = app.wait_ready(scenario.ready)
                keys = tuple((step.name, _step(app, step)) for step in scenario.steps)
                shutdown = app.close(scenario.quit_key)
        finally:
            if frame.tmux:
                subprocess.run(["tmux", "-S", str(socket), "kill-server"], capture_output=True)
    return RunResult(
        scenario=scenario.name,
        setting=setting.name + frame.label,
        start_s=ready.full_screen_s,
        start_bytes=ready.bytes_out,
        keys=keys,
        peak_rss_bytes=app.peak_rss_bytes,
        shutdown=shutdown,
    )


def _step(app: PtyApp, step) -> KeyResult:
    """Press the step's key and time it; an idle step reports bytes per second as its bytes."""
    if not step.idle:
        return app.press(step.key, step.until)
    per_second = round(app.idle(step.idle) / step.idle)
    return KeyResult(key="", latency_s=0.0, settled_s=step.idle, bytes_out=per_second)


def _hermetic_env(scratch: Path) -> dict[str, str]:
    """HOME and the XDG directories inside the scratch directory: no real user data is used."""
    return {
        "HOME": str(scratch),
        "XDG_DATA_HOME": str(scratch / "data"),
        "XDG_CONFIG_HOME": str(scratch / "config"),
        "XDG_CACHE_HOME": str(scratch / "cache"),
    }


def measure(
    scenarios: Sequence[Scenario],
    settings: Sequence[TerminalSetting] = SETTINGS,
    runs: int = 5,
    warmup: int = 1,
    progress: bool = False,
    frames: Sequence[Frame] | None = None,
) -> list[RunResult]:
    """Run every scenario in every setting and frame `runs` times, after `warmup` untimed runs.

    `frames`, if given, limits every scenario to those of its frames; the floor (`HELLO`) runs
    in every frame any other scenario runs in, so each figure has a floor beside it.
    """
    plan = _frames(scenarios, frames)
    for scenario in scenarios:
        for _ in range(warmup):
            run_once(scenario, settings[0], plan[scenario.name][0])
    results = []
    for index in range(runs):
        for setting in settings:
            for scenario in scenarios:
                for frame in plan[scenario.name]:
                    results.append(run_once(scenario, setting, frame))
                    if progress:
                        print(f"run {index + 1}/{runs}: {scenario.name}, {setting.name}{frame.label}",
                              file=sys.stderr)
    return results


def _frames(scenarios: Sequence[Scenario], only: Sequence[Frame] | None) -> dict[str, list[Frame]]:
    """Each scenario's frames (limited to `only`), the floor's being all of them."""
    plan = {s.name: [f for f in s.frames if only is None or f in only] or [SMALL] for s in scenarios}
    every = list(dict.fromkeys(f for s in scenarios if s.name != HELLO.name for f in plan[s.name]))
    if HELLO.name in plan:
        plan[HELLO.name] = list(dict.fromkeys([*plan[HELLO.name], *every]))
    return plan


#: Pooled samples: (scenario, measure, setting) -> [(seconds, bytes), ...].
Samples = dict[tuple[str, str, str], list[tuple[float, int]]]


def summarise(results: Sequence[RunResult], floor: str = HELLO.name) -> list[Row]:
    """Pool the runs into rows of medians, each beside the floor scenario's figure."""
    samples = _pool(results)
    rss: dict[tuple[str, str], list[int]] = {}
    for run in results:
        rss.setdefault((run.scenario, run.setting), []).append(run.peak_rss_bytes)
    rows = [
        Row(
            scenario,
            measure,
            setting,
            median_ms=_median_ms(pool),
            floor_ms=_floor_ms(samples, floor, measure, setting),
            bytes_out=statistics.median(bytes_out for _, bytes_out in pool),
            peak_rss_mb=statistics.median(rss[(scenario, setting)]) / 2**20,
            samples=len(pool),
        )
        for (scenario, measure, setting), pool in samples.items()
    ]
    return sorted(rows, key=_row_order(samples))


def _pool(results: Iterable[RunResult]) -> Samples:
    """Each measure's (seconds, bytes) samples, keyed by (scenario, measure, setting)."""
    samples: Samples = {}
    for run in results:
        samples.setdefault((run.scenario, START, run.setting), []).append(
            (run.start_s, run.start_bytes)
        )
        for name, key in run.keys:
            samples.setdefault((run.scenario, name, run.setting), []).append(
                (key.latency_s, key.bytes_out)
            )
    return samples


def _row_order(samples: Samples) -> Callable[[Row], tuple[int, int, int]]:
    """Rows grouped by scenario, then measure, then setting, each in order of first appearance."""
    scenarios, measures, settings = ({key[i]: n for n, key in enumerate(samples)} for i in range(3))
    return lambda row: (scenarios[row.scenario], measures[row.measure], settings[row.setting])


def _median_ms(pool: Sequence[tuple[float, int]]) -> float:
    return statistics.median(seconds for seconds, _ in pool) * 1000 if pool else 0.0


def _floor_ms(samples: Samples, floor: str, measure: str, setting: str) -> float:
    """The floor's start-up median for a start row; its median over all keys for a key row."""
    if measure == START:
        return _median_ms(samples.get((floor, START, setting), []))
    keys = [
        s
        for (sc, m, st), pool in samples.items()
        if (sc, st) == (floor, setting) and m != START and not m.startswith(IDLE)
        for s in pool
    ]
    return _median_ms(keys)


def machine() -> dict[str, str]:
    """What the figures were taken on."""
    return {
        "Platform": platform.platform(),
        "CPU": f"{_cpu_model()} ({os.cpu_count()} logical CPUs)",
        "Python": platform.python_version(),
        "Textual": _version("textual"),
        "pyte": _version("pyte"),
    }


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.machine()


def render(rows: Sequence[Row], results: Sequence[RunResult], runs: int, when: datetime,
           extra: Sequence[str] = ()) -> str:
    """The Markdown report: how it was measured, the table, `extra` sections, and the machine."""
    lines = [
        "# Benchmarks",
        "",
        f"Measured {when:%Y-%m-%d %H:%M} UTC by `python -m tests.bench.run --runs {runs}` "
        "(`make bench`). Each figure is the median of its samples; `× floor` divides it by the "
        "hello-world Textual app's figure from the same run and terminal setting.",
        "",
        f"- **{START}**: spawn in an 80×24 pty (or the size the setting names) until the scenario's "
        "first screen is complete and the output has been quiet for 0.3 s (the time is that of the "
        "last byte before the quiet).",
        "- **key rows**: a key written to the pty until its effect is on the emulated screen.",
        "- **Bytes/key**: bytes the program wrote in answer to one key; on a start row, the bytes "
        "of the whole first screen; on an idle row, bytes per second while nothing is pressed.",
        "- **via tmux**: the program runs in a tmux server (defaults, status line on); the pty is a "
        "tmux client, so the bytes are what tmux sends the facilitator's terminal.",
        "- **Peak RSS**: the highest VmHWM of the program's process tree, from /proc.",
        "",
        "| Scenario | Measure | Setting | Median ms | × floor | Bytes/key | Peak RSS MiB | n |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row.scenario} | {row.measure} | {row.setting} | {row.median_ms:.1f} | "
            f"{row.ratio:.2f} | {row.bytes_out:,.0f} | {row.peak_rss_mb:.1f} | {row.samples} |"
        )
    unclean = [r for r in results if r.shutdown.how != "quit"]
    if unclean:
        lines += ["", f"{len(unclean)} run(s) did not quit on their quit key:"]
        lines += [f"- {r.scenario}, {r.setting}: {r.shutdown}" for r in unclean]
    if extra:
        lines += ["", *extra]
    lines += ["", "## Machine", ""] + [f"- {k}: {v}" for k, v in machine().items()]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Measure, print the report, and write it to `--output`."""
    parser = argparse.ArgumentParser(
        prog="python -m tests.bench.run", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--runs", type=int, default=5, help="timed runs per scenario and setting")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs per scenario first")
    parser.add_argument(
        "--output", type=Path, default=DEFAULT_OUTPUT, help="where to write the report"
    )
    parser.add_argument("--file-runs", type=int, default=3,
                        help="runs of the file commands per scale (0: leave them out)")
    parser.add_argument("--document-runs", type=int, default=1,
                        help="runs of the document and sheet commands (0: leave them out)")
    parser.add_argument("--only", action="append", metavar="TEXT",
                        help="run only the scenarios whose name contains TEXT (repeatable; the floor always runs)")
    parser.add_argument("--setting", action="append", metavar="TEXT",
                        help="run only the terminal settings whose name contains TEXT (repeatable)")
    parser.add_argument("--frame", action="append", metavar="COLSxROWS[+tmux]", type=_frame,
                        help="run only in these frames, e.g. 80x24, 120x40, 120x40+tmux (repeatable)")
    args = parser.parse_args(argv)
    chosen = [s for s in REMBUK_SCENARIOS if not args.only or any(t in s.name for t in args.only)]
    settings = [s for s in SETTINGS if not args.setting or any(t in s.name for t in args.setting)]
    if not settings:
        parser.error("no terminal setting matches --setting")
    scenarios = [HELLO, *chosen]
    results = measure(scenarios, settings, runs=args.runs, warmup=args.warmup, progress=True,
                      frames=args.frame)
    rows = summarise(results)
    extra = before_after.render(rows)
    if args.file_runs:
        extra += ["", *files.render(files.measure(args.file_runs, progress=True))]
    if args.document_runs:
        extra += ["", *documents.render(documents.measure(args.document_runs, progress=True))]
    report = render(rows, results, args.runs, datetime.now(UTC), extra)
    args.output.write_text(report, encoding="utf-8")
    print(report)
    return 0


def _frame(text: str) -> Frame:
    """`120x40` or `120x40+tmux` as a `Frame`."""
    size, _, via = text.partition("+")
    try:
        cols, rows = (int(n) for n in size.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not COLSxROWS[+tmux]: {text!r}") from None
    if via not in ("", "tmux"):
        raise argparse.ArgumentTypeError(f"only +tmux may follow the size: {text!r}")
    return Frame(cols, rows, tmux=bool(via))


if __name__ == "__main__":
    raise SystemExit(main())

"""Issue 15's table, before and now: its first measurements beside the same rows of this run.

The issue measured rembuk once, in a 120×40 truecolor pty, before any of its work; every run of
``make bench`` puts this run's figures for the same measures beside those, so BENCHMARKS.md
always says how far each has come.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from tests.bench.run import Row

SETTING = "truecolor 120×40"
START = "start → full screen"
FLOOR = "hello (floor)"

Figure = Literal["ms", "bytes", "rss"]


@dataclass(frozen=True)
class Before:
    """One figure of issue 15's table and where this run measures the same thing."""

    what: str
    before: str
    scenario: str
    measure: str
    figure: Figure
    setting: str = SETTING


BEFORE = (
    Before("start → full overview", "481 ms (3.1×)", "rembuk overview (demo)", START, "ms"),
    Before("move between tiles, bytes per key", "19,999 B", "rembuk overview (stress)", "navigate tiles", "bytes"),
    Before("move between tiles, stress, time to settle", "65 ms", "rembuk overview (stress)", "navigate tiles", "ms"),
    Before("type a character into the open note line", "226 B", "rembuk overview (demo)", "type a note", "bytes"),
    Before("open the note line (`n`)", "63,037 B", "rembuk overview (demo)", "open note line", "bytes"),
    Before("open a board, stress workshop", "138,844 B", "rembuk board (3,000 innovations)", "open a board", "bytes"),
    Before("open a board, stress workshop, time to settle", "329 ms", "rembuk board (3,000 innovations)",
           "open a board", "ms"),
    Before("open a board, stress workshop, through tmux", "74,727 B", "rembuk board (3,000 innovations)",
           "open a board", "bytes", "truecolor 120×40 via tmux"),
    Before("idle, with the note line open (cursor blink)", "374 B/s", "rembuk overview (demo)",
           "idle, note line open (B/s)", "bytes"),
    Before("peak memory, demo", "59 MiB (1.8×)", "rembuk overview (demo)", START, "rss"),
    Before("peak memory, stress board open", "97 MiB (2.9×)", "rembuk board (3,000 innovations)", "open a board",
           "rss"),
)


def render(rows: Sequence[Row]) -> list[str]:
    """The section: each of issue 15's figures, and this run's (``not measured`` when left out)."""
    found = {(row.scenario, row.measure, row.setting): row for row in rows}
    floor_rss = next((row.peak_rss_mb for row in rows if row.scenario == FLOOR and row.setting == SETTING), None)
    lines = ["## Issue 15, before and now", "",
             f"Issue 15's first measurements ({SETTING}), beside this run's for the same measure.", "",
             "| What | Before | Now |", "| --- | ---: | ---: |"]
    for item in BEFORE:
        row = found.get((item.scenario, item.measure, item.setting))
        lines.append(f"| {item.what} | {item.before} | {_now(item, row, floor_rss) if row else 'not measured'} |")
    return lines


def _now(item: Before, row: Row, floor_rss: float | None) -> str:
    if item.figure == "bytes":
        return f"{row.bytes_out:,.0f} B" + ("/s" if "B/s" in item.measure else "")
    if item.figure == "rss":
        ratio = f" ({row.peak_rss_mb / floor_rss:.1f}×)" if floor_rss else ""
        return f"{row.peak_rss_mb:.0f} MiB{ratio}"
    ratio = f" ({row.ratio:.1f}×)" if item.measure == START else ""
    return f"{row.median_ms:.0f} ms{ratio}"

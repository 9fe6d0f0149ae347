"""A partial update writes the cells of its spans, not the line before them (tui.chops)."""

from __future__ import annotations

import re

import pyte
from rich.console import Console
from rich.segment import Segment
from textual._compositor import ChopsUpdate
from textual.strip import Strip

from tui.chops import CroppedChopsUpdate

WIDTH = 24
ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def terminal_after(old: str, update: ChopsUpdate) -> tuple[str, str]:
    """The line a terminal showing ``old`` shows after ``update``, and the text the update wrote."""
    screen = pyte.Screen(WIDTH, 1)
    stream = pyte.Stream(screen)
    stream.feed(old)
    written = update.render_segments(Console(color_system="truecolor", force_terminal=True, width=WIDTH))
    stream.feed(written)
    return screen.display[0], ESCAPES.sub("", written)


def one_chop(text: str, *spans: tuple[int, int]) -> ChopsUpdate:
    """A line that is one chop from its first cell (a screen showing the one below through it)."""
    strip = Strip([Segment(text)])
    return ChopsUpdate([{0: strip}], [(0, x1, x2) for x1, x2 in spans], [[strip.cell_length]])


def test_a_changed_span_is_written_alone() -> None:
    # Two spans changed (cells 10-11 and 20-21); the rest of the line is on the terminal already.
    update = one_chop("abcdefghij0123456789wxyz", (10, 12), (20, 22))
    before = "abcdefghijAB23456789WXyz"
    textual_line, textual_written = terminal_after(before, update)
    line, written = terminal_after(before, CroppedChopsUpdate.of(update))
    assert line == textual_line == "abcdefghij0123456789wxyz"
    assert written == "01wx"
    assert textual_written == "abcdefghij01" + "abcdefghij0123456789wx"  # what Textual writes


def test_a_span_starting_inside_a_wide_character_writes_the_whole_character() -> None:
    # 漢 takes cells 3 and 4; a span from cell 4 must not write a space over its right half.
    update = CroppedChopsUpdate.of(one_chop("abc漢字def", (4, 7)))
    line, written = terminal_after("abcXXYYdef", update)
    assert line.rstrip() == "abc漢字def"
    assert written == "漢字"

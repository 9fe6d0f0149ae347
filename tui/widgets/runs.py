"""Lines written as runs: neighbouring cells that look the same share one set of colours.

Textual writes every segment of a line with its own colour codes (about 40 bytes each in
truecolor), and a rendered line is cut into many segments of the same look: a gutter, a title,
the padding after it, each corner and edge of a border. Over a slow link those codes are most
of what a key costs (issue 15). :func:`join_runs` joins the segments whose styles draw alike
(the same colours, attributes, link and mouse data), so each run's codes are written once.
It is for widgets whose text cannot be selected with the mouse (a selection needs to know each
cell's place in its text, which a joined run keeps only for its first piece).
"""

from __future__ import annotations

from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

Look = tuple[object, ...]
"""What of a style shows on the terminal or answers the mouse."""


@lru_cache(maxsize=4096)
def _look(style: Style) -> Look:
    meta = style.meta
    if "offset" in meta:  # where in its text a cell is, for selecting text: lists that join runs have none
        meta = {key: value for key, value in meta.items() if key != "offset"}
    return (style.color, style.bgcolor, bool(style.bold), bool(style.dim), bool(style.italic),
            bool(style.underline), bool(style.blink), bool(style.reverse), bool(style.conceal),
            bool(style.strike), bool(style.underline2), bool(style.overline), style.link,
            tuple(sorted(meta.items())))


def join_runs(strip: Strip) -> Strip:
    """``strip`` with neighbouring segments that draw alike joined into one (same cells)."""
    segments: list[Segment] = []
    last: Look | None = None
    joined = False
    for segment in strip:
        style = segment.style
        look = None if style is None or segment.control else _look(style)
        if look is not None and look == last:
            previous = segments[-1]
            segments[-1] = Segment(previous.text + segment.text, previous.style)
            joined = True
            continue
        segments.append(segment)
        last = look
    return Strip(segments, strip.cell_length) if joined else strip

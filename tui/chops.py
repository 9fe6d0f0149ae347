"""A partial update written from where each changed span starts, not from where its line piece does.

Textual cuts every line of the screen where widgets meet ("chops") and writes, for each
changed span, the chops it touches, cropping them at the span's end but not at its start. Over
a screen that shows the one below through it (the note line over a board) a line is one chop
from its first cell: a two-cell scrollbar that changed at column 78 rewrote the 78 cells before
it too. A note saved over a stress board wrote each of its rows four times, 31.8 KB for a
column's worth of change. :class:`CroppedChopsUpdate` writes only the span's cells.
"""

from __future__ import annotations

from rich.cells import get_character_cell_size
from rich.console import Console
from rich.control import Control
from textual._compositor import ChopsUpdate
from textual.strip import Strip


class CroppedChopsUpdate(ChopsUpdate):
    """Textual's :class:`ChopsUpdate`, each chop cropped to the spans it is written for."""

    @classmethod
    def of(cls, update: ChopsUpdate) -> CroppedChopsUpdate:
        """The same update, written cropped."""
        return cls(update.chops, update.spans, update.chop_ends)

    def render_segments(self, console: Console) -> str:
        """The update as terminal output: a cursor move and the cells of each span."""
        sequences: list[str] = []
        last_y = self.spans[-1][0]
        for y, x1, x2 in self.spans:
            for end, (x, strip) in zip(self.chop_ends[y], self.chops[y].items(), strict=False):
                if strip is None or x >= x2 or end <= x1:
                    continue
                start = x + whole_cell_before(strip, max(x1 - x, 0))
                stop = min(end, x2)
                if (start, stop) != (x, end):
                    strip = strip.crop(start - x, stop - x)
                sequences.append(Control.move_to(start, y).segment.text)
                sequences.append(strip.render(console))
            if y != last_y:
                sequences.append("\n")
        return "".join(sequences)


def whole_cell_before(strip: Strip, offset: int) -> int:
    """``offset``, or one cell less when it falls inside a wide character (漢, an emoji): a
    crop there would write a space over the character's right half, which erases it."""
    if offset == 0:
        return 0
    position = 0
    for segment in strip:
        if position + segment.cell_length <= offset:
            position += segment.cell_length
            continue
        for character in segment.text:
            width = get_character_cell_size(character)
            if position + width > offset:
                return position
            position += width
    return offset

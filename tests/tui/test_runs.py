"""Lines written as runs (tui.widgets.runs): the same cells, each run of one look in one piece."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from tui.widgets.runs import join_runs


def cells(strip: Strip) -> list[tuple[str, Style | None]]:
    return [(char, segment.style) for segment in strip for char in segment.text]


def test_pieces_that_draw_alike_are_joined_and_the_cells_stay():
    bold = Style(bold=True, color="white", bgcolor="blue", meta={"option": 3})
    also_bold = Style(bold=True, color="white", bgcolor="blue", italic=False, meta={"option": 3, "offset": (0, 1)})
    border = Style(color="cyan")
    strip = Strip([Segment("│", border), Segment("▶ ", bold), Segment("Satu Data", also_bold), Segment("  ", bold),
                   Segment("│", border)])
    joined = join_runs(strip)
    assert [s.text for s in joined] == ["│", "▶ Satu Data  ", "│"]
    assert "".join(c for c, _ in cells(joined)) == "".join(c for c, _ in cells(strip))
    assert joined.cell_length == strip.cell_length


def test_pieces_that_differ_in_colour_or_mouse_target_stay_apart():
    first, second = Style(color="white", meta={"option": 1}), Style(color="white", meta={"option": 2})
    strip = Strip([Segment("a", first), Segment("b", second), Segment("c", Style(color="red", meta={"option": 2}))])
    assert [s.text for s in join_runs(strip)] == ["a", "b", "c"]

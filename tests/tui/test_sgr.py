"""Styles written as changes (tui/sgr.py): what the terminal shows must not change, cell for cell.

Each frame is replayed through a terminal emulator (pyte) as Textual wrote it and as compacted,
and the two screens must agree in every cell's character, colours and attributes, the cursor's
place, and the pen left for what comes next.
"""

from __future__ import annotations

import pyte
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.color import ColorSystem
from rich.style import Style

from tui.sgr import compact

COLS, ROWS = 40, 6
SYSTEMS = [ColorSystem.TRUECOLOR, ColorSystem.EIGHT_BIT, ColorSystem.STANDARD]


def shown(data: str) -> tuple[object, ...]:
    """Everything a terminal would show after ``data``, and the pen it is left with."""
    screen = pyte.Screen(COLS, ROWS)
    pyte.Stream(screen).feed(data)
    cells = tuple(tuple(screen.buffer[y][x] for x in range(COLS)) for y in range(ROWS))
    cursor = screen.cursor
    return cells, (cursor.x, cursor.y), cursor.attrs


colours = st.one_of(st.none(), st.sampled_from(["red", "bright_blue", "grey50", "#fea62b", "#121212", "color(202)"]))
styles = st.builds(Style, bold=st.booleans(), dim=st.booleans(), italic=st.booleans(), underline=st.booleans(),
                   reverse=st.booleans(), strike=st.booleans(), color=colours, bgcolor=colours)
runs = st.tuples(styles, st.text(alphabet="ab ─▶·", min_size=1, max_size=6))
moves = st.tuples(st.integers(1, ROWS), st.integers(1, COLS)).map(lambda p: f"\x1b[{p[0]};{p[1]}H")
others = ["\r\n", "\n", "\x1b[K", "\x1b[?25l", "\x1b[2;3r\x1b[r", "\x1b[22m", "\x1b[7m", "\x1b[0m"]
pieces = st.one_of(runs, moves, st.sampled_from(others))


@settings(max_examples=300, deadline=None)
@given(st.lists(pieces, max_size=30), st.sampled_from(SYSTEMS))
def test_a_compacted_frame_shows_what_the_frame_shows(frame, system):
    data = "\x1b[1;1H" + "".join(p if isinstance(p, str) else p[0].render(p[1], color_system=system) for p in frame)
    assert shown(compact(data)) == shown(data)


def test_runs_in_one_style_are_written_with_one_escape_and_a_new_colour_with_its_own():
    """Textual writes a note's date, kind and text as three runs; where they share a style,
    the compacted frame writes that style once."""
    truecolor = ColorSystem.TRUECOLOR
    style = Style(bold=True, color="#999999", bgcolor="#121212")
    frame = "\x1b[3;1H" + "".join(style.render(text, color_system=truecolor)
                                  for text in ("03/07 11:10 ", "Data request", ": Profil 12 desa"))
    assert compact(frame) == ("\x1b[3;1H\x1b[1;38;2;153;153;153;48;2;18;18;18m"
                              "03/07 11:10 Data request: Profil 12 desa\x1b[0m")
    recoloured = frame + Style(bold=True, color="#fea62b", bgcolor="#121212").render("!", color_system=truecolor)
    assert compact(recoloured).endswith("desa\x1b[38;2;254;166;43m!\x1b[0m")


def test_a_style_it_does_not_know_is_passed_on_and_the_next_starts_from_a_reset():
    data = "\x1b[58;5;3mx\x1b[0m\x1b[1my\x1b[0m"
    assert compact(data) == "\x1b[58;5;3mx\x1b[0;1my\x1b[0m"
    assert shown(compact(data)) == shown(data)


def test_output_without_styles_is_left_alone():
    assert compact("\x1b[?25l\x1b[5;1Hplain") == "\x1b[?25l\x1b[5;1Hplain"


def test_bold_turned_off_is_written_as_its_own_code_not_as_a_reset_and_the_whole_style():
    """A card's bold title beside its plain border: ``ESC[22m``, not ``ESC[0;…m`` with every
    colour again; an attribute that stays on (dim, which shares the code) is written again."""
    truecolor = ColorSystem.TRUECOLOR
    title = Style(bold=True, color="#e0e0e0", bgcolor="#1e1e1e")
    border = Style(color="#e0e0e0", bgcolor="#1e1e1e")
    frame = "\x1b[1;1H" + title.render("Pasar", color_system=truecolor) + border.render("│", color_system=truecolor)
    assert compact(frame) == "\x1b[1;1H\x1b[1;38;2;224;224;224;48;2;30;30;30mPasar\x1b[22m│\x1b[0m"
    faint = Style(bold=True, dim=True, italic=True, color="#e0e0e0")
    frame = faint.render("a", color_system=truecolor) + Style(dim=True, color="#e0e0e0").render(
        "b", color_system=truecolor)
    assert compact(frame) == "\x1b[1;2;3;38;2;224;224;224ma\x1b[22;23;2mb\x1b[0m"
    assert shown(compact(frame)) == shown(frame)

"""Write a frame's colours and styles as changes, not in full for every run of text.

Textual writes each run of text as ``ESC[<every attribute and colour>m text ESC[0m``: in
truecolor a run costs some forty bytes of escapes, even when it only changes the foreground of
the run before, or nothing at all (Rich splits a line into runs that often share a style). Over
a slow link that is most of what a key writes (issue 15). :func:`compact` rewrites a frame so
that each run is preceded only by what changes from the run before: nothing for the same style,
``ESC[38;2;r;g;bm`` for another foreground, ``ESC[22m`` for bold turned off (a card's bold
title beside its border was a reset and the whole style again, some thirty bytes a line).

What the terminal shows is the same, cell for cell (``tests/tui/test_sgr.py`` replays both
through a terminal emulator). The state is carried only across cursor moves, which do not
depend on it; before anything that might (a line feed, which can scroll in the current
background, an erase, any other sequence) the exact state is written out, and a write leaves
the pen as its data leaves it (Textual's frames: the default pen). A style it does not
understand is passed through as it is, and the next change starts from a reset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

#: One token of terminal output: a CSI sequence, an OSC sequence, another escape, a line feed,
#: or a run of text.
TOKEN = re.compile(r"\x1b\[[0-9;:?<=>]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.?|\n|[^\x1b\n]+")

#: CSI finals of sequences that only move the cursor or set a private mode (cursor shown,
#: synchronised output): the colours and attributes in force do not matter to them.
NEUTRAL_FINALS = frozenset("ABCDGHf")

#: CSI sequences with a private marker: none of them is a style, even one ending in ``m``.
PRIVATE = ("\x1b[?", "\x1b[>", "\x1b[<", "\x1b[=")

#: Attribute codes that switch an attribute on (Rich's set: bold, dim, italic, underline,
#: blink, fast blink, reverse, conceal, strike, double underline, frame, encircle, overline).
ATTRIBUTES = frozenset({1, 2, 3, 4, 5, 6, 7, 8, 9, 21, 51, 52, 53})


#: The code that turns each attribute off again. Bold and dim share one, as do the two
#: underlines and frame and encircle: an attribute that stays on is written again after it.
OFF = {1: 22, 2: 22, 3: 23, 4: 24, 21: 24, 5: 25, 6: 25, 7: 27, 8: 28, 9: 29, 51: 54, 52: 54, 53: 55}


@dataclass(frozen=True)
class Pen:
    """The attributes and colours a run of text is written with (None colour: the default)."""

    attributes: frozenset[int] = frozenset()
    fg: str | None = None
    bg: str | None = None

    def codes(self) -> list[str]:
        """The whole pen as SGR parameters, from a reset."""
        return [*map(str, sorted(self.attributes)), *([self.fg] if self.fg else []), *([self.bg] if self.bg else [])]


DEFAULT = Pen()


@lru_cache(maxsize=4096)
def parse(params: str, start: Pen) -> Pen | None:
    """The pen after ``ESC[<params>m`` is applied to ``start``; None if a code is not understood."""
    codes = params.split(";") if params else ["0"]
    attributes, fg, bg = set(start.attributes), start.fg, start.bg
    index = 0
    while index < len(codes):
        code = codes[index]
        if not code.isdigit():
            return None
        number = int(code)
        if number == 0:
            attributes, fg, bg = set(), None, None
        elif number in ATTRIBUTES:
            attributes.add(number)
        elif 30 <= number <= 37 or 90 <= number <= 97:
            fg = code
        elif 40 <= number <= 47 or 100 <= number <= 107:
            bg = code
        elif number == 39:
            fg = None
        elif number == 49:
            bg = None
        elif number in (38, 48):
            mode = codes[index + 1] if index + 1 < len(codes) else ""
            length = {"5": 3, "2": 5}.get(mode)
            if length is None or index + length > len(codes):
                return None
            colour = ";".join(codes[index:index + length])
            if number == 38:
                fg = colour
            else:
                bg = colour
            index += length - 1
        else:
            return None
        index += 1
    return Pen(frozenset(attributes), fg, bg)


@lru_cache(maxsize=4096)
def change(current: Pen | None, target: Pen) -> str:
    """The shortest escape that turns ``current`` (None: not known) into ``target``."""
    if current == target:
        return ""
    if target == DEFAULT:
        return "\x1b[0m"
    whole = "\x1b[0;" + ";".join(target.codes()) + "m"
    if current is None:
        return whole
    offs = {OFF[a] for a in current.attributes - target.attributes}
    codes = [str(off) for off in sorted(offs)]
    codes += [str(a) for a in sorted(target.attributes) if a not in current.attributes or OFF[a] in offs]
    if target.fg != current.fg:
        codes.append(target.fg or "39")
    if target.bg != current.bg:
        codes.append(target.bg or "49")
    delta = "\x1b[" + ";".join(codes) + "m"
    return delta if len(delta) <= len(whole) else whole


def compact(data: str) -> str:
    """``data`` with each style written as a change from the one in force (see the module)."""
    return compact_from(data, DEFAULT)[0]


def compact_from(data: str, start: Pen | None) -> tuple[str, Pen | None]:
    """``data`` compacted for a terminal whose pen is ``start`` (None: not known), and the pen
    it leaves (None: not known)."""
    if "\x1b[" not in data:
        return data, start
    out: list[str] = []
    append = out.append
    shown: Pen | None = start  # what the terminal has; None: not known
    wanted: Pen | None = start  # what the next text is to be written with
    for match in TOKEN.finditer(data):
        token = match.group()
        if token.startswith("\x1b[") and token.endswith("m") and not token.startswith(PRIVATE):
            params = token[2:-1]
            if wanted is None and params.split(";")[0] in ("", "0"):  # a reset: known again
                wanted = DEFAULT
            pen = parse(params, wanted) if wanted is not None else None
            if pen is None:  # not understood: flush, pass it on, and know nothing after it
                if wanted is not None and wanted != shown:
                    append(change(shown, wanted))
                append(token)
                shown = wanted = None
            else:
                wanted = pen
            continue
        if token[0] != "\x1b" and token != "\n":  # text
            if wanted is not None and wanted != shown:
                append(change(shown, wanted))
                shown = wanted
            append(token)
            continue
        if token.startswith("\x1b[") and (token[-1] in NEUTRAL_FINALS or token.startswith("\x1b[?")):
            append(token)  # a cursor move or a private mode: the pen waits for the next text
            continue
        if wanted is not None and wanted != shown:  # anything else may use the pen: write it first
            append(change(shown, wanted))
            shown = wanted
        append(token)
    if wanted is not None and wanted != shown:  # the pen is left as the data leaves it (Textual:
        append(change(shown, wanted))  # the default), for whatever is written next
        shown = wanted
    return "".join(out), shown

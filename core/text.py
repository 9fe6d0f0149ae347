"""Making typed, pasted or imported text safe to store, show in a terminal and export.

Terminal escape sequences and control characters never reach the screen raw: they are
removed here, at the edge of the domain, before a model accepts a string.
"""

from __future__ import annotations

import re
import unicodedata

_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]        # CSI: colours, cursor moves, bracketed paste
  | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?  # OSC: titles, hyperlinks, clipboard writes
  | \x1b[PX^_][^\x1b]*(?:\x1b\\)?  # DCS, SOS, PM, APC strings
  | \x1b[@-Z\\-_]                  # two-byte escapes
  | \x9b[0-?]*[ -/]*[@-~]          # 8-bit CSI
    """,
    re.VERBOSE,
)


def _is_control(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cf") and char not in "\n\t\u200d"


def clean_text(value: str) -> str:
    """Remove escape sequences and control characters; keep newlines, turn tabs into spaces.

    Line endings are normalised to ``\\n``. Zero-width joiners survive because emoji need
    them; bidi overrides do not, since they can make text read differently from what it is.
    """
    if value.isprintable():
        return value  # nothing to do: no control character, no escape, no tab, no line end
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if "\x1b" in value or "\x9b" in value:
        value = _ESCAPE_SEQUENCE.sub("", value)
    # Fast path, same result: a printable string (as str.isprintable, in C) has no Cc or Cf
    # character. Cleaning every row read back made exporting a large workshop twice as slow.
    if not value.replace("\n", "").replace("\t", "").isprintable():
        value = "".join(c for c in value if not _is_control(c))
    return value.replace("\t", "    ")


def clean_line(value: str) -> str:
    """Like :func:`clean_text`, for one-line fields: newlines become spaces, ends are trimmed.

    A printable string only needs its ends trimmed; checking that in C first keeps reading
    thousands of rows back (each one-line field goes through here) from costing a register
    of 9,000 risks a fifth of a second.
    """
    if value.isprintable():
        return value.strip()
    return " ".join(part.strip() for part in clean_text(value).split("\n")).strip()


_AMBIGUOUS_WIDTH = dict.fromkeys([*map(ord, "\ufe0e\ufe0f\u200d"), *range(0x1F3FB, 0x1F400)])
"""Variation selectors, the zero-width joiner and skin tones: what makes terminals disagree on a
width (Rich counts ``👍🏽`` as two cells, tmux draws four)."""


def for_cells(value: str) -> str:
    """``value`` as drawn in a fixed-width panel: without what makes its width ambiguous.

    Terminals disagree on how wide ``❤️``, ``👨‍👩‍👧`` or ``👍🏽`` is (the emoji selector, the joiner,
    a skin tone),
    and a panel whose line the terminal draws wider than counted pushes its right border
    out of line. Without them every terminal counts the same cells as the layout does; the
    stored text keeps them.
    """
    return value.translate(_AMBIGUOUS_WIDTH) if not value.isascii() else value

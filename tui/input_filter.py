"""What reaches Textual's input parser from the terminal: keys whole, foreign sequences dropped whole.

A terminal sends rembuk keys (letters, Enter, arrows as ``ESC [ A``, F-keys, mouse and focus
reports) and pastes bracketed between ``ESC [ 200 ~`` and ``ESC [ 201 ~``. Text typed or
pasted can also carry escape sequences of its own (a window title, a screen clear, colours)
and control characters. Textual's parser hands the tail of a sequence it does not know to the
app as keys, which left ``^]0;PWNED`` in a note and, inside a paste, moved the words after it
ahead of the pasted text. :class:`InputFilter` sits between the decoder and the parser: it
passes the sequences that are keys, drops every other sequence whole, and inside a paste drops
every sequence and control character except line breaks and tabs, so the printable words
arrive in their order. Escape followed at once by another key is marked as the Escape key
(:data:`LONE_ESCAPE`): Textual would read ``ESC t`` as Alt+T, losing both keys. It keeps its
state between reads, since a sequence can be split across two.
"""

from __future__ import annotations

import re

ESC = "\x1b"
LONE_ESCAPE = "\ufdd0"
"""Where the filter found the Escape key itself, followed at once by another key (a Unicode
noncharacter: nothing a terminal sends; one that arrives anyway is replaced). The driver gives
the app an Escape key there, since the parser would read the two as one Alt key."""
PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"

_CSI = re.compile(r"\x1b\[([0-?]*)([ -/]*)([@-~])")
"""A complete control sequence: parameters, intermediates, final byte."""

_CSI_PREFIX = re.compile(r"\x1b\[[0-?]*[ -/]*\Z")
"""The start of a control sequence whose final byte has not arrived yet."""

_KEY_FINALS = frozenset("~ABCDEFHPQRSZuIO")
"""Final bytes of the sequences terminals send for keys (arrows, F-keys, Home, kitty keys) and focus."""

_STRING_INTRODUCERS = frozenset("]PX^_")
"""OSC, DCS, SOS, PM and APC: strings that run until a terminator."""

ENTER_TYPED_EARLY = "\n"
"""Enter, as it arrives when typed before rembuk put the terminal in raw mode (the terminal's
line discipline turned its ``\r`` into a line feed): a note typed ahead at start-up, Enter
included, was left unsaved in the line, since Textual reads a line feed as Ctrl+J. Outside a
paste a line feed is taken as Enter (as readline takes Ctrl+J); rembuk binds no Ctrl+J."""

_PASTE_CONTROLS = {"\n": "\n", "\r": "\r", "\t": "\t", "\x0b": "\n", "\x0c": "\n"}
"""Inside a paste, the control characters kept (vertical tab and form feed as line breaks)."""


def _is_input_report(params: str, intermediates: str, final: str) -> bool:
    """Whether a complete CSI is something a terminal sends as input (a key, mouse, a report)."""
    if params.startswith("<") and final in "Mm":  # SGR mouse
        return True
    if final in _KEY_FINALS and not intermediates:
        return True
    if final == "y" and params.startswith("?") and intermediates == "$":  # mode report
        return True
    if final == "M" and not params:  # X10 mouse: three raw bytes follow, passed as they come
        return True
    return final == "t" and params.startswith("48;")  # in-band window resize


class InputFilter:
    """Feed it the terminal's text as read; it returns what Textual's parser should see."""

    def __init__(self) -> None:
        self.in_paste = False
        self._pending = ""
        self._in_string = False

    @property
    def holding(self) -> bool:
        """Whether the end of the last read is held for what follows (an Escape, or a sequence
        not yet finished): the driver then waits only briefly before :meth:`flush`."""
        return bool(self._pending)

    def feed(self, text: str) -> str:
        """Filter one read's worth of text; an incomplete sequence at its end waits for the next."""
        text, self._pending = self._pending + text.replace(LONE_ESCAPE, "\ufffd"), ""
        out: list[str] = []
        i = 0
        while i < len(text):
            if self._in_string:
                i = self._skip_string(text, i)
                continue
            char = text[i]
            if char == ESC:
                i = self._escape(text, i, out)
            elif self.in_paste:
                out.append(_PASTE_CONTROLS.get(char, "") if char < " " or char == "\x7f" else char)
                i += 1
            else:
                out.append("\r" if char == ENTER_TYPED_EARLY else char)
                i += 1
        return "".join(out)

    def flush(self) -> str:
        """Nothing more is coming for now: let a held, unfinished sequence through as it is (an
        Escape that nothing followed is the Escape key)."""
        pending, self._pending = self._pending, ""
        if self.in_paste:
            return ""
        return LONE_ESCAPE if pending == ESC else pending

    def _escape(self, text: str, i: int, out: list[str]) -> int:
        """Handle the escape at ``text[i]``; return where to go on from."""
        rest = text[i:]
        if len(rest) == 1:
            self._pending = rest  # what follows decides: a sequence, another key, or nothing (flush)
            return len(text)
        introducer = rest[1]
        if introducer == "[":
            return self._csi(text, i, out)
        if introducer in _STRING_INTRODUCERS:
            self._in_string = True
            return i + 2
        if self.in_paste:
            return i + 2
        if introducer == "O":  # SS3: ESC O P is F1 on some terminals, ESC O A an arrow
            out.append(rest[:2])
            return i + 2
        out.append(LONE_ESCAPE)  # Escape, then a key typed quickly (or bunched by the link):
        return i + 1  # two keys, which the parser would read as one Alt key (rembuk binds none)

    def _csi(self, text: str, i: int, out: list[str]) -> int:
        match = _CSI.match(text, i)
        if match is None:
            if _CSI_PREFIX.match(text, i):
                self._pending = text[i:]
                return len(text)
            if not self.in_paste:
                out.append(text[i:i + 2])  # ESC [ then something no sequence holds: Alt+[
            return i + 2
        sequence = match.group(0)
        if sequence == PASTE_START:
            self.in_paste = True
            out.append(sequence)
        elif sequence == PASTE_END:
            self.in_paste = False
            out.append(sequence)
        elif not self.in_paste and _is_input_report(*match.groups()):
            out.append(sequence)
        return match.end()

    def _skip_string(self, text: str, i: int) -> int:
        """Drop a string sequence up to its terminator (BEL or ESC \\), or up to a control character.

        Ending at any other control character means an unterminated title typed by mistake
        swallows no Enter and no further words.
        """
        while i < len(text):
            char = text[i]
            if char == "\x07":
                self._in_string = False
                return i + 1
            if char == ESC:
                if i + 1 == len(text):
                    self._pending = ESC
                    return i + 1
                self._in_string = False
                return i + 2 if text[i + 1] == "\\" else i
            if char < " " and char not in "\t":
                self._in_string = False
                return i
            i += 1
        return i

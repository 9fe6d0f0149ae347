"""rembuk's terminal driver: Textual's Linux driver, with input that no byte can break.

Textual's driver decodes stdin as strict UTF-8 in its input thread, so one byte that is not
UTF-8 (a raw 0x9B, or ``café`` from a terminal set to Latin-1, as PuTTY can be) raised there
and ended the session. This driver decodes with replacement characters instead, and passes
what it reads through :class:`~tui.input_filter.InputFilter`, so escape sequences inside typed
or pasted text are dropped whole rather than reaching the app as stray keys. It also gives the
app the Escape key where the filter found one followed at once by another key (which the
parser would read as an Alt key), and takes a lone Escape as the key after
:data:`ESCAPE_WAIT_MS` rather than after its whole idle poll. The read loop is Textual's own
(``LinuxDriver.run_input_thread``), with those changes.
"""

from __future__ import annotations

import os
import selectors
from codecs import getincrementaldecoder
from collections.abc import Mapping

from textual import events
from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver

from tui.input_filter import ESC, LONE_ESCAPE, InputFilter
from tui.sgr import DEFAULT, Pen, compact_from

READ_SIZE = 4096

IDLE_WAIT = 0.1
"""Seconds to wait for input when nothing is held (how soon the thread notices the app exits)."""

ESCAPE_WAIT_MS = 25
"""Milliseconds to wait after an Escape for the rest of a key's sequence before taking it as the
Escape key. A terminal writes a key's sequence at once, so its bytes arrive together even over a
slow link; ``ESCDELAY`` (as in ncurses) sets another wait, for a link that splits them."""


def escape_wait(environ: Mapping[str, str] = os.environ) -> float:
    """The wait after a lone Escape, in seconds: ``ESCDELAY`` in milliseconds if it is a number
    from 0 to 1000, else :data:`ESCAPE_WAIT_MS`."""
    try:
        millis = int(environ.get("ESCDELAY", ""))
    except ValueError:
        millis = ESCAPE_WAIT_MS
    return (millis if 0 <= millis <= 1000 else ESCAPE_WAIT_MS) / 1000


class RembukDriver(LinuxDriver):
    """The Linux driver with a forgiving decoder and the input filter in front of the parser,
    and output whose styles are written as changes (:mod:`tui.sgr`: about a third fewer bytes
    per key over a slow link, the same on screen)."""

    _pen: Pen | None = DEFAULT
    """The terminal's pen after the last write (None: not known)."""

    def forget_pen(self) -> None:
        """Something else may have written to the terminal: the next style is written whole."""
        self._pen = None

    def write(self, data: str) -> None:
        """Write ``data`` with its styles as changes from the pen in force."""
        data, self._pen = compact_from(data, self._pen)
        super().write(data)

    def run_input_thread(self) -> None:
        """Wait for input and dispatch events (as Textual does, decoding forgivingly)."""
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        parser = XTermParser(self._debug)
        decode = getincrementaldecoder("utf-8")(errors="replace").decode
        text_filter = InputFilter()
        wait_after_escape = escape_wait()

        def dispatch(text: str) -> None:
            for number, piece in enumerate(text.split(LONE_ESCAPE)):
                if number:
                    self.process_message(events.Key("escape", ESC))  # the filter found it whole
                if piece:  # (the parser takes an empty feed as the end of input)
                    for event in parser.feed(piece):
                        self.process_message(event)

        def process(ready: list, final: bool = False) -> None:
            for _key, mask in ready:
                if mask & selectors.EVENT_READ:
                    data = os.read(self.fileno, READ_SIZE)
                    if not data:
                        break  # stdin is a pipe that ended
                    dispatch(text_filter.feed(decode(data, final=final)))
            if not ready:
                dispatch(text_filter.flush())
            for event in parser.tick():
                self.process_message(event)

        try:
            while not self.exit_event.is_set():
                process(selector.select(wait_after_escape if text_filter.holding else IDLE_WAIT))
            selector.unregister(self.fileno)
            process(selector.select(IDLE_WAIT), final=True)
        finally:
            selector.close()
            try:
                for _event in parser.feed(""):
                    pass
            except (EOFError, ParseError):
                pass

"""What the terminal shows, remembered: a repaint writes only the pieces of lines that changed.

Textual repaints whatever it marks dirty: a board that reads its cards again after a move, a
filter or a regrouping rebuilds its columns, and every visible line of them is written again,
although most show what they showed (the lines above the card that moved, a column the change
did not touch, the header, the filters bar, the footer). Over a slow link that is a frame per
key (issue 15). :class:`TerminalMirror` keeps, for one screen, each piece of line it last had
written: the compositor cuts every line where widgets meet ("chops"), and a chop to be written
that is the very strip the terminal already shows there is left out.

It remembers only what this screen wrote since it last forgot, and it forgets whenever
something else may have drawn on the terminal: another screen on top (the screen is
suspended), a new size, the app resumed after a suspension of the process, a held paint (the
update is dropped), rows the terminal was made to move (``forget_rows``: the latest notes
moving down for a new one). What it does not remember is written, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import RenderableType
from textual._compositor import ChopsUpdate, Compositor, LayoutUpdate
from textual._context import visible_screen_stack
from textual.geometry import Size
from textual.screen import Screen
from textual.strip import Strip

Shown = dict[int, dict[int, tuple[int, Strip]]]
"""For each line, the chops the terminal shows: start → (end, strip)."""


class TerminalMirror:
    """Filters one screen's updates against what its earlier updates put on the terminal."""

    def __init__(self, screen: Screen[Any]) -> None:
        self.screen = screen
        self.compositor: Compositor = screen._compositor
        self.shown: Shown = {}
        self.size = Size(0, 0)
        self.skipped = 0
        """Chops left out since the screen was made (for tests and benchmarks)."""
        self._render_update: Callable[..., RenderableType | None] = self.compositor.render_update
        self.compositor.render_update = self.render_update  # type: ignore[method-assign]
        self._resumed = screen.app.app_resume_signal
        self._resumed.subscribe(screen, lambda _app: self.forget())

    def close(self) -> None:
        """The screen is gone: stop hearing of the app's resumption. The app's signal keeps
        each subscriber until it is next sent (a resumption after Ctrl+Z, rare), and with it
        the screen: every board or heatmap closed stayed in memory, 45 MB each on the stress
        workshop."""
        self._resumed.unsubscribe(self.screen)

    def forget(self) -> None:
        """Something else may have drawn: the next update is written whole."""
        self.shown = {}

    def forget_rows(self, rows: range) -> None:
        """The terminal moved these rows itself (a scrolling region): what they show is not known."""
        for y in rows:
            self.shown.pop(y, None)

    def render_update(self, full: bool = False, screen_stack: list[Screen[Any]] | None = None,
                      simplify: bool = False) -> RenderableType | None:
        """The compositor's update, without the chops the terminal already shows.

        ``full`` is asked for by screenshots, which are not written to the terminal: they are
        passed through and change nothing here.
        """
        compositor = self.compositor
        if full:
            return self._render_update(full=True, screen_stack=screen_stack, simplify=simplify)
        if self.screen.app._batch_count:  # painting is held: the app drops this update
            self.forget()
            return self._render_update(screen_stack=screen_stack)
        if compositor.size != self.size:
            self.forget()  # resized: all is drawn again
            self.size = compositor.size
        whole = compositor.size.region in compositor._dirty_regions
        if whole and not self.shown:
            update = self._render_update(screen_stack=screen_stack)
            if isinstance(update, LayoutUpdate):
                self._remember_layout(update)
            return update
        if whole:  # render_update's own steps for a part, over the whole screen
            visible_screen_stack.set([] if screen_stack is None else screen_stack)
            update = compositor.render_partial_update()
        else:
            update = self._render_update(screen_stack=screen_stack)
        return self._filter(update) if isinstance(update, ChopsUpdate) else update

    def _remember_layout(self, update: LayoutUpdate) -> None:
        """A whole screen was written: remember each of its chops."""
        cuts = self.compositor.cuts
        for y, strips in enumerate(update.strips, update.region.y):
            line_cuts = cuts[y]
            self.shown[y] = {x: (end, strip) for x, end, strip in zip(line_cuts, line_cuts[1:], strips, strict=False)}

    def _filter(self, update: ChopsUpdate) -> ChopsUpdate | None:
        """Leave out each chop that is written whole and is what the terminal shows there."""
        spans_of: dict[int, list[tuple[int, int]]] = {}
        for y, x1, x2 in update.spans:
            spans_of.setdefault(y, []).append((x1, x2))
        chops = list(update.chops)
        spans = []
        for y, line_spans in spans_of.items():
            line = dict(chops[y])
            shown = self.shown.setdefault(y, {})
            written = False
            for end, (x, strip) in zip(update.chop_ends[y], chops[y].items(), strict=False):
                if strip is None:
                    continue
                touching = [(x1, x2) for x1, x2 in line_spans if x < x2 and end > x1]
                if not touching:
                    continue
                whole = len(touching) == 1 and touching[0][0] <= x and end <= touching[0][1]
                if whole and shown.get(x) == (end, strip):
                    line[x] = None
                    self.skipped += 1
                    continue
                written = True
                for start in [s for s, (e, _strip) in shown.items() if s < end and e > x]:
                    del shown[start]  # overwritten, at least in part (the cuts move with the layout)
                if whole:
                    shown[x] = (end, strip)  # (written in part: what the terminal shows is not known)
            chops[y] = line
            if written:
                spans += [(y, x1, x2) for x1, x2 in line_spans]
        if not spans:
            return None
        return ChopsUpdate(chops, spans, update.chop_ends)

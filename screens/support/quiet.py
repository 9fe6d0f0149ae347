"""Screens that write only what changed: a key costs the lines it changes, not a whole frame.

Over a slow SSH link every byte a key writes is felt (issue 15). Textual redraws the whole
terminal in cases that change only a few lines here, and :class:`QuietScreen` (mixed into
every rembuk screen) narrows each of them:

- **Focus**: ``Screen.focused`` is a reactive that repaints the screen when it changes, although
  the widgets that gain and lose focus repaint themselves. Moving between two tiles wrote the
  whole overview; now it writes the two tiles.
- **The footer**: every focus change refreshes the bindings, and the footer then recomposes
  (writes its line again) even when the keys it shows are the same. The bindings are announced
  only when what the footer shows (the keys, their labels, enabled or not) changed.
- **The note line** (:class:`screens.capture.CaptureScreen`) is a transparent screen over the
  one below. Opening it, or coming back when it closes, repaints the whole terminal although
  only the lines it covers change: the screen that resumes is told which regions those are
  (:meth:`redraw_only`) and its first whole-screen repaint is narrowed to them.
- **Opening**: a screen is drawn once, when its readings are in
  (:class:`~screens.support.opening.OpensInOneFrame`).

Each narrowing relies on what is already on the terminal being right, which Textual guarantees
for a screen below a transparent one: its changes are drawn through the screen above.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from textual import events, on
from textual.geometry import Region, Size
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from screens.support.mirror import TerminalMirror
from tui.textual_leaks import drop_closed_watchers

#: How long after :meth:`QuietScreen.redraw_only` its narrowing holds: a screen being pushed or
#: resumed asks for several whole repaints (its mount, its layout, its resumption) in a few frames.
NARROW_SECONDS = 1.0

#: What the footer shows of the active bindings: one tuple per binding.
BindingSignature = tuple[tuple[str, str, str, bool, bool], ...]


class QuietScreen(Screen[None]):
    """A screen whose focus changes, footer and resumption write only the lines that change."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """The focused widget; not a reason to repaint the screen (the two widgets repaint)."""

    _redraw_regions: Callable[[], Sequence[Region] | None] | None = None
    _redraw_until = 0.0
    _redraw_size = Size(0, 0)
    _shown_bindings: BindingSignature | None = None
    _covered_by: Callable[[], Sequence[Region] | None] | None = None
    mirror: TerminalMirror | None = None
    """What this screen last wrote, for a screen that shows its reading again (see :meth:`remember_terminal`)."""

    def remember_terminal(self) -> None:
        """From now on, a repaint leaves out what the terminal already shows (:class:`TerminalMirror`)."""
        self.mirror = TerminalMirror(self)

    @on(events.Unmount)
    def _let_go(self) -> None:
        """Closed: nothing the app keeps may hold on to this screen's widgets (tui.textual_leaks)."""
        if self.mirror is not None:
            self.mirror.close()
        drop_closed_watchers(self.app)

    def forget_terminal(self) -> None:
        """The terminal may not show what this screen wrote (a screen on top drew over it, or it
        was garbled): its next repaint writes everything it covers."""
        self._redraw_regions = None
        if self.mirror is not None:
            self.mirror.forget()

    def cover(self, regions: Callable[[], Sequence[Region] | None] | None) -> None:
        """An opaque screen above draws over ``regions()`` (None: nothing covers this screen now).

        While it does, changes of this screen under those regions are not drawn through it: a
        list below the note line that gains a row redraws its visible rows, not the note line.
        """
        self._covered_by = regions

    def uncovered(self, region: Region) -> Region | None:
        """The part of ``region`` no opaque screen above covers (None: none, or not known)."""
        if self._covered_by is None:
            return region
        covers = self._covered_by()
        return None if covers is None else _uncovered(region, covers)

    def redraw_only(self, regions: Callable[[], Sequence[Region] | None]) -> None:
        """Narrow the next whole-screen repaint to ``regions()`` (asked for when it happens).

        For a screen whose surroundings are already on the terminal: the note line opening over
        a screen (``[]`` for the screen it covers), or the screen below it once it closes.
        ``regions()`` may return None: repaint everything after all. A resize always does.
        """
        self._redraw_regions = regions
        self._redraw_until = time.monotonic() + NARROW_SECONDS
        self._redraw_size = self.app.size  # at another size, nothing on the terminal can be kept

    def _compositor_refresh(self) -> None:
        if self.app._batch_count:
            # Painting is held (the note line's first opening): Textual would render the dirty
            # regions and drop the frame; they are kept for the paint that ends the hold.
            return
        regions = self._redraw_regions
        dirty = self._compositor._dirty_regions
        whole = self._compositor.size.region
        covers = self._covered_by() if self._covered_by is not None and self is not self.app.screen else None
        if covers and whole not in dirty:
            visible = {r for r in (_uncovered(region, covers) for region in dirty) if r}
            dirty.clear()
            dirty.update(visible)
        if regions is not None and (time.monotonic() > self._redraw_until or whole.size != self._redraw_size):
            regions = self._redraw_regions = None
        if regions is not None and whole in dirty:
            narrowed = regions()
            if narrowed is not None:
                dirty.discard(whole)
                dirty.update(r for r in (region.intersection(whole) for region in narrowed) if r)
                # Drawn once: later whole repaints in the window (its mount, its layout, its
                # resumption) add nothing, and whatever changes since marks its own region.
                self._redraw_regions = list
        below = self is not self.app.screen
        super()._compositor_refresh()
        if below:
            self._forget_regions_passed_up()

    def _forget_regions_passed_up(self) -> None:
        """Textual passes a screen below's changed regions up to the top screen, which draws them
        through, and then marks them as this screen's own to repaint again: its next change,
        however small, sent them up once more. A note saved a second after the note line opened
        rewrote the whole terminal (12 KB at 120×40, not 1 KB), since the line's opening had
        marked the whole overview. They have been drawn: nothing is left to repaint."""
        self._repaint_regions.clear()
        self._repaint_required = False

    def _on_timer_update(self) -> None:
        # Textual repaints a screen that asked to be repainted (in part: a screen below, drawn
        # through this one, passes its changed regions up) instead of the widgets waiting to
        # be repainted, which then wait for their next change: a tile's count or the note
        # line's new note stayed stale. Both are repainted.
        #
        # A screen asked both to lay out and to repaint (a pushed screen, resumed and laid out
        # while its paint was held) got two whole frames: the layout's, then the repaint's. The
        # repaint joins the layout's frame: one frame, the same lines.
        if (self._repaint_required and (self._dirty_widgets or self._layout_required) and self.is_current
                and not self.app._batch_count):
            self._dirty_widgets.add(self)
            self._repaint_required = False
        super()._on_timer_update()

    def refresh_bindings(self) -> None:
        """Tell the footer about the bindings only when what it shows has changed."""
        if not self.app.app_focus:  # the footer ignores it now and must hear of it again later
            self._shown_bindings = None
            super().refresh_bindings()
            return
        shown = self._binding_signature()
        if shown is not None and shown == self._shown_bindings and self._footers_ready():
            return
        self._shown_bindings = shown
        super().refresh_bindings()

    def _footers_ready(self) -> bool:
        """Whether the footers have heard of the bindings once (one mounted late has not)."""
        return all(getattr(w, "_bindings_ready", True) for w in self.children if isinstance(w, Footer))

    def _binding_signature(self) -> BindingSignature | None:
        """The active bindings as the footer shows them; None if they cannot be read yet."""
        try:
            active = self.active_bindings
        except Exception:  # not mounted yet: let Textual's own handling decide
            return None
        return tuple(
            (key, binding.key_display or "", binding.description, binding.show, enabled)
            for key, (_node, binding, enabled, _tooltip) in active.items()
        )


def _uncovered(region: Region, covers: Sequence[Region]) -> Region | None:
    """``region`` cropped to what the ``covers`` (each spanning its whole width) leave visible.

    A cover that spans the region's width and overlaps its top or bottom crops it; one that
    contains it hides it (None). A cover that leaves a gap in the middle, or does not span the
    width, changes nothing (the region is drawn whole, which is always right).
    """
    for cover in covers:
        if cover.x > region.x or cover.right < region.right:
            continue
        top, bottom = region.y, region.bottom
        if cover.y <= top and cover.bottom >= bottom:
            return None
        if top < cover.y < bottom <= cover.bottom:
            bottom = cover.y
        elif cover.y <= top < cover.bottom < bottom:
            top = cover.bottom
        region = Region(region.x, top, region.width, bottom - top)
    return region

"""Opening a screen in one frame: its paint is held until what it shows is read and laid out.

A screen pushed empty drew itself empty, then with its reading, then again when its table's
scrollbar came: the notes wrote three screens of cells for one key, and the innovation picker
over the overview one and a half. :class:`OpensInOneFrame` holds the app's paint
(:class:`~screens.support.paint_hold.PaintHold`) from the screen's mount until no worker of its
own is running and nothing waits to be laid out, lays the screen out meanwhile (Textual does
none while the paint is held), and so the frame that ends the hold is the screen whole. The
hold is let go early when the screen is covered (a key typed ahead opened another one), and
after :data:`~screens.support.paint_hold.HOLD_LIMIT` in any case.
"""

from __future__ import annotations

from typing import Any, TypeVar

from textual import events, on
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget
from textual.worker import Worker

from screens.support.paint_hold import PaintHold
from tui.widgets.steady_footer import SteadyFooter

ResultType = TypeVar("ResultType")


def settled(screen: Screen[Any]) -> bool:
    """Whether ``screen`` has nothing of its own under way whose result it has yet to draw (a
    reading in a worker): only then is what the terminal shows of it what it will show."""
    return not any(worker.node is screen and not worker.is_finished for worker in screen.app.workers)


class OpensInOneFrame(Screen[ResultType]):
    """A screen drawn once when it opens (see the module docstring); mixed in before the
    screen class it holds, e.g. ``class Picker(OpensInOneFrame[int], ModalScreen[int])``."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.paint_hold = PaintHold(self)
        """The app's paint, held from this screen's mount until its first readings are shown."""

    @on(events.Mount)
    def _hold_paint_until_read(self) -> None:
        self.paint_hold.hold()  # before the first paint: the mount comes before any layout
        self._set_breakpoint_classes(self.app.size)

    @on(events.ScreenResume)
    def _release_after_resume(self) -> None:
        self.call_later(self._release_when_read)  # after Textual's own resumption: its layout

    @on(events.ScreenSuspend)
    def _release_when_covered(self) -> None:
        # Covered before its first frame (a key typed ahead opened another screen): the screen
        # on top is the one to draw, and its own hold must not wait for this one's.
        self.paint_hold.release()

    @on(Worker.StateChanged)
    def _release_when_read(self) -> None:
        """Let the held paint go once no worker of this screen is under way (its readings are
        in) and nothing waits to be laid out: the frame that ends the hold is the screen whole.

        Checked twice: a widget that has just asked for a layout has posted it to the screen,
        and the second check comes after the messages already queued (the notes' table,
        resized by its rows, was drawn a second time 40 ms after the first)."""
        if self._nothing_waits():
            self.call_later(self._release_if_nothing_waits)

    def _release_if_nothing_waits(self) -> None:
        if self._nothing_waits():
            self.paint_hold.release()

    def _nothing_waits(self) -> bool:
        return (self.paint_hold.active and settled(self) and not self.update_waiting()
                and not self.widgets_waiting())

    def update_waiting(self) -> bool:
        """Whether a layout, a scroll or a repaint of this screen has been asked for and not done."""
        return bool(self._layout_required or self._scroll_required or self._repaint_required or self._dirty_widgets)

    def widgets_waiting(self) -> bool:
        """Whether a footer is rebuilding its keys, or a widget has asked for a layout that the
        screen has not heard of yet: a first frame let go now would be followed by another.

        The footer learns the focused widget's keys only after the screen's first layout, and
        its new keys then ask for a layout of their own when they are sized: opening the agenda
        drew the screen, then its footer row again, 30 ms later.
        """
        return any(isinstance(widget, SteadyFooter) and widget.rebuilding or widget._layout_required
                   for widget in self.walk_children(Widget))

    def _on_timer_update(self) -> None:
        if self.app._batch_count and self.is_current and self.paint_hold.active:
            self._lay_out_held()
            return
        super()._on_timer_update()

    async def _on_idle(self, event: events.Idle) -> None:
        # Textual's handler (called after this one unless prevented) starts the update timer only
        # while nothing holds the paint: a held screen's layouts would wait for the hold's end.
        if self.app._batch_count and self.is_current and self.paint_hold.active and self.update_waiting():
            event.prevent_default()
            self._update_timer.resume()

    def _lay_out_held(self) -> None:
        """Lay the screen out and mark what changed, drawing nothing (the paint is held).

        Textual does no layout while the app's paint is held, so a screen held until its reading
        is shown was laid out only once let go, and its widgets' answers to that layout (a
        table's scrollbar, its width less two cells) repainted them again: two frames. Laid
        out while held, the frame that ends the hold is the last one.
        """
        self._update_timer.pause()
        if self._layout_required or self._scroll_required:
            self._refresh_layout(scroll=self._scroll_required)  # takes the widgets waiting to repaint
            self._layout_required = self._scroll_required = False
        if self._repaint_required:
            self._dirty_widgets.add(self)
            self._repaint_required = False
        self._compositor.update_widgets(self._dirty_widgets)  # kept for the paint that ends the hold
        self._dirty_widgets.clear()
        self.call_later(self._release_when_read)  # after the layouts this one's sizes ask for

    def _set_breakpoint_classes(self, size: Size) -> None:
        """Give the screen its breakpoint classes (``-wide``, ``-tall``…) for ``size`` now.

        Textual sets them at the screen's first Resize, which comes after its first layout: a
        screen whose layout depends on them (the heatmap's grid doubles at 120×40) was laid out
        twice and its widgets painted twice, 16 KB more on opening. Set at mount, they are in
        place for the first layout; the Resize then finds nothing to change.
        """
        horizontal = (self.app.HORIZONTAL_BREAKPOINTS if self.HORIZONTAL_BREAKPOINTS is None
                      else self.HORIZONTAL_BREAKPOINTS) or []
        vertical = (self.app.VERTICAL_BREAKPOINTS if self.VERTICAL_BREAKPOINTS is None
                    else self.VERTICAL_BREAKPOINTS) or []
        if not horizontal and not vertical:
            return
        applies = self._get_breakpoint_classes(size.width, horizontal) | self._get_breakpoint_classes(
            size.height, vertical)
        self.update_classes({name: name in applies for _, name in horizontal + vertical}, animate=False)

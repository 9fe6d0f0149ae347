"""A footer that is drawn with the screen and only repaints the keys whose state changed.

Textual's :class:`~textual.widgets.Footer` composes empty, then rebuilds all of its keys after
the first frame and again every time the screen's bindings are refreshed (each focus change,
each highlighted card). Each rebuild mounts new widgets, which lays out and repaints the whole
screen: a full frame per cursor key over SSH. This footer composes its keys at once and, when
the same keys are shown again, only greys out or lights up those whose action became
unavailable or available, which repaints just those cells.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

Signature = tuple[tuple[str, str, str], ...]
"""The shown keys as (key, action, description), in order: what the footer's layout depends on."""


class SteadyFooter(Footer):
    """A :class:`~textual.widgets.Footer` that is rebuilt only when the keys it lists change."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.set_reactive(Footer._bindings_ready, True)  # the keys are there in the first frame
        self._shown: Signature | None = None
        self.rebuilding = False
        """Whether new keys are on their way (a screen holding its first frame waits for them)."""

    def _signature(self) -> tuple[Signature, dict[str, bool]]:
        shown = [(binding, enabled) for (_, binding, enabled, _) in self.screen.active_bindings.values()
                 if binding.show]
        enabled: dict[str, bool] = {}
        for binding, on in shown:
            enabled.setdefault(binding.action, on)
        return tuple((b.key, b.action, b.description) for b, _ in shown), enabled

    def compose(self):
        self._shown = self._signature()[0] if self.is_attached else None
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        """Rebuild if other keys are to be shown; else only mark the keys that changed state."""
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen or not screen.is_current:
            return  # a screen underneath is not drawn: its footer follows when it is shown again
        signature, enabled = self._signature()
        if signature != self._shown:
            self.rebuilding = True
            self.call_after_refresh(self._rebuild)
            return
        for key in self.query(FooterKey):
            if key.action in enabled:
                disabled = not enabled[key.action]
                if disabled != key._disabled:
                    key._disabled = disabled
                    key.set_class(disabled, "-disabled")

    async def _rebuild(self) -> None:
        """Compose the keys again (the screen's focus moved to a widget with other bindings)."""
        try:
            await self.recompose()
        finally:
            self.rebuilding = False

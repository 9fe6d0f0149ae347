"""The command palette (ctrl+p) offers every key binding available on the current screen.

Commands are not written twice: the palette reads the same bindings as the footer and the
help screen, and runs the binding's action. What a screen's ``check_action`` refuses just now
(the footer shows it dimmed, e.g. "edit" with no card highlighted) is not offered.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

from tui.keys import describe


class BindingCommands(Provider):
    """Every described binding of the screen the palette was opened over."""

    def _commands(self) -> list[tuple[str, str, DOMNode]]:
        """(description, action, node) of each binding the screen allows now, by description."""
        found: dict[str, tuple[str, DOMNode]] = {}
        for active in self.screen.active_bindings.values():
            text = describe(active.binding)
            if text and active.enabled and active.binding.action != "command_palette":
                found.setdefault(text, (active.binding.action, active.node))
        return [(text, action, node) for text, (action, node) in sorted(found.items())]

    async def discover(self) -> Hits:
        for text, action, node in self._commands():
            yield DiscoveryHit(text, partial(self.app.run_action, action, node))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, action, node in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self.app.run_action, action, node))

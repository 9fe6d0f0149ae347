"""The command palette (ctrl+p) offers every key binding active on the current screen.

Commands are not written twice: the palette reads the same bindings as the footer and the
help screen, and runs the binding's action.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.keys import describe


class BindingCommands(Provider):
    """Every described binding of the screen the palette was opened over."""

    def _commands(self) -> list[tuple[str, str, object]]:
        found = {}
        for active in self.screen.active_bindings.values():
            text = describe(active.binding)
            if text and active.binding.action != "command_palette":
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

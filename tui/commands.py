"""The command palette (ctrl+p) offers every key binding available on the current screen.

Commands are not written twice: the palette reads the same bindings as the footer and the
help screen, and runs the binding's action. What a screen's ``check_action`` refuses just now
(the footer shows it dimmed, e.g. "edit" with no card highlighted) is not offered.

Textual's own commands (Keys, Maximize, Quit, Screenshot, Theme) are not offered: their names
and help are English only, and quitting and the keys (help) are bindings here already. The
palette's own words (the prompt, "no matches") come from the catalogs.
"""

from __future__ import annotations

from functools import partial

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.widgets.option_list import Option

from core.i18n import _
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


class Palette(CommandPalette):
    """Textual's command palette, in the UI's language."""

    def __init__(self) -> None:
        super().__init__(placeholder=_("palette.placeholder"), id="--command-palette")

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """Say "no matches" in the UI's language (Textual's own line is English only)."""
        self._stop_no_matches_countdown()
        if search_value:
            self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, self._show_no_matches)

    def _show_no_matches(self) -> None:
        line = Align.center(Text(_("palette.no_matches"), style="not bold"))
        self.query_one(CommandList).add_option(Option(line, disabled=True, id=self._NO_MATCHES))
        self._list_visible = True

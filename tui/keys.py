"""Key bindings whose descriptions are catalog keys, translated when a node is created.

Bindings are class attributes, made at import time, before the UI language may be known; so
``BINDINGS`` hold catalog keys (``keys.quit``) and :class:`Translated` swaps in the current
language's text for each instance. The footer, the help screen (F1) and the command palette
all read these same bindings: each command is defined once.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from core.i18n import _, catalog, current_language


class Translated:
    """Mixin for apps, screens and widgets: translate binding descriptions on creation."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if isinstance(self, DOMNode):  # always, in rembuk: the mixin goes before a node class
            translate_bindings(self)


def translate_bindings(node: DOMNode) -> None:
    """Replace each binding description (a catalog key) of ``node`` by its translation."""
    table = node._bindings.key_to_bindings  # Textual keeps no public setter for descriptions
    for key, bindings in table.items():
        table[key] = [_translated(b) for b in bindings]


_OWN: set[tuple[str, str, str]] = set()
"""(language, action, description) of every binding our catalogs described: the ones help and
palette list. By language, so that Textual's own ``Quit`` never passes for ours in Indonesian.

Kept by value, not by object: Textual replaces binding objects with copies (a keymap applied,
a node refreshed), and a copy must still count as ours.
"""


def _translated(binding: Binding) -> Binding:
    if binding.action == "command_palette":  # Textual's own binding, described in English
        binding = replace(binding, description=_("keys.palette"))
    elif binding.description.startswith("keys."):
        binding = replace(binding, description=_(binding.description))
    else:
        return binding
    _OWN.add((current_language(), binding.action, binding.description))
    return binding


def describe(binding: Binding) -> str | None:
    """What a binding does, in the user's language; None for keys the catalogs do not describe.

    rembuk's own bindings are already translated. Textual's built-in ones (focus next, paste,
    …) are described under ``keys.builtin.<action>`` when worth showing; the rest (dozens of
    cursor-editing keys of a text field) stay out of the help and the palette.
    """
    if (current_language(), binding.action, binding.description) in _OWN:
        return binding.description
    action = binding.action.split(".")[-1].split("(")[0]
    return catalog(current_language()).get(f"keys.builtin.{action}")

"""Which key bindings the help and the palette describe, and in which language."""

from __future__ import annotations

import gc
from dataclasses import replace

from textual.binding import Binding
from textual.widget import Widget

from core.i18n import set_language
from tui.keys import Translated, describe


class Keyed(Translated, Widget):
    BINDINGS = [Binding("ctrl+t", "next_kind", "keys.next_kind", id="test.next_kind")]


def test_our_bindings_are_described_even_as_copies_after_the_original_is_gone():
    set_language("id")
    [binding] = Keyed()._bindings.key_to_bindings["ctrl+t"]
    copy = replace(binding, key="f2")  # what Textual does when it applies a keymap
    del binding
    gc.collect()
    assert describe(copy) == "Jenis berikutnya"


def test_textual_bindings_are_described_only_where_a_catalog_names_them():
    set_language("en")
    assert describe(Binding("tab", "app.focus_next", "Focus Next")) == "Next field"
    assert describe(Binding("pageup", "page_up", "Page Up")) is None

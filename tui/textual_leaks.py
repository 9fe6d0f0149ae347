"""What Textual keeps of a closed screen, let go: a day of boards opened and closed stays small.

Two places in Textual 8.2 hold on to the widgets of a screen after it has closed:

- **The styles cache** (Textual issue #6665). Each widget keeps the lines it last rendered in a
  ``StylesCache``, and ``StylesCache.get_inner_outer`` is an instance method under
  ``functools.lru_cache(1024)``: the cache's keys hold the instances, so the rendered lines of
  the last 1,024 widgets stayed in memory. The two styles it returns depend only on the two
  colours; :func:`mend_styles_cache` caches them on those alone.
- **Watchers of the app's title**. Each screen's ``Header`` watches the app's ``title`` and
  ``sub_title``; Textual drops the watchers of closed widgets only when that value next
  changes, which in rembuk it does not. :func:`drop_closed_watchers` drops them when a screen
  closes.

With the terminal mirror's own hold on closed screens (``screens/support/mirror.py``), opening
and closing the stress heatmap three times took the process from 60 to 201 MB.
"""

from __future__ import annotations

from functools import lru_cache

from textual._styles_cache import StylesCache
from textual.app import App
from textual.color import Color
from textual.style import Style


@lru_cache(1024)
def inner_outer(base_background: Color, background: Color) -> tuple[Style, Style]:
    """The inner and outer background styles of a widget on ``base_background``."""
    return Style(background=base_background + background), Style(background=base_background)


def _get_inner_outer(_cache: StylesCache, base_background: Color, background: Color) -> tuple[Style, Style]:
    return inner_outer(base_background, background)


def mend_styles_cache() -> None:
    """Make every ``StylesCache`` use :func:`inner_outer` (idempotent; before the app renders)."""
    StylesCache.get_inner_outer = _get_inner_outer  # type: ignore[method-assign,assignment]


def drop_closed_watchers(app: App[object]) -> None:
    """Forget the watchers of the app's values that belong to closed widgets (as Textual does
    itself when a watched value changes)."""
    watchers: dict[str, list[tuple[object, object]]] = getattr(app, "__watchers", {})
    for watching in watchers.values():
        watching[:] = [(node, callback) for node, callback in watching if not getattr(node, "_closing", False)]

"""An innovation card on a dimension board, and the board column that lists cards.

A column is an :class:`~textual.widgets.OptionList` of cards: it draws only what is visible,
so a column of hundreds of cards opens at once, and it brings cursor keys, paging and a
visible highlight. Existing innovations come first under their own heading, then new ones.
The focused column marks its highlighted card with ``▶`` in a gutter as well as a background,
so the highlight still shows in 16 colours and on a washed-out projector.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.strip import Strip
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from core.i18n import _, current_language
from core.models import InnovationStatus, QuickWin, ReviewOutcome
from core.text import for_cells
from data.innovations import Card, Group

IMPROVEMENT_CHARS = 80
"""How much of 'how to improve' a card shows; the detail screen shows all of it."""


def card_text(card: Card, agencies: dict[int, str]) -> Text:
    """The card: its title; its review and quick-win standing; agency, horizon, counts, risk."""
    item = card.innovation
    text = Text(for_cells(item.title), style="bold")
    standing = _standing(card)
    if standing:
        text.append("\n" + standing)
    if item.review_outcome is ReviewOutcome.MERGE and card.merged_into:
        text.append("\n⇒ " + _clip(card.merged_into, IMPROVEMENT_CHARS), style="italic")
    if item.review_outcome is ReviewOutcome.IMPROVE and item.improvement:
        text.append("\n→ " + _clip(for_cells(" ".join(item.improvement.split())), IMPROVEMENT_CHARS), style="italic")
    lead = agencies.get(item.lead_agency_id, "—") if item.lead_agency_id else "—"
    facts = [lead, _(f"boards.enum.Horizon.{item.horizon.value}")]
    if card.notes:
        facts.append(_("boards.card.notes", count=card.notes))
    if card.steps:
        facts.append(_("boards.card.steps", count=card.steps))
    if card.risk is not None:
        facts.append(_("boards.card.risk", level=card.risk.name(current_language())))
    text.append("\n" + " · ".join(facts), style="dim")
    return text


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _standing(card: Card) -> str:
    """``Improve · ★ Candidate``: the review outcome (existing cards) and quick-win standing."""
    item = card.innovation
    parts = []
    if item.status is InnovationStatus.EXISTING:
        outcome = item.review_outcome.value if item.review_outcome else "none"
        parts.append(_(f"boards.enum.ReviewOutcome.{outcome}"))
    if item.quick_win is not QuickWin.NONE:
        parts.append("★ " + _(f"boards.enum.QuickWin.{item.quick_win.value}"))
    return " · ".join(parts)


MARK = "▶"
"""Beside the first line of the focused column's highlighted card."""

CHUNK = 24
"""How many entries (cards, headings, separators) a column shows at once, and adds at a time."""


class InnovationCard(Option):
    """One card in a column; its id is ``card-<innovation id>``."""

    def __init__(self, card: Card, agencies: dict[int, str]) -> None:
        super().__init__(card_text(card, agencies), id=f"card-{card.innovation.id}")
        self.card = card


class BoardColumn(OptionList):
    """One group of the board (an element or an agency): its cards, existing first."""

    DEFAULT_CSS = """
    BoardColumn {
        height: 1fr;
        width: 1fr;
        min-width: 24;
        border: round $primary-darken-2;
        border-title-color: $text;
        border-title-style: bold;
        padding: 0;
    }
    BoardColumn:focus {
        border: heavy $accent;
    }
    """

    def __init__(self, group: Group, agencies: dict[int, str], **kwargs) -> None:
        super().__init__(**kwargs)
        self._lines_width = -1
        """The width the cards' lines were last laid out for."""
        self.key = group.key
        self.show(group, agencies)

    def show(self, group: Group, agencies: dict[int, str]) -> None:
        """Replace the cards with ``group``'s, keeping the highlight on the same card if it stays.

        Only the first :data:`CHUNK` entries become options at once; more follow as the
        highlight nears the end, so a column of hundreds of cards opens without a wait.
        """
        current = self.current_id
        self.key = group.key
        self.border_title = group.label
        self.group = group
        self._entries = _entries(group)
        self._agencies = agencies
        self._shown = 0
        self._places = {entry.innovation.id: n for n, entry in enumerate(self._entries)
                        if isinstance(entry, Card)}
        self.clear_options()
        self._show_more(CHUNK)
        self.border_subtitle = str(len(group.cards))
        if current is not None:
            self.highlight_card(current)

    def _update_lines(self) -> None:
        fresh = not self._line_cache.lines
        super()._update_lines()
        if fresh and self._line_cache.lines:
            self._lines_width = self.scrollable_content_region.width  # what the lines were wrapped to

    def _on_resize(self, event: events.Resize | None = None) -> None:
        """Lay the cards out again only if the width changed (Textual's list repaints on any resize)."""
        if event is not None and self.scrollable_content_region.width == self._lines_width:
            event.prevent_default()  # the same lines: the first layout of a board needs no second paint

    def _show_more(self, count: int) -> None:
        batch = self._entries[self._shown:self._shown + count]
        self._shown += len(batch)
        self.add_options([InnovationCard(e, self._agencies) if isinstance(e, Card) else e for e in batch])

    def _get_left_gutter_width(self) -> int:
        """Room for the highlight's mark (Textual's hook, as its SelectionList uses)."""
        return len(MARK) + 1

    def render_line(self, y: int) -> Strip:
        """The option's line behind a gutter: the mark on the highlighted card's first line."""
        strip = super().render_line(y)
        if strip.cell_length >= self.scrollable_content_region.width:
            return strip  # below the last option: already a full blank line
        index, offset = self._lines[self.scroll_offset.y + y]
        marked = self.has_focus and index == self.highlighted and offset == 0
        gutter = f"{MARK} " if marked else " " * (len(MARK) + 1)
        style = self.get_visual_style("option-list--option").rich_style
        return Strip.join([Strip([Segment(gutter, style)]), strip])

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Near the end of what is shown, show the next chunk of cards."""
        if event.option_list is self and self._shown < len(self._entries) \
                and event.option_index >= self.option_count - CHUNK // 4:
            self._show_more(CHUNK)

    @property
    def cards(self) -> list[Card]:
        """The cards in this column, in board order."""
        return self.group.cards

    @property
    def current(self) -> Card | None:
        """The highlighted card, if any."""
        option = self.highlighted_option
        return option.card if isinstance(option, InnovationCard) else None

    @property
    def current_id(self) -> int | None:
        """The highlighted card's innovation id, if any."""
        card = self.current if self.option_count else None
        return card.innovation.id if card else None

    def highlight_card(self, innovation_id: int) -> bool:
        """Move the highlight to a card; ``False`` if it is not in this column."""
        place = self._places.get(innovation_id)
        if place is None:
            return False
        if place >= self._shown:
            self._show_more(place - self._shown + CHUNK)
        self.highlighted = self.get_option_index(f"card-{innovation_id}")
        return True

    def highlight_row(self, row: int) -> None:
        """Highlight the ``row``-th card (clamped), e.g. when arriving from a neighbour column."""
        card_id = self.cards[max(0, min(row, len(self.cards) - 1))].innovation.id if self.cards else None
        if card_id is not None:
            self.highlight_card(card_id)

    @property
    def row(self) -> int:
        """The highlighted card's place among this column's cards (0 if none)."""
        current_id = self.current_id
        ids = [card.innovation.id for card in self.cards]
        return ids.index(current_id) if current_id in ids else 0


Entry = Card | Option | None
"""A card (made into an option when shown), a heading or note, or a separator line."""


def _entries(group: Group) -> list[Entry]:
    if not group.cards:
        return [Option(Text(_("boards.column.empty"), style="dim italic"), disabled=True)]
    entries: list[Entry] = []
    for status in InnovationStatus:
        cards = [c for c in group.cards if c.innovation.status is status]
        if cards:
            heading = _(f"boards.section.{status.value}", count=len(cards))
            entries.append(Option(Text(heading, style="bold underline"), disabled=True))
            for card in cards:
                entries += [card, None]
    return entries[:-1] if entries and entries[-1] is None else entries

"""An innovation card on a dimension board, and the board column that lists cards.

A column is an :class:`~textual.widgets.OptionList` of cards: it draws only what is visible,
so a column of hundreds of cards opens at once, and it brings cursor keys, paging and a
visible highlight. Existing innovations come first under their own heading, then new ones.
The focused column marks its highlighted card with ``▶`` in a gutter as well as a background,
so the highlight still shows in 16 colours and on a washed-out projector.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Self, cast

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.content import Content
from textual.css.styles import RulesMap
from textual.dom import NoScreen
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.visual import visualize
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from core.i18n import _, current_language
from core.models import InnovationStatus, QuickWin, ReviewOutcome
from core.text import for_cells
from data.innovations import Card, Group
from tui.widgets.runs import join_runs

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
        self._title_heights: dict[int, int] = {}
        self._heights: dict[int, int] = {}

    def height(self, widget: Widget, width: int) -> int:
        """How many lines the card takes at ``width`` (measured once a width)."""
        height = self._heights.get(width)
        if height is None:
            visual = widget._get_visual(self) if isinstance(widget, OptionList) else visualize(widget, self.prompt)
            height = self._heights[width] = visual.get_height(cast(RulesMap, widget.styles), width)
        return height

    def title_height(self, widget: Widget, width: int) -> int:
        """How many lines the title takes, wrapped to ``width`` (as the card's first lines are)."""
        height = self._title_heights.get(width)
        if height is None:
            title = Text(for_cells(self.card.innovation.title), style="bold")
            rules = cast(RulesMap, widget.styles)
            height = self._title_heights[width] = max(1, visualize(widget, title).get_height(rules, width))
        return height


class BoardColumn(OptionList):
    """One group of the board (an element or an agency): its cards, existing first.

    What a key changes, it redraws, and nothing else (issue 15, a facilitator on a slow SSH
    link): the focused column's highlighted card is marked by a ``▶`` and a bar over its title
    lines, and the focused column by a ``▶`` and reverse video on its title. Moving the
    highlight (``j``/``k``) redraws the two cards' title lines; moving to another column
    (``h``/``l``) those and the two columns' title rows. Focus changes no style of the column
    (Textual repaints a whole column whose style changes), and a column that is not focused
    shows no highlight, so that its highlight can follow the rows unseen.
    """

    DEFAULT_CSS = """
    BoardColumn, BoardColumn:focus {
        height: 1fr;
        width: 1fr;
        min-width: 24;
        border: round $primary-darken-2;
        border-title-color: $text;
        border-title-style: bold;
        background-tint: $foreground 0%;
        padding: 0;
        scrollbar-gutter: stable;  /* the cards' width stays when a scrollbar comes or goes */
    }
    BoardColumn > .option-list--option-highlighted, BoardColumn:focus > .option-list--option-highlighted {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    """

    highlighted: reactive[int | None] = reactive(None, repaint=False)
    """The highlighted option: a change redraws the two cards' title lines, not the column."""

    _mouse_hovering_over: reactive[int | None] = reactive(None, repaint=False)
    """The option under the mouse: a change redraws those two options, not the column."""

    def __init__(self, group: Group, agencies: dict[int, str], **kwargs) -> None:
        super().__init__(**kwargs)
        self._lines_width = -1
        """The width the cards' lines were last laid out for."""
        self._group: Group | None = None
        self._agencies: dict[int, str] = {}
        self._made: dict[int, InnovationCard] = {}
        """The cards' options by innovation id, kept across readings while a card is unchanged."""
        self._style_rules: dict[str, object] = {}
        """The column's own style rules when it last repainted for a restyle."""
        self.key = group.key
        self.show(group, agencies)

    def show(self, group: Group, agencies: dict[int, str]) -> None:
        """Replace the cards with ``group``'s, keeping the highlight on the same card if it stays.

        Only the first :data:`CHUNK` entries become options at once; more follow as the
        highlight nears the end, so a column of hundreds of cards opens without a wait.
        """
        if self._group == group and self._agencies == agencies:
            return  # the same cards, read again: nothing to lay out or draw
        if self._changed_in_place(group, agencies):
            return
        current = self.current_id
        self.key = group.key
        self.group = self._group = group
        self._entries = _entries(group)
        if agencies != self._agencies:
            self._made = {}  # a card shows its lead agency's name
        self._agencies = agencies
        self._shown = 0
        self._places = {entry.innovation.id: n for n, entry in enumerate(self._entries)
                        if isinstance(entry, Card)}
        self.clear_options()
        self._show_more(CHUNK)
        self.border_subtitle = str(len(group.cards))
        self._border_title = self._title()
        if current is not None:
            self.highlight_card(current)

    def _changed_in_place(self, group: Group, agencies: dict[int, str]) -> bool:
        """Show ``group`` by putting its changed cards in the old ones' places, if only cards
        changed and each keeps its height: a note on a card, or its title edited, then redraws
        that card's lines, not its column (8 KB under the note line, on a long column). False
        when the column is to be shown again whole (nothing shown has changed then; the new
        cards already made are kept for it, as :meth:`_card_option` keeps every card)."""
        entries = _entries(group)
        if (agencies != self._agencies or (group.key, group.label) != (self.key, self.group.label)
                or len(entries) != len(self._entries) or not all(map(_same_place, self._entries, entries))):
            return False
        width = self._card_width()
        swaps: list[tuple[InnovationCard, InnovationCard]] = []
        for old, new in zip(self._entries, entries, strict=True):
            if not isinstance(new, Card) or old == new:
                continue
            shown = self._id_to_option.get(f"card-{new.innovation.id}")  # None: not made an option yet
            if isinstance(shown, InnovationCard):
                fresh = self._card_option(new)
                if fresh.height(self, width) != shown.height(self, width):
                    return False
                swaps.append((shown, fresh))
        self.group = self._group = group
        self._entries = entries
        for shown, fresh in swaps:
            self._put_in_place(shown, fresh)
        return True

    def _put_in_place(self, shown: InnovationCard, fresh: InnovationCard) -> None:
        """Put ``fresh`` where ``shown`` is (the same card, the same height) and redraw its lines."""
        index = self._option_to_index.pop(shown)
        fresh._divider = shown._divider
        self._options[index] = fresh
        self._option_to_index[fresh] = index
        self._id_to_option[f"card-{fresh.card.innovation.id}"] = fresh
        self._refresh_option(index)

    def _title(self) -> Content:
        """The column's title: its group, marked (``▶``, reverse video) while it has the focus."""
        label = self.group.label
        if self.has_focus:
            return Content.from_rich_text(Text(f"{MARK} {label}", style="reverse"))
        return Content(label)

    def notify_style_update(self) -> None:
        """Repaint on a change of style only if the column's rules changed.

        Textual's list repaints whole on every restyle, and a focus change restyles (its rules
        are read again, to the same values): the look that follows the focus is drawn by
        :meth:`watch_has_focus`. A rule that changes repaints through Textual's styles as ever.
        """
        rules = dict(self.styles.base.get_rules())
        if rules == self._style_rules:
            Widget.notify_style_update(self)  # its caches only: no repaint
            return
        self._style_rules = rules
        super().notify_style_update()

    def focus(self, scroll_visible: bool = True) -> Self:
        """Take the focus; as Textual's, without repainting the whole column first."""

        def set_focus(column: BoardColumn) -> None:
            with suppress(NoScreen):
                column.screen.set_focus(self, scroll_visible=scroll_visible)

        self.app.call_later(set_focus, self)
        return self

    def _on_focus(self, event: events.Focus) -> None:
        event.prevent_default()  # Textual's handler repaints the whole column
        self.has_focus = True
        if self.parent is not None:
            self.parent.post_message(events.DescendantFocus(self))

    def _on_blur(self, event: events.Blur) -> None:
        event.prevent_default()  # as _on_focus
        self.has_focus = False
        if self.parent is not None:
            self.parent.post_message(events.DescendantBlur(self))

    def watch_has_focus(self, has_focus: bool) -> None:
        """Mark or unmark the title and the highlighted card: redraw those lines only."""
        # Not Textual's restyle (no rule of the column depends on the focus): restyling sets
        # its scrollbar's colours again, and each setting repaints the whole scrollbar.
        if not self.is_mounted:
            return
        self._border_title = self._title()  # not through border_title: that repaints the column
        self._refresh_rows(-self.styles.gutter.top, 1, whole_width=True)
        self._refresh_option(self.highlighted, title_only=True)

    def watch_highlighted(self, old: int | None, new: int | None) -> None:  # type: ignore[override]  # (old, new): Textual calls by arity
        """Redraw the title lines of the card left and the card reached (the focused column's)."""
        if self.has_focus:
            self._refresh_option(old, title_only=True)
            self._refresh_option(new, title_only=True)
        super().watch_highlighted(new)

    def watch__mouse_hovering_over(self, old: int | None, new: int | None) -> None:
        self._refresh_option(old)
        self._refresh_option(new)

    def _refresh_option(self, index: int | None, title_only: bool = False) -> None:
        """Redraw an option's lines as they stand now (the title lines only, if ``title_only``)."""
        if index is None or not self.is_mounted or index >= self.option_count:
            return
        top = self._index_to_line.get(index)
        if top is None:
            return
        height = self._title_height(self.options[index]) if title_only else self._heights[index]
        self._refresh_rows(top - self.scroll_offset.y, height)

    def _refresh_rows(self, y: int, height: int, whole_width: bool = False) -> None:
        """Redraw ``height`` rows of the content from its row ``y``; ``whole_width``: the border's
        cells too (the title row is row -1)."""
        gutter = self.styles.gutter
        if whole_width:
            region = Region(-gutter.left, y, self.size.width, height)
        else:
            region = Region(0, y, self.scrollable_content_region.width, height)
        visible = Region(-gutter.left, -gutter.top, self.size.width, self.size.height)
        region = region.intersection(visible)
        if region:
            self.refresh(region)

    def _title_height(self, option: Option) -> int:
        """How many lines the card's title takes (a heading's one): what the highlight covers."""
        if not isinstance(option, InnovationCard):
            return 1
        return option.title_height(self, self._card_width())

    def _card_width(self) -> int:
        padding = self.get_component_styles("option-list--option").padding
        return self.scrollable_content_region.width - self._get_left_gutter_width() - padding.width

    def _on_resize(self, event: events.Resize | None = None) -> None:
        """Lay the cards out again only if the width changed (Textual's list repaints on any
        resize), and measure them now rather than when they are first drawn.

        Textual measures a list's lines as it draws them: the lines then gave the column its
        scrollbar, and a stress board opened in a frame and a half (the columns drawn again,
        narrower, 28.9 KB). Measured at the resize, which comes while the opening screen's first
        frame is held, the scrollbar is in that frame.
        """
        if event is not None:
            event.prevent_default()  # Textual's clears the lines, which are cleared here if need be
        if self.scrollable_content_region.width != self._lines_width:
            self._clear_caches()
        self._update_lines()

    def _show_more(self, count: int) -> None:
        batch = self._entries[self._shown:self._shown + count]
        self._shown += len(batch)
        self.add_options([self._card_option(e) if isinstance(e, Card) else e for e in batch])

    def _card_option(self, card: Card) -> InnovationCard:
        """The card's option: the one shown before if the card is unchanged (its height at this
        width is known then: measuring hundreds of cards was most of a move's time)."""
        ident = card.innovation.id or 0
        made = self._made.get(ident)
        if made is None or made.card != card:
            made = self._made[ident] = InnovationCard(card, self._agencies)
        made._divider = False  # add_options sets it again if a separator follows
        return made

    def _update_lines(self) -> None:
        """Textual's, with each card's height kept by the card (cards are measured once a width)."""
        if not self.scrollable_content_region:
            return
        fresh = not self._line_cache.lines
        cache = self._line_cache
        lines = cache.lines
        next_index = lines[-1][0] + 1 if lines else 0
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        if next_index < len(self.options):
            padding = self.get_component_styles("option-list--option").padding
            for index, option in enumerate(self.options[next_index:], next_index):
                cache.index_to_line[index] = len(lines)
                if isinstance(option, InnovationCard):
                    height = option.height(self, width - padding.width)
                else:
                    height = self._get_visual(option).get_height(cast(RulesMap, self.styles), width - padding.width)
                cache.heights[index] = height + option._divider
                lines.extend([(index, line) for line in range(height + option._divider)])
        last_divider = self.options and self.options[-1]._divider
        virtual_size = Size(width, len(lines) - (1 if last_divider else 0))
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            self._scroll_update(virtual_size)
        if fresh and lines:
            self._lines_width = self.scrollable_content_region.width  # what the lines were wrapped to

    def _get_left_gutter_width(self) -> int:
        """Room for the highlight's mark (Textual's hook, as its SelectionList uses)."""
        return len(MARK) + 1

    def render_lines(self, crop: Region) -> list[Strip]:
        """The lines as Textual draws them, neighbouring cells of one style joined: each run of
        cells is written with its colours once, not once per piece (a third of the bytes)."""
        return [join_runs(strip) for strip in super().render_lines(crop)]

    def render_line(self, y: int) -> Strip:
        """An option's line behind a gutter; the focused column's highlighted card is marked
        with ``▶`` on its first line and a bar (the highlight's colours) over its title lines."""
        width = self.scrollable_content_region.width
        plain = self.get_visual_style("option-list--option")
        try:
            index, offset = self._lines[self.scroll_offset.y + y]
            option = self.options[index]
        except IndexError:
            return Strip.blank(width, plain.rich_style)  # below the last option
        marked = self.has_focus and index == self.highlighted and not option.disabled \
            and offset < self._title_height(option)
        if option.disabled:
            style = self.get_visual_style("option-list--option", "option-list--option-disabled")
        elif marked:
            style = self.get_visual_style("option-list--option", "option-list--option-highlighted")
        elif self._mouse_hovering_over == index:
            style = self.get_visual_style("option-list--option", "option-list--option-hover")
        else:
            style = plain
        strips = self._get_option_render(option, style)
        if offset >= len(strips):
            return Strip.blank(width, plain.rich_style)
        gutter = f"{MARK} " if marked and offset == 0 else " " * (len(MARK) + 1)
        gutter_style = (style if marked else plain).rich_style + Style.from_meta({"option": index})
        return Strip.join([Strip([Segment(gutter, gutter_style)]), strips[offset]])

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


def _same_place(old: Entry, new: Entry) -> bool:
    """Whether two entries hold the same place in a column: the same card (changed or not), the
    same heading, or both a divider."""
    if isinstance(old, Card) and isinstance(new, Card):
        return old.innovation.id == new.innovation.id
    if isinstance(old, Option) and isinstance(new, Option):
        return str(old.prompt) == str(new.prompt)
    return old is None and new is None


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

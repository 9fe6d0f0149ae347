"""What a board changes: create, edit, review, move, reorder and delete, each in a worker.

Kept apart from ``board`` (layout, loading, filters) so both stay short. :class:`BoardEdits`
holds what both use, the board's state and its columns widget
(:class:`~tui.widgets.board_columns.BoardColumns`, which owns the cards and moving between
them); the board screen reads into that state and declares the keys. Every write runs in a
thread worker and posts :class:`BoardEdits.Saved`; the board then reloads with the focus on
the card that changed. An edit refused by the store (someone else changed or deleted the
card, or the disk is full) reaches the user as the app's one failure line. A deleted card comes
back with the app's Ctrl+Z, highlighted (:meth:`BoardEdits.highlight`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import on
from textual.message import Message
from textual.reactive import reactive

from core.i18n import _
from core.models import Agency, Innovation, InnovationStatus, QuickWin, ReferenceData, ReviewOutcome
from data import innovations as board_data
from data.history import Item
from data.innovations import Card, Grouping
from data.store import WorkshopStore
from screens.dialogs.confirm import ask
from screens.dialogs.merge_picker import MergePicker
from screens.forms.improvement_form import ImprovementForm
from screens.forms.innovation_form import InnovationForm
from screens.support.base import WorkshopScreen, Workspace
from tui.widgets.board_columns import BoardColumns
from tui.widgets.innovation_card import BoardColumn
from tui.workers import in_thread

REVIEW_CYCLE = (None, *ReviewOutcome)
"""``r`` steps an existing card through: not reviewed, continue, improve, stop, merge."""

CARD_ACTIONS = {"edit", "review", "improve", "toggle_candidate", "delete", "reorder", "move_group"}
"""Actions that need a highlighted card."""

WRITE_ACTIONS = CARD_ACTIONS | {"add", "quick_wins"}
"""Actions that need the board read first (its reference data and agencies)."""


class BoardEdits(WorkshopScreen):
    """A dimension's board as far as writing goes: its state, its columns, the actions that write.

    A screen class rather than a mixin, so that Textual registers its message handlers; the
    board screen (:class:`~screens.board.BoardScreen`) fills the state from its readings.
    """

    grouping: reactive[Grouping] = reactive(Grouping.ELEMENT, init=False, repaint=False)
    """Whether the columns are the dimension's elements or the agencies leading its cards."""

    @dataclass
    class Saved(Message):
        """A change was committed (or refused: ``focus_id`` None); reload, focusing ``focus_id``."""

        focus_id: int | None
        notice: str = ""

    def __init__(self, workspace: Workspace, dimension: str, *, id: str | None = None) -> None:
        super().__init__(workspace, id=id)
        self.dimension = dimension
        self.reference: ReferenceData | None = None
        """The workshop's reference data, from the last reading (None: not read yet)."""
        self.agencies: list[Agency] = []
        self.titles: list[tuple[str, int]] = []
        """Every card of the dimension, filtered or not, as (title, id): merge targets."""
        self._pending_focus: int | None = None
        """The card to focus on the next reading (the one a write changed)."""

    @property
    def board(self) -> BoardColumns:
        """The columns of cards."""
        return self.query_one(BoardColumns)

    @property
    def card(self) -> Card | None:
        """The highlighted card of the focused column."""
        return self.board.card if self.is_mounted and self.children else None

    @property
    def column(self) -> BoardColumn | None:
        """The focused column, if a column has the focus."""
        return self.board.column if self.is_mounted and self.children else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Nothing writes before the board is read; card actions need a card; review needs an
        existing one."""
        card = self.card
        if action in WRITE_ACTIONS and self.reference is None:
            return None
        if action in CARD_ACTIONS and card is None:
            return None
        existing = card is not None and card.innovation.status is InnovationStatus.EXISTING
        if action in ("review", "improve") and not existing:
            return None
        return True

    # -- writing -----------------------------------------------------------------------------

    @in_thread(group="board-write")
    def write(self, change: Callable[[], Innovation], notice: str = "") -> None:
        """Run one change against the store, off the UI thread, and report it."""
        try:
            saved = change()
        except Exception:
            self.post_message(self.Saved(None))  # read again: the board shows what the file holds
            raise
        self.post_message(self.Saved(saved.id, notice))

    @on(Saved)
    def saved(self, message: Saved) -> None:
        """Say what was done and read the board again, focused on the changed card."""
        if message.notice:
            self.notify(message.notice)
        self._pending_focus = message.focus_id
        self.reload()

    # -- cards -------------------------------------------------------------------------------

    def action_add(self) -> None:
        """Open the form for a new card in the focused column (its element or agency)."""
        if self.reference is None:
            return
        column = self.column
        element = column.key if self.grouping is Grouping.ELEMENT and column else \
            self.reference.elements_of(self.dimension)[0].code
        template = Innovation(title="-", dimension=self.dimension, element=element)
        if self.grouping is Grouping.AGENCY and column and column.key.isdigit():
            template = template.model_copy(update={"lead_agency_id": int(column.key)})
        self._open_form(self.reference, template.model_copy(update={"title": ""}), board_data.create)

    def action_edit(self) -> None:
        """Edit the highlighted card in the form."""
        if self.card is not None and self.reference is not None:
            self._open_form(self.reference, self.card.innovation, WorkshopStore.save)

    def _open_form(self, reference: ReferenceData, innovation: Innovation,
                   save: Callable[[WorkshopStore, Innovation], Innovation]) -> None:
        targets = [(title, key) for title, key in self.titles if key != innovation.id]
        form = InnovationForm(self.store, innovation, reference, self.agencies, targets, save)
        self.app.push_screen(form, self._form_saved)

    def _form_saved(self, result: Innovation | None) -> None:
        """A form saved the card: say so and show it."""
        if result is not None:
            self.post_message(self.Saved(result.id, _("boards.notify.saved", title=result.title)))

    def action_review(self) -> None:
        """Step the highlighted existing card to the next review outcome."""
        if self.card is None:
            return
        item = self.card.innovation
        outcome = REVIEW_CYCLE[(REVIEW_CYCLE.index(item.review_outcome) + 1) % len(REVIEW_CYCLE)]
        if outcome is ReviewOutcome.MERGE:
            self._ask_merge_target(item)
            return
        self.write(lambda: self.store.save(item.model_copy(update={"review_outcome": outcome, "merge_into_id": None})))

    def _ask_merge_target(self, item: Innovation) -> None:
        """*Merge* asks into which card; without an answer (or another card) the cycle steps past it."""
        targets = [(title, key) for title, key in self.titles if key != item.id]

        def chosen(target: int | None) -> None:
            update = {"review_outcome": ReviewOutcome.MERGE if target else None, "merge_into_id": target}
            self.write(lambda: self.store.save(item.model_copy(update=update)))

        if not targets:
            chosen(None)
            return

        self.app.push_screen(MergePicker(item.title, targets), chosen)

    def action_improve(self) -> None:
        """Type how to improve the highlighted existing card (its outcome becomes *improve*)."""
        if self.card is not None:
            self.app.push_screen(ImprovementForm(self.store, self.card.innovation), self._form_saved)

    def action_toggle_candidate(self) -> None:
        """Make the highlighted card a quick-win candidate, or no longer one."""
        if self.card is None:
            return
        item = self.card.innovation
        value = QuickWin.NONE if item.quick_win is not QuickWin.NONE else QuickWin.CANDIDATE
        self.write(lambda: self.store.save(item.model_copy(update={"quick_win": value})))

    # -- moving cards ------------------------------------------------------------------------

    def action_reorder(self, step: int) -> None:
        """Swap the card with its neighbour above or below (among cards of the same status)."""
        column = self.column
        if column is None:
            return
        cards, row = column.cards, column.row
        target = row + step
        if not 0 <= target < len(cards):
            return
        mine, theirs = cards[row].innovation, cards[target].innovation
        if mine.status is not theirs.status:
            self.notify(_("boards.notify.status_order"))
            return
        self.write(lambda: board_data.swap_positions(self.store, mine, theirs)[0])

    def action_move_group(self, step: int) -> None:
        """Move the card into the column to the left or right (another element or agency)."""
        target, card = self.board.neighbour(step), self.card
        if target is not None and card is not None:
            item, key, grouping = card.innovation, target.key, self.grouping
            self.write(lambda: board_data.move_to_group(self.store, item, grouping, key))

    # -- deleting ----------------------------------------------------------------------------

    def action_delete(self) -> None:
        """Delete the highlighted card, after asking."""
        if self.card is None:
            return
        item = self.card.innovation
        ask(self, _("boards.confirm.delete", title=item.title), lambda: self.delete_card(item),
            yes=_("dialog.delete"))

    @in_thread(group="board-write")
    def delete_card(self, item: Innovation) -> None:
        """Delete the card with what belongs to it (Ctrl+Z brings it all back)."""
        if item.id is not None:
            board_data.delete(self.store, item.id)
            self.post_message(self.Saved(None, _("boards.notify.deleted", title=item.title)))

    def highlight(self, item: Item) -> None:
        """A card an undo brought back (or changed) has the focus at the next reading."""
        if item.table == "innovations" and item.row_key.isdigit():
            self._pending_focus = int(item.row_key)

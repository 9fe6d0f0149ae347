"""What a board changes: create, edit, review, move, reorder, delete and undo, each in a worker.

Kept apart from ``board`` (layout, loading, navigation) so both stay short. Every write runs
in a thread worker and posts :class:`BoardEdits.Saved`; the board then reloads with the
focus on the card that changed. An edit refused by the store (someone else changed or
deleted the card, or the disk is full) reaches the user as a notification.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import on, work
from textual.message import Message

from core.i18n import _
from core.models import Innovation, InnovationStatus, QuickWin, ReviewOutcome
from data import innovations as board_data
from data.errors import StoreError
from data.innovations import Deleted, Grouping
from data.store import WorkshopStore
from screens.support.base import WorkshopScreen
from screens.dialogs.confirm import ConfirmDialog
from screens.forms.improvement_form import ImprovementForm
from screens.forms.innovation_form import InnovationForm

REVIEW_CYCLE = (None, *ReviewOutcome)
"""``r`` steps an existing card through: not reviewed, continue, improve, stop, merge."""

CARD_ACTIONS = {"edit", "review", "improve", "toggle_candidate", "delete", "reorder", "move_group"}
"""Actions that need a highlighted card."""

WRITE_ACTIONS = CARD_ACTIONS | {"add", "undo", "quick_wins"}
"""Actions that need the board read first (its reference data and agencies)."""


class BoardEdits(WorkshopScreen):
    """The base of :class:`~screens.board.BoardScreen`: the actions that write.

    A screen class rather than a mixin, so that Textual registers its message handlers.
    """

    _deleted: Deleted | None = None
    """The last deletion, kept so that ``u`` can undo it."""

    @dataclass
    class Saved(Message):
        """A change was committed; reload, focusing ``focus_id``."""

        focus_id: int | None
        notice: str = ""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Nothing writes before the board is read; card actions need a card; review needs an
        existing one; undo needs a deletion."""
        if action in WRITE_ACTIONS and self.reference is None:
            return None
        if action in CARD_ACTIONS and self.card is None:
            return None
        if action in ("review", "improve") and self.card.innovation.status is not InnovationStatus.EXISTING:
            return None
        if action == "undo" and self._deleted is None:
            return None
        return True

    # -- writing -----------------------------------------------------------------------------

    @work(thread=True, group="board-write")
    def write(self, change: Callable[[], Innovation], notice: str = "") -> None:
        """Run one change against the store, off the UI thread, and report it."""
        try:
            saved = change()
        except StoreError as exc:
            self.app.call_from_thread(self.notify, _("notify.error", message=str(exc)), severity="error")
            self.post_message(self.Saved(None))
            return
        self.post_message(self.Saved(saved.id, notice))

    @on(Saved)
    def saved(self, message: Saved) -> None:
        """Say what was done and read the board again, focused on the changed card."""
        if message.notice:
            self.notify(message.notice)
        self._pending_focus = message.focus_id
        self.load(message.focus_id)

    # -- cards -------------------------------------------------------------------------------

    def action_add(self) -> None:
        """Open the form for a new card in the focused column (its element or agency)."""
        template = Innovation(title="-", dimension=self.dimension, element=self._default_element())
        if self.grouping is Grouping.AGENCY and self.column and self.column.key.isdigit():
            template = template.model_copy(update={"lead_agency_id": int(self.column.key)})
        self._open_form(template.model_copy(update={"title": ""}), board_data.create)

    def action_edit(self) -> None:
        """Edit the highlighted card in the form."""
        self._open_form(self.card.innovation, WorkshopStore.save)

    def _default_element(self) -> str:
        if self.grouping is Grouping.ELEMENT and self.column is not None:
            return self.column.key
        return self.reference.elements_of(self.dimension)[0].code

    def _open_form(self, innovation: Innovation, save: Callable[[WorkshopStore, Innovation], Innovation]) -> None:
        targets = [(title, key) for title, key in self.titles if key != innovation.id]
        form = InnovationForm(self.store, innovation, self.reference, self.agencies, targets, save)
        self.app.push_screen(form, self._form_saved)

    def _form_saved(self, result: Innovation | None) -> None:
        """A form saved the card: say so and show it."""
        if result is not None:
            self.post_message(self.Saved(result.id, _("boards.notify.saved", title=result.title)))

    def action_review(self) -> None:
        """Step the highlighted existing card to the next review outcome."""
        item = self.card.innovation
        outcome = REVIEW_CYCLE[(REVIEW_CYCLE.index(item.review_outcome) + 1) % len(REVIEW_CYCLE)]
        self.write(lambda: self.store.save(item.model_copy(update={"review_outcome": outcome})))

    def action_improve(self) -> None:
        """Type how to improve the highlighted existing card (its outcome becomes *improve*)."""
        self.app.push_screen(ImprovementForm(self.store, self.card.innovation), self._form_saved)

    def action_toggle_candidate(self) -> None:
        """Make the highlighted card a quick-win candidate, or no longer one."""
        item = self.card.innovation
        value = QuickWin.NONE if item.quick_win is not QuickWin.NONE else QuickWin.CANDIDATE
        self.write(lambda: self.store.save(item.model_copy(update={"quick_win": value})))

    # -- moving cards ------------------------------------------------------------------------

    def action_reorder(self, step: int) -> None:
        """Swap the card with its neighbour above or below (among cards of the same status)."""
        cards, row = self.column.cards, self.column.row
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
        columns = self.columns
        target = columns.index(self.column) + step
        if not 0 <= target < len(columns):
            return
        item, key = self.card.innovation, columns[target].key
        self.write(lambda: board_data.move_to_group(self.store, item, self.grouping, key))

    # -- deleting ----------------------------------------------------------------------------

    def action_delete(self) -> None:
        """Delete the highlighted card, after asking."""
        item = self.card.innovation

        def answered(yes: bool | None) -> None:
            if yes:
                self.delete_card(item)

        question = _("boards.confirm.delete", title=item.title)
        self.app.push_screen(ConfirmDialog(question, yes=_("dialog.delete")), answered)

    @work(thread=True, group="board-write")
    def delete_card(self, item: Innovation) -> None:
        """Delete the card with what belongs to it, keeping it for undo."""
        try:
            self._deleted = board_data.delete(self.store, item.id)
        except StoreError as exc:
            self.app.call_from_thread(self.notify, _("notify.error", message=str(exc)), severity="error")
            return
        self.post_message(self.Saved(None, _("boards.notify.deleted", title=item.title)))

    def action_undo(self) -> None:
        """Put back the last deleted card."""
        deleted, self._deleted = self._deleted, None
        self.write(lambda: board_data.restore(self.store, deleted),
                   _("boards.notify.restored", title=deleted.innovation.title))

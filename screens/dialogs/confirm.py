"""The one yes/no question of rembuk: deleting, discarding a changed form, replacing a file.

``ConfirmDialog(question, yes=...)`` dismisses with ``True`` only when the user confirms on
purpose: ``y`` (binding ``dialog.confirm``) or Enter on the Yes button. ``n``, Escape
(``dialog.decline``) and Enter on the No button, which has the focus when the dialog opens,
all answer no, so a habitual Enter never destroys anything. Tab and the arrows move between
the two buttons; the focused one is marked with ``▶ ◀``, not only by its colour.

Screens ask through :func:`ask`, the one way to put a question and act on the answer:

    def action_delete(self) -> None:
        item = self.card.innovation
        ask(self, _("boards.confirm.delete", title=item.title), lambda: self.delete_card(item),
            yes=_("dialog.delete"))
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from core.i18n import _
from screens.support.opening import OpensInOneFrame
from tui.keys import Translated


class ConfirmDialog(Translated, OpensInOneFrame[bool], ModalScreen[bool]):
    """Ask before doing something that is hard to take back; dismisses with the answer."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    BINDINGS = [
        Binding("y", "answer(True)", "keys.dialog.confirm", id="dialog.confirm"),
        Binding("n,escape", "answer(False)", "keys.dialog.decline", id="dialog.decline"),
        Binding("left", "app.focus_previous", show=False),
        Binding("right", "app.focus_next", show=False),
    ]

    def __init__(self, question: str, yes: str = "") -> None:
        """``question`` as the user reads it; ``yes`` names what confirming does (``Delete``)."""
        super().__init__(id="confirm")
        self.question = question
        self.yes = yes or _("dialog.yes")

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-panel"):
            yield Label(self.question, id="confirm-question", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(self._label("confirm-yes"), id="confirm-yes", compact=True)
                yield Button(self._label("confirm-no"), id="confirm-no", compact=True)
            yield Label(_("dialog.hint"), id="confirm-hint")

    def on_mount(self) -> None:
        self.no_button.focus()  # the safe answer is the default

    @property
    def no_button(self) -> Button:
        """The No button, focused when the dialog opens."""
        return self.query_one("#confirm-no", Button)

    def on_descendant_focus(self) -> None:
        """Mark the focused button with arrows, so the default shows in 16 colours too."""
        for button in self.query(Button).results(Button):
            button.label = self._label(button.id or "", focused=button.has_focus)

    def _label(self, button_id: str, focused: bool = False) -> str:
        text = _("dialog.yes_key", action=self.yes) if button_id == "confirm-yes" else _("dialog.no_key")
        return f"▶ {text} ◀" if focused else f"  {text}  "

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        """Enter on a button answers as that button says."""
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, answer: bool) -> None:
        """Close the dialog with ``answer``."""
        self.dismiss(answer)


def ask(node: DOMNode, question: str, then: Callable[[], object], *, yes: str = "",
        otherwise: Callable[[], object] | None = None) -> None:
    """Ask ``question`` in a :class:`ConfirmDialog`; run ``then`` only if the user confirms.

    ``yes`` names what confirming does (``Delete``; default *Yes*). ``otherwise`` runs when the
    answer is no (``n``, Escape, Enter on the default No button), e.g. to say what was kept.
    """

    def answered(confirmed: bool | None) -> None:
        if confirmed:
            then()
        elif otherwise is not None:
            otherwise()

    node.app.push_screen(ConfirmDialog(question, yes=yes), answered)

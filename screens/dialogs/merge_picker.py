"""Into which card an innovation is merged: chosen from the dimension's other cards when its
review outcome becomes *merge*. Arrows move, Enter chooses, Escape leaves the outcome as it was."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from core.i18n import _
from screens.support.opening import OpensInOneFrame
from tui.keys import Translated


class MergePicker(Translated, OpensInOneFrame[int | None], ModalScreen[int | None]):
    """The cards ``title`` can merge into, as (title, id); dismisses with the id chosen or ``None``."""

    DEFAULT_CSS = """
    MergePicker { align: center middle; }
    MergePicker > Vertical {
        width: 70; max-width: 100%; height: auto; max-height: 80%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    MergePicker OptionList { height: auto; max-height: 16; }
    """

    BINDINGS = [Binding("escape", "dismiss(None)", "keys.close", id="merge_picker.close")]

    def __init__(self, title: str, targets: list[tuple[str, int]]) -> None:
        super().__init__()
        self.title_text = title
        self.targets = targets

    def compose(self) -> ComposeResult:
        with Vertical() as panel:
            panel.border_title = _("boards.merge.title")
            yield Label(_("boards.merge.question", title=self.title_text), markup=False)
            yield OptionList(*[Option(title, id=str(key)) for title, key in self.targets], markup=False)

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0) or None)

"""The one base of rembuk's forms: rows of labelled fields, saved with Ctrl+S, cancelled with Escape.

A form edits one model. It is given the store, the item and how to save it; it validates,
shows each refusal beside its field (scrolled into view and focused), saves in a worker and
dismisses with the saved item, or ``None`` when cancelled. Errors clear as soon as a value
is valid. An edit refused because another terminal saved the item first keeps the form open
with what was typed, lists what the other terminal changed, and offers Ctrl+O (save over it)
and Ctrl+R (take their values). What is typed is kept as a draft (:class:`FormDraft`), and
Escape on a changed form asks first.

    class AgencyForm(FieldForm[Agency]):
        def heading(self) -> str:
            return _("people.agency.new")

        def rows(self) -> ComposeResult:
            yield FieldRow("abbreviation", _("people.field.abbreviation"), Input(self.item.abbreviation))
            yield FieldRow("name", _("people.field.agency_name"), Input(self.item.name))

    app.push_screen(AgencyForm(store, Agency.model_construct(abbreviation="", name="")), done)

A subclass may also override :meth:`FieldForm.values` (the fields, by model field name) and
:meth:`FieldForm.validate` (the model and the refusals); ``save`` defaults to ``store.save``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, SelectionList

from core.i18n import _, current_language, translator
from core.models.base import Stored
from core.validation import field_errors
from data.errors import StaleEdit
from data.store import WorkshopStore
from screens.dialogs.confirm import ask
from screens.forms.field_row import FieldRow
from screens.forms.kept_form import DraftFound, FormDraft, draft_key
from screens.support.opening import OpensInOneFrame
from tui.keys import Translated
from tui.workers import in_thread

M = TypeVar("M", bound=BaseModel)
"""What a form edits: a stored item (a card, a risk) or a value written another way (the workshop's
header, a timer, a new file), with a :data:`Saver` of its own."""

Saver = Callable[[WorkshopStore, M], M]
"""How a form's item is written: ``store.save`` unless the opener says otherwise."""

IGNORED_CHANGES = frozenset({"id", "version"})
"""Fields another terminal's save always changes, not worth listing."""


@dataclass
class ItemSaved(Message):
    """The item was written; the form closes with it."""

    item: Any


@dataclass
class Outdated(Message):
    """Another terminal saved the item first: ``theirs`` is what is stored now."""

    theirs: Any


class Unsaved(Message):
    """The save failed (the app has shown why); the form stays open with the typing."""


def store_save(store: WorkshopStore, item: M) -> M:
    """The default saver: the store's own save (refused when another terminal saved first)."""
    if not isinstance(item, Stored):
        raise TypeError(f"{type(item).__name__} is not a stored item: give its form a saver")
    return store.save(item)


class FieldForm(Translated, OpensInOneFrame[M | None], ModalScreen[M | None], Generic[M]):
    """A form over one model: :meth:`heading` and :meth:`rows`, the rest is the kit's."""

    CSS_PATH = Path(__file__).with_name("field_form.tcss")

    BINDINGS = [
        Binding("ctrl+s", "save", "keys.form.save", id="form.save"),
        Binding("escape", "cancel", "keys.form.cancel", id="form.cancel"),
        Binding("ctrl+o", "save_over", "keys.form.save_over", id="form.save_over"),
        Binding("ctrl+r", "take_theirs", "keys.form.take_theirs", id="form.take_theirs"),
    ]

    MODEL_ERROR_FIELD: ClassVar[str] = ""
    """The row beside which an error about the model as a whole is shown (default: the first)."""

    HINT_KEY: ClassVar[str] = "form.hint"
    """The catalog key of the keys line under the form."""

    SMALL: ClassVar[bool] = False
    """A form of a few fields gets a narrower panel."""

    def __init__(self, store: WorkshopStore, item: M, save: Saver[M] = store_save) -> None:
        super().__init__(classes="field-form")
        self.store = store
        self.item = item
        self.saver = save
        self.draft = FormDraft(self, store, draft_key(type(self).__name__, self.draft_item()))
        self.theirs: M | None = None
        """Another terminal's version, after a save was refused as outdated."""
        self._saving = False

    # -- what a form says ---------------------------------------------------------------------

    def heading(self) -> str:
        """The form's title."""
        raise NotImplementedError

    def rows(self) -> ComposeResult:
        """The form's :class:`FieldRow` s (and anything shown between them)."""
        raise NotImplementedError

    def values(self) -> dict[str, Any]:
        """The fields as typed, by model field name (default: each row's value)."""
        return {row.field_name: row.value for row in self.field_rows}

    def validate(self, values: dict[str, Any]) -> tuple[M | None, dict[str, str]]:
        """The item the fields describe, or ``None`` and why each refused field was refused."""
        return model_from(type(self.item), {**self.item.model_dump(), **values})

    def draft_item(self) -> BaseModel | dict[str, Any]:
        """What tells this form's draft apart (the item; for a new one, where it was begun)."""
        return self.item

    # -- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form-panel form-small" if self.SMALL else "form-panel") as panel:
            panel.border_title = self.heading()
            panel.border_subtitle = _(self.HINT_KEY)
            yield Label("", id="form-outdated", markup=False)
            yield from self.rows()

    def first_field(self) -> str:
        """The field the form opens on (default: the first row's)."""
        return next(self.field_rows).field_name

    def on_mount(self) -> None:
        """Open on :meth:`first_field` and start keeping the draft.

        Textual calls every class's ``on_mount``, a subclass's first: one need not call this.
        """
        found = self.query(f"#field-{self.first_field()}")
        (found.first() if found else next(self.field_rows).field).focus()
        self.draft.start()

    @property
    def field_rows(self) -> Iterator[FieldRow]:
        """The rows, top to bottom."""
        return iter(self.query(FieldRow).results(FieldRow))

    def row(self, name: str) -> FieldRow:
        """The row of the field ``name``."""
        return self.query_one(f"#row-{name}", FieldRow)

    @on(DraftFound)
    def _draft_found(self, message: DraftFound) -> None:
        self.draft.restore(message.text)

    # -- refusals -----------------------------------------------------------------------------

    def show_refusals(self, errors: dict[str, str]) -> None:
        """Show each reason beside its field; bring the first refused field into view."""
        errors = self._placed(errors)
        first: FieldRow | None = None
        for row in self.field_rows:
            reason = errors.get(row.field_name)
            if reason:
                row.refuse(reason)
                first = first or row
            else:
                row.accept()
        if first is not None:
            first.bring_into_view()

    def _placed(self, errors: dict[str, str]) -> dict[str, str]:
        """Errors without a row of their own go beside the model-error row."""
        names = {row.field_name for row in self.field_rows}
        fallback = self.MODEL_ERROR_FIELD or next(iter(names), "")
        placed: dict[str, str] = {}
        for name, reason in errors.items():
            target = name if name in names else fallback
            placed[target] = f"{placed[target]} {reason}" if target in placed else reason
        return placed

    @on(Input.Changed)
    @on(Select.Changed)
    @on(SelectionList.SelectedChanged)
    def recheck(self) -> None:
        """A refused field whose value is now valid loses its reason at once."""
        refused = [row for row in self.field_rows if row.refusal]
        if not refused:
            return
        errors = self._placed(self.validate(self.values())[1])
        for row in refused:
            if row.field_name in errors:
                row.refuse(errors[row.field_name])
            else:
                row.accept()

    # -- saving -------------------------------------------------------------------------------

    def action_save(self) -> None:
        """Validate; save in a worker and close, or show why each refused field was refused."""
        if self._saving:
            return
        item, errors = self.validate(self.values())
        self.show_refusals(errors)
        if item is not None:
            self._saving = True
            self._write(item)

    @in_thread(group="form-save")
    def _write(self, item: M) -> None:
        try:
            self.post_message(self._written(item))
        except Exception:
            self.post_message(Unsaved())
            raise  # the app shows one line and logs the traceback

    def _written(self, item: M) -> Message:
        try:
            return ItemSaved(self.saver(self.store, item))
        except StaleEdit:
            if isinstance(item, Stored) and item.id is not None:
                return Outdated(self.store.get(type(item), item.id))
            return Unsaved()

    @on(ItemSaved)
    def _stored(self, message: ItemSaved) -> None:
        self.dismiss(message.item)

    @on(Unsaved)
    def _unsaved(self) -> None:
        self._saving = False

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        """Enter in a text field saves too."""
        event.stop()
        self.action_save()

    # -- another terminal saved first ---------------------------------------------------------

    @on(Outdated)
    def _outdated(self, message: Outdated) -> None:
        self._saving = False
        self.theirs = message.theirs
        notice = self.query_one("#form-outdated", Label)
        notice.update(self.outdated_text(message.theirs))
        notice.add_class("-shown")
        self.query_one(".form-panel", VerticalScroll).scroll_home(animate=False)
        self.refresh_bindings()

    def outdated_text(self, theirs: M) -> str:
        """What another terminal changed, and what the user can do about it."""
        mine, stored = self.item.model_dump(), theirs.model_dump()
        rows = {row.field_name: row for row in self.field_rows}
        changes = [f"{rows[name].label}: {rows[name].shown(stored[name])}"
                   for name in stored if name in rows and name not in IGNORED_CHANGES
                   and not _same(stored[name], mine.get(name))]
        return "\n".join([_("form.outdated"), *changes, _("form.outdated_keys")])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Saving over and taking their values exist only after another terminal saved first."""
        if action in ("save_over", "take_theirs"):
            return True if self.theirs is not None else None
        return True

    def action_save_over(self) -> None:
        """Save what is typed over the other terminal's version, on purpose."""
        if self.theirs is not None:
            self.item, self.theirs = self.theirs, None
            self._clear_outdated()
            self.action_save()

    async def action_take_theirs(self) -> None:
        """Show the other terminal's version in the form instead of what was typed."""
        if self.theirs is not None:
            self.item, self.theirs = self.theirs, None
            await self.recompose()
            self.draft.rebase()
            self._clear_outdated()
            next(self.field_rows).field.focus()

    def _clear_outdated(self) -> None:
        notice = self.query_one("#form-outdated", Label)
        notice.update("")
        notice.remove_class("-shown")
        self.refresh_bindings()

    # -- closing ------------------------------------------------------------------------------

    def action_cancel(self) -> None:
        """Close without saving; if a field was changed, ask first (Escape is pressed so easily)."""
        if not self.draft.changed:
            self.dismiss(None)
            return
        ask(self, _("form.discard"), lambda: self.dismiss(None), yes=_("form.discard_yes"))

    def dismiss(self, result: M | None = None) -> Any:
        """Close the form; what it held is saved or given up, so its draft goes."""
        self.draft.close()
        return super().dismiss(result)

    def keep_draft_now(self) -> None:
        """On hang-up: write the draft at once, on this thread."""
        self.draft.save_now()


def model_from(cls: type[M], values: dict[str, Any]) -> tuple[M | None, dict[str, str]]:
    """A ``cls`` from ``values``, or ``None`` and one translated reason per refused field."""
    try:
        return cls.model_validate(values), {}
    except ValidationError as exc:
        return None, field_errors(exc, translator(current_language()))


def or_null(value: Any) -> Any:
    """A model value as a Select value: ``Select.NULL`` for ``None``, an enum's value."""
    if value is None:
        return Select.NULL
    return getattr(value, "value", value)


def _same(stored: Any, mine: Any) -> bool:
    """Whether a field holds the same value; a list of ids saved in another order is the same."""
    if isinstance(stored, list) and isinstance(mine, list):
        return sorted(map(repr, stored)) == sorted(map(repr, mine))
    return bool(stored == mine)

"""What is typed in a form survives a dropped link or a killed process, as the note line does.

Every :class:`~screens.forms.field_form.FieldForm` owns a :class:`FormDraft`. While the form is
open the draft writes its fields (by widget id) to the workshop file at most
:data:`DRAFT_INTERVAL` seconds behind the typing, and in full when the app hangs up. Opening
the same form again (the same kind of form on the same item; for a new item, from the same
place) puts the fields back and says so. Closing the form drops its draft.

Drafts are written by thread workers that may finish out of order, so each write carries a
number and an older write never replaces a newer one (a late periodic save would otherwise
bring back the draft that cancelling had just dropped): the numbers come from
``WorkshopStore.draft_number`` (taken on the UI thread, when the write is decided) and
``WorkshopStore.save_draft`` skips a write older than one already landed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from textual.app import App
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Select, SelectionList
from textual.widgets.select import InvalidSelectValueError

from core.i18n import _
from data.errors import StoreError
from data.store import WorkshopStore
from tui.workers import in_thread

PREFIX = "form:"
"""Draft keys of forms start with this (the note line's is ``capture``)."""

DRAFT_INTERVAL = 0.5
"""Seconds between looks at the fields (the note line's draft has the same rhythm)."""

CONTEXT_FIELDS = ("dimension", "innovation_id")
"""The fields that tell apart where a new item's form was opened."""


def draft_key(kind: str, item: BaseModel | dict[str, Any] | None) -> str:
    """The draft key of a ``kind`` form over ``item``: its id, or where a new one was begun."""
    values = item.model_dump(mode="json") if isinstance(item, BaseModel) else dict(item or {})
    if values.get("id") is not None:
        return f"{PREFIX}{kind}:{values['id']}"
    context = json.dumps({k: values.get(k) for k in CONTEXT_FIELDS}, sort_keys=True, default=str)
    return f"{PREFIX}{kind}:new:{hashlib.sha1(context.encode()).hexdigest()[:10]}"


@dataclass
class DraftFound(Message):
    """The form's kept draft was read (``text`` is empty when there is none)."""

    text: str


class FormDraft:
    """The draft of one open form: created with the form, started when it is mounted."""

    def __init__(self, form: Screen[Any], store: WorkshopStore, key: str) -> None:
        self.form = form
        self.store = store
        self.key = key
        self._baseline: dict[str, Any] | None = None
        """The fields as the form opened them; ``None`` until the kept draft has been read."""
        self._written: str | None = ""
        """The text last written: ``""`` for none, ``None`` when a write failed (in doubt)."""
        self._open = True

    def start(self) -> None:
        """Look for a kept draft, then keep the fields every :data:`DRAFT_INTERVAL`."""
        self.form.set_interval(DRAFT_INTERVAL, self.flush)
        _read(self.form, self.store, self.key)

    def restore(self, text: str) -> None:
        """Note the fields as opened, and put a kept draft back into them (saying so)."""
        self._baseline = kept_fields(self.form)
        fields = _parsed(text)
        if fields is None:
            return
        restore_fields(self.form, fields)
        self._written = text
        self.form.notify(_("notify.form_restored"))

    def rebase(self) -> None:
        """The fields as they are now count as unchanged (after taking another terminal's values)."""
        self._baseline = kept_fields(self.form)

    def text(self) -> str:
        """The fields as a draft: empty while they are as the form opened them."""
        fields = kept_fields(self.form)
        if self._baseline is None or fields == self._baseline:
            return ""
        return json.dumps(fields, sort_keys=True, ensure_ascii=False, default=str)

    @property
    def changed(self) -> bool:
        """Whether a field differs from how the form opened."""
        return self.text() != ""

    def flush(self) -> None:
        """Write the draft if the fields changed since the last write."""
        text = self.text()
        if self._open and text != self._written:
            self._written = text
            _write(self.form, self, text, self.store.draft_number())

    def failed(self) -> None:
        """A write did not land: try again at the next look."""
        self._written = None

    def save_now(self) -> None:
        """Write the draft synchronously: only for hang-up, when no worker will run."""
        if self._open and self.form.is_mounted:
            self.store.save_draft(self.key, self.text(), self.store.draft_number())

    def close(self) -> None:
        """The form closes: what it held was saved or given up, so its draft (if any) goes."""
        self._open = False
        if self._written != "":
            _drop(self.form.app, self.store, self.key, self.store.draft_number())  # the app outlives the form


def _parsed(text: str) -> dict[str, Any] | None:
    """A kept draft's fields, or ``None`` for no draft or one this version cannot read."""
    if not text:
        return None
    try:
        fields = json.loads(text)
    except ValueError:
        return None
    return fields if isinstance(fields, dict) else None


@in_thread(group="form-draft-read")
def _read(form: Screen[Any], store: WorkshopStore, key: str) -> None:
    try:
        text = store.draft(key)
    except StoreError:
        text = ""  # the file cannot be read now: the form opens as it is
    form.post_message(DraftFound(text))


@in_thread(group="form-draft-write")
def _write(form: Screen[Any], draft: FormDraft, text: str, number: int) -> None:
    try:
        draft.store.save_draft(draft.key, text, number)
    except StoreError:
        draft.failed()  # a full or read-only disk: the next look tries again, without a line each time


@in_thread(group="form-draft-drop")
def _drop(app: App[Any], store: WorkshopStore, key: str, number: int) -> None:
    try:
        store.save_draft(key, "", number)
    except StoreError:
        pass  # the file cannot be written: the draft simply stays, and is offered again


def kept_fields(form: Screen[Any]) -> dict[str, Any]:
    """Every field's value, by widget id: text fields, choices and multiple choices."""
    fields: dict[str, Any] = {i.id: i.value for i in form.query(Input) if i.id}
    for select in form.query(Select):
        if select.id:
            fields[select.id] = None if select.value is Select.NULL else select.value
    for choices in form.query(SelectionList):
        if choices.id:
            fields[choices.id] = list(choices.selected)
    return fields


def restore_fields(form: Screen[Any], fields: dict[str, Any]) -> None:
    """Put kept values back into the fields that still exist."""
    for widget_id, value in fields.items():
        found = form.query(f"#{widget_id}")
        if found:
            try:
                _restore_field(found.first(), value)
            except (InvalidSelectValueError, ValueError, TypeError, LookupError):
                continue  # a choice that no longer exists: the field keeps its value


def _restore_field(widget: object, value: Any) -> None:
    """Set one field to a kept value."""
    if isinstance(widget, SelectionList):
        widget.deselect_all()
        for chosen in value:
            widget.select(chosen)
    elif isinstance(widget, Select):
        widget.value = Select.NULL if value is None else value
    elif isinstance(widget, Input):
        widget.value = str(value)

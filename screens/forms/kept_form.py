"""What is typed in a form survives a dropped link or a killed process, as the note line does.

An open form writes its fields (by widget id) to the workshop file as a draft at most
``draft_interval`` seconds behind the typing, and in full when the app hangs up. Opening the
same form again (the same kind of form on the same item; for a new item, from the same place)
puts the fields back and says so. Saving or cancelling the form drops its draft; cancelling a
form whose fields were changed asks first.

Drafts are written by thread workers that may finish out of order, so each write carries a
number and an older write never replaces a newer one (a late periodic save would otherwise
bring back the draft that cancelling had just dropped): ``WorkshopStore.save_draft``.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic import BaseModel
from textual import work
from textual.widgets import Input, Select, SelectionList
from textual.widgets.select import InvalidSelectValueError

from core.i18n import _
from data.errors import StoreError
from data.store import WorkshopStore
from screens.dialogs.confirm import ConfirmScreen

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


def write_draft(store: WorkshopStore, key: str, text: str, number: int) -> None:
    """Write (or with ``text`` empty, drop) a form's draft, unless a newer write came first."""
    store.save_draft(key, text, number)


class KeptForm:
    """Mixed into a modal form screen, before the screen class; :meth:`kept_item` names the item."""

    def kept_item(self) -> BaseModel | dict[str, Any] | None:
        """The item the form edits (or the values a new one starts from)."""
        raise NotImplementedError

    @property
    def kept_key(self) -> str:
        """This form's draft key."""
        return draft_key(type(self).__name__, self.kept_item())

    def on_mount(self) -> None:
        self._kept_text = ""
        self._kept_open = True
        self.set_interval(DRAFT_INTERVAL, self.flush_kept)
        self._read_kept(self.kept_key)

    # -- the fields --------------------------------------------------------------------------

    def kept_fields(self) -> dict[str, Any]:
        """Every field's value, by widget id: text fields, choices and multiple choices."""
        fields: dict[str, Any] = {i.id: i.value for i in self.query(Input) if i.id}
        for select in self.query(Select):
            if select.id:
                fields[select.id] = None if select.value is Select.NULL else select.value
        for choices in self.query(SelectionList):
            if choices.id:
                fields[choices.id] = list(choices.selected)
        return fields

    def restore_fields(self, fields: dict[str, Any]) -> None:
        """Put kept values back into the fields that still exist."""
        for widget_id, value in fields.items():
            found = self.query(f"#{widget_id}")
            if found:
                try:
                    _restore_field(found.first(), value)
                except (InvalidSelectValueError, ValueError, TypeError, LookupError):
                    continue  # a choice that no longer exists: the field keeps its value

    # -- reading and writing the draft -------------------------------------------------------

    @work(thread=True, group="kept-form")
    def _read_kept(self, key: str) -> None:
        try:
            text = self.app.store.draft(key)
        except StoreError:
            return
        self.app.call_from_thread(self._restore, text)

    def _restore(self, text: str) -> None:
        self._kept_baseline = self.kept_fields()
        if not text:
            return
        try:
            fields = json.loads(text)
        except ValueError:
            return  # a draft this version cannot read: the form opens as it was
        if not isinstance(fields, dict):
            return
        self.restore_fields(fields)
        self._kept_text = text
        self.notify(_("notify.form_restored"))

    def kept_text(self) -> str:
        """The fields as a draft: empty while they are as the form opened them."""
        fields = self.kept_fields()
        if fields == getattr(self, "_kept_baseline", fields):
            return ""
        return json.dumps(fields, sort_keys=True, ensure_ascii=False, default=str)

    def flush_kept(self) -> None:
        """Every :data:`DRAFT_INTERVAL`: write the draft if the fields changed since the last write."""
        text = self.kept_text()
        if self._kept_open and text != self._kept_text:
            self._kept_text = text
            self._write_kept(self.app.store, self.kept_key, text, self.app.store.draft_number())

    @work(thread=True, group="kept-form-write")
    def _write_kept(self, store: WorkshopStore, key: str, text: str, number: int) -> None:
        try:
            write_draft(store, key, text, number)
        except StoreError:
            self._kept_text = None  # try again at the next tick

    def save_kept_now(self) -> None:
        """Write the draft synchronously: only for hang-up, when no worker will run."""
        if self.is_mounted and getattr(self, "_kept_open", False):
            write_draft(self.app.store, self.kept_key, self.kept_text(), self.app.store.draft_number())

    def action_cancel(self) -> None:
        """Close without saving; if a field was changed, ask first (Escape is pressed so easily)."""
        if not self.kept_text():
            self.dismiss(None)
            return
        self.app.push_screen(ConfirmScreen(_("form.discard")), self._discard_if_confirmed)

    def _discard_if_confirmed(self, discard: bool | None) -> None:
        if discard:
            self.dismiss(None)

    def dismiss(self, result: Any = None) -> Any:
        """Close the form; what it held is saved or given up, so its draft (if any) goes."""
        self._kept_open = False
        if getattr(self, "_kept_text", "") != "":  # a draft was written, restored or is in doubt
            store, key = self.app.store, self.kept_key
            number = store.draft_number()
            self.app.run_worker(lambda: drop_draft(store, key, number), thread=True, group="kept-form-drop")
        return super().dismiss(result)


def drop_draft(store: WorkshopStore, key: str, number: int) -> None:
    """Drop a closed form's draft; if the file cannot be written, the draft simply stays."""
    try:
        write_draft(store, key, "", number)
    except StoreError:
        pass


def _restore_field(widget: Any, value: Any) -> None:
    """Set one field to a kept value."""
    if isinstance(widget, SelectionList):
        widget.deselect_all()
        for chosen in value:
            widget.select(chosen)
    elif isinstance(widget, Select):
        widget.value = Select.NULL if value is None else value
    elif isinstance(widget, Input):
        widget.value = str(value)

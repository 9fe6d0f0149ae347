"""Text pasted or typed into a one-line field: every line kept, nothing cut without a word.

Textual's ``Input`` keeps only the first line of a paste, and refuses a whole paste (or each
key typed) that would take the field past its limit, silently. :class:`PastedText` takes
pastes and over-long typing for the focused ``Input`` first, for every field in the app:
a paste's lines are joined with a space and the field shows a line saying so; what does not
fit stays out of the field and the whole text is kept in a file in the data directory, whose
path the message names, so nothing typed or pasted is lost.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from textual import events
from textual.app import App
from textual.widgets import Input

from core.i18n import _
from core.text import clean_line

KEEP_AFTER_TYPING = 0.3
"""Seconds after the last key past a field's limit that the kept text is written and shown."""


def kept_file(text: str, folder: Path) -> Path:
    """Write ``text`` to a new private file (0600) in ``folder``; return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"kept-{stamp}.txt"
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    return path


class PastedText(App[None]):
    """An app whose one-line fields keep every pasted line and say what did not fit."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._overflow: tuple[Input, str, str] | None = None
        """While typing runs past a field's limit: the field, its value, the keys past it."""

    async def on_event(self, event: events.Event) -> None:
        field = self.focused if isinstance(event, events.Paste | events.Key) else None
        if isinstance(field, Input) and isinstance(event, events.Paste) and not event.is_forwarded:
            self.paste_into(field, event.text)
            return
        if isinstance(field, Input) and isinstance(event, events.Key) and self._past_limit(field, event):
            self._keep_typed(field, event.character or "")
            return
        await super().on_event(event)

    def paste_into(self, field: Input, pasted: str) -> None:
        """Put ``pasted`` into ``field`` as one line, as much as fits, and say what changed."""
        lines = [clean_line(line) for line in pasted.splitlines()]
        lines = [line for line in lines if line]
        text = " ".join(lines)
        start, end = sorted(field.selection)
        room = field.max_length - (len(field.value) - (end - start)) if field.max_length else len(text)
        fits = text[:max(room, 0)]
        field.replace(fits, start, end)
        if len(fits) < len(text):
            self._say_cut(field, text, len(fits))
        elif len(lines) > 1:
            self.notify(_("input.lines_joined", lines=len(lines)), markup=False)

    def _past_limit(self, field: Input, event: events.Key) -> bool:
        return (event.is_printable and bool(field.max_length) and field.selection.is_empty
                and len(field.value) >= (field.max_length or 0))

    def _keep_typed(self, field: Input, character: str) -> None:
        """Collect keys typed past the limit; write them out once the typing pauses."""
        if self._overflow is None or self._overflow[0] is not field:
            self._overflow = (field, field.value, "")
            self.set_timer(KEEP_AFTER_TYPING, self._flush_typed)
        widget, value, extra = self._overflow
        self._overflow = (widget, value, extra + character)

    def _flush_typed(self) -> None:
        if self._overflow is None:
            return
        field, value, extra = self._overflow
        self._overflow = None
        self._say_cut(field, value + extra, len(value))

    def _say_cut(self, field: Input, text: str, kept: int) -> None:
        """Keep the whole ``text`` in a file and say how much of it the field holds."""
        from tui.settings import data_dir

        try:
            where = str(kept_file(text, data_dir()))
        except OSError as exc:
            where = _("input.not_kept", detail=exc.strerror or str(exc))
        self.notify(_("input.cut", limit=field.max_length or kept, cut=len(text) - kept, path=where),
                    severity="warning", markup=False, timeout=30)

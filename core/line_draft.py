"""The note line as a draft: its text, what was typed beside it and what it was about, kept
through a crash.

A draft that is only text (a plain note, nobody named) is kept as that text, as drafts always
were, so a file written by an older rembuk reads the same. One with a kind, a speaker, an
agency, a due date or a subject is kept as a small JSON object marked with :data:`MARK`; anything else
read back is taken as text, so no draft is ever refused.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import asdict, dataclass, fields

MARK = "rembuk.note_line"
"""The key that tells a kept note line from a note that happens to be typed as JSON."""

PLAIN_KIND = "note"


@dataclass(frozen=True)
class LineDraft:
    """What the note line held: every field as typed (the agency and due date not yet read), and
    what the note was about (the line's title: a card, a dimension, the workshop)."""

    text: str = ""
    kind: str = PLAIN_KIND
    speaker: str = ""
    agency: str = ""
    due: str = ""
    about: str = ""
    """The title the line showed (``Note → about``)."""
    dimension: str = ""
    target_type: str = ""
    """What the note was attached to (a ``TargetType`` value); empty: the screen reopened decides."""
    target_id: str = ""

    def dumps(self) -> str:
        """The draft as stored: empty when nothing was typed, the text alone when only it was."""
        if not any((self.text, self.speaker, self.agency, self.due)):
            return ""
        if self == LineDraft(text=self.text):
            return self.text
        return json.dumps({MARK: 1, **asdict(self)}, ensure_ascii=False)

    @classmethod
    def loads(cls, stored: str) -> LineDraft:
        """A stored draft read back; text that is not a kept note line is the line's text."""
        try:
            value = json.loads(stored) if stored.startswith("{") else None
        except ValueError:
            value = None
        if not isinstance(value, dict) or MARK not in value:
            return cls(text=stored)
        return cls(**{field.name: str(value.get(field.name, field.default)) for field in fields(cls)})

    def after_saving(self, saved: str) -> LineDraft:
        """What stays once the note typed as ``saved`` left the line: what was typed after its
        Enter, as a plain note by nobody (as :meth:`CaptureBar.consume` leaves it), about the same."""
        return dataclasses.replace(LineDraft(text=left_after(self.text, saved)), about=self.about,
                                   dimension=self.dimension, target_type=self.target_type, target_id=self.target_id)


def left_after(line: str, saved: str) -> str:
    """What stays in the line once the note ``saved`` leaves it (text typed after its Enter)."""
    return line[len(saved):].lstrip() if line.startswith(saved) else line

"""Shared building blocks of the domain models: cleaned string types and the model base."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from core.text import clean_line, clean_text

Line = Annotated[str, AfterValidator(clean_line), Field(max_length=300)]
"""A one-line field (a title, a name): cleaned of control characters, at most 300 chars."""

Text = Annotated[str, AfterValidator(clean_text), Field(max_length=20_000)]
"""A multi-line field (a problem statement, a note): cleaned, at most 20,000 chars."""

Name = Annotated[str, AfterValidator(clean_line), Field(min_length=1, max_length=300)]
"""A required one-line field."""

Level = Annotated[int, Field(ge=1, le=5)]
"""A 1–5 level: risk likelihood and impact, quick-win scores."""


class Model(BaseModel):
    """Base of every domain model: validated on assignment, no unknown fields."""

    model_config = ConfigDict(validate_assignment=True, extra="forbid", str_strip_whitespace=False, defer_build=True)


class Stored(Model):
    """A model kept in a table of its own: an id the store assigns and an edit version.

    ``version`` grows by one with every saved edit; an edit made on an older version is
    refused by the store rather than silently overwriting someone else's change.
    """

    id: int | None = None
    version: int = 0

    @property
    def stored_id(self) -> int:
        """The id of an item read from (or saved to) the store; an unsaved item has none."""
        if self.id is None:
            raise ValueError(f"this {type(self).__name__} has not been stored")
        return self.id

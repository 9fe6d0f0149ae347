"""Writing safe Markdown from user text: escaping, headings, lists and tables.

Whatever a participant types (a ``#``, a ``|``, ``<script>``, a line that looks like a list
item) must come out of an export as the literal text it was, never as structure. The rule:
every piece of user or reference text goes through :func:`escape` or :func:`escape_line`, and
the builders here add the Markdown syntax around it. Catalog templates are plain text and are
escaped too, so Markdown syntax lives only in code.

The escaping targets CommonMark plus GitHub's tables and strikethrough, and keeps text readable:
only characters that could start syntax get a backslash (``&`` only where it would start an
entity, ``1.`` and ``+`` only at the start of a line).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from core.text import clean_text

_ANYWHERE = re.compile(r"([\\`*_\[\]<|~#])|&(?=#|[A-Za-z0-9]+;)")
"""Characters escaped wherever they are; ``&`` only where it would start an entity."""

_LINE_START = re.compile(r"^([>=+-])|^(\d{1,9})([.)])(?=\s|$)")
"""Block markers that matter only at the start of a line: quotes, setext underlines, list
markers (``-`` also thematic breaks). ``*``, ``_``, ``#``, backticks and ``~`` are already
escaped everywhere."""

LINE_JOINER = " / "
"""What separates the lines of a multi-line text squeezed onto one line (a heading, a cell)."""


def _escape_chars(line: str) -> str:
    """Backslash-escape the characters that could start inline syntax or HTML."""
    return _ANYWHERE.sub(lambda m: "\\" + m.group(0), line)


def _escape_marker(found: re.Match[str]) -> str:
    """``-`` → ``\\-``; ``12.`` → ``12\\.``."""
    marker, number, dot = found.groups()
    return "\\" + marker if marker else f"{number}\\{dot}"


def _escape_start(line: str) -> str:
    """Backslash-escape a block marker at the start of an already char-escaped line."""
    return _LINE_START.sub(_escape_marker, line)


def _lines(text: str) -> list[str]:
    """The non-blank lines of cleaned ``text``, stripped (indentation cannot make code blocks).

    Cleaning (:func:`core.text.clean_text`) drops control characters and escape sequences,
    which a Markdown reader would otherwise turn into replacement characters or pass on.
    """
    return [line.strip() for line in clean_text(text).split("\n") if line.strip()]


def escape_line(text: str) -> str:
    """Escape ``text`` for a one-line context: a heading, a table cell, a list label.

    Its lines are joined with :data:`LINE_JOINER`; the result never contains a newline.
    """
    return _escape_start(_escape_chars(LINE_JOINER.join(_lines(text))))


def escape(text: str) -> str:
    """Escape multi-line ``text`` for a paragraph or list item.

    Each line is escaped as by :func:`escape_line`; lines are joined by hard line breaks
    (a backslash before the newline), and blank lines are dropped so that the text stays one
    paragraph and cannot end the list item it is in.
    """
    return "\\\n".join(_escape_start(_escape_chars(line)) for line in _lines(text))


def heading(level: int, text: str) -> str:
    """An ATX heading (``## Text``) of ``level`` 1–6 showing ``text`` literally."""
    if not 1 <= level <= 6:
        raise ValueError(f"a heading level is 1..6, not {level}")
    return f"{'#' * level} {escape_line(text)}".rstrip()


def strong(text: str) -> str:
    """``text`` in bold, escaped; empty text gives an empty string (``****`` is a rule)."""
    escaped = escape_line(text)
    return f"**{escaped}**" if escaped else ""


def _item(marker: str, markdown: str) -> str:
    """One list item; continuation lines are indented under the item's text."""
    indent = " " * (len(marker) + 1)
    return f"{marker} " + markdown.replace("\n", "\n" + indent)


def bullets(items: Iterable[str]) -> str:
    """A bullet list of Markdown ``items`` (escape user text before passing it)."""
    return "\n".join(_item("-", item) for item in items)


def numbered(items: Iterable[str]) -> str:
    """A numbered list (1., 2., …) of Markdown ``items`` (escape user text first)."""
    return "\n".join(_item(f"{n}.", item) for n, item in enumerate(items, 1))


def _row(cells: Sequence[str]) -> str:
    """One table row of plain-text cells."""
    return "| " + " | ".join(escape_line(cell) for cell in cells) + " |"


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A GitHub-style table of plain-text cells, each escaped with :func:`escape_line`.

    Raises:
        ValueError: a row does not have as many cells as the header.
    """
    body = [list(row) for row in rows]
    if any(len(row) != len(header) for row in body):
        raise ValueError("every table row needs as many cells as the header")
    rule = "| " + " | ".join("---" for _ in header) + " |"
    return "\n".join([_row(header), rule, *(_row(row) for row in body)])


def document(blocks: Iterable[str]) -> str:
    """Join Markdown blocks with blank lines, skipping empty ones; ends with one newline."""
    return "\n\n".join(block for block in blocks if block) + "\n"

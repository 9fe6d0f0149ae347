"""Reading Markdown back with markdown-it-py, to check what a document's structure really is.

The parser is CommonMark with GitHub's tables and strikethrough: what a reader of an exported
file (GitHub, an editor's preview, pandoc's gfm) would see.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])

PLAIN_INLINE = {"text", "softbreak", "hardbreak"}
"""Inline token types that are just text."""


def parse(text: str) -> list[Token]:
    """The block tokens of ``text``."""
    return MARKDOWN.parse(text)


def plain(inline: Token) -> str:
    """The text of an inline token, line breaks as newlines."""
    children = [c for c in inline.children or [] if c.type in PLAIN_INLINE]
    return "".join(c.content if c.type == "text" else "\n" for c in children)


def inline_types(tokens: list[Token]) -> set[str]:
    """Every inline token type used anywhere in the document."""
    return {child.type for token in tokens if token.type == "inline" for child in token.children or []}


def html(tokens: list[Token]) -> list[Token]:
    """Raw HTML, block or inline: must never come out of user text."""
    inline = [c for t in tokens if t.type == "inline" for c in t.children or []]
    return [t for t in tokens + inline if t.type in ("html_block", "html_inline")]


def headings(tokens: list[Token]) -> list[tuple[int, str]]:
    """(level, text) of every heading, in order."""
    return [
        (int(token.tag[1]), plain(tokens[n + 1]))
        for n, token in enumerate(tokens)
        if token.type == "heading_open"
    ]


def tables(tokens: list[Token]) -> list[list[list[str]]]:
    """Every table as rows of cell texts, the header row first."""
    found: list[list[list[str]]] = []
    for n, token in enumerate(tokens):
        if token.type == "table_open":
            found.append([])
        elif token.type == "tr_open":
            found[-1].append([])
        elif token.type == "inline" and tokens[n - 1].type in ("th_open", "td_open"):
            found[-1][-1].append(plain(token))
    return found


def list_items(tokens: list[Token], list_type: str) -> list[int]:
    """For each top-level list of ``list_type`` (``bullet_list``/``ordered_list``), its item count."""
    counts: list[int] = []
    inside = False
    for token in tokens:
        if token.type in (f"{list_type}_open", f"{list_type}_close") and token.level == 0:
            inside = token.type.endswith("_open")
            counts += [0] if inside else []
        elif token.type == "list_item_open" and token.level == 1 and inside:
            counts[-1] += 1
    return counts

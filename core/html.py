"""One self-contained HTML file from an export's Markdown, for browsers, printing and pasting.

The Markdown is rendered with markdown-it-py (CommonMark plus tables) with raw HTML disabled,
so nothing a user typed can become a tag, an attribute or a script; link targets are
validated by markdown-it (no ``javascript:``). The page carries its CSS inline and no
external assets, plain semantic elements (headings, lists, tables) that paste cleanly into a
word processor, and a print stylesheet for A4: tables split only between rows, headings stay
with what follows, and a short table (the signature block) stays on one page together with
the paragraph before it. A body row whose cells are all empty is room to sign by hand: it is
given a signature's height.
"""

from __future__ import annotations

from html import escape

from markdown_it import MarkdownIt
from markdown_it.token import Token

KEEP_TOGETHER_ROWS = 8
"""A table with at most this many body rows is never split across pages."""

WIDE_COLUMNS = 9
"""A table with at least this many columns (the roadmap, the register) is set smaller."""

STYLE = """
body { font-family: "Times New Roman", Times, serif; font-size: 11pt; line-height: 1.4;
       color: #000; background: #fff; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 16pt; text-align: center; }
h2 { font-size: 13pt; margin-top: 1.6em; }
h3 { font-size: 11.5pt; margin-top: 1.2em; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; font-size: 10pt; }
th, td { border: 1px solid #000; padding: 0.2em 0.4em; vertical-align: top; text-align: left; }
th { background: #eee; }
.keep-together table { margin-bottom: 0; }
tr.signing-space td { height: 5em; }
table.wide { font-size: 8pt; }
@page { size: A4; margin: 20mm 18mm 20mm 22mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, td, th { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .keep-together, table.keep-together { break-inside: avoid; page-break-inside: avoid; }
}
""".strip()
"""The page's whole stylesheet: screen and A4 print, no external fonts or images."""


def markdown_parser() -> MarkdownIt:
    """CommonMark with tables, raw HTML off (``<script>`` stays text), no typographer."""
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def render_html(markdown: str, lang: str) -> str:
    """The whole HTML page for ``markdown`` in ``lang``; its title is the first level-1 heading."""
    parser = markdown_parser()
    tokens = keep_short_tables_together(parser.parse(markdown))
    body = parser.renderer.render(tokens, parser.options, {})
    return page(body, title_of(tokens), lang)


def page(body: str, title: str, lang: str) -> str:
    """Wrap a rendered body in a complete, self-contained document."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>\n{STYLE}\n</style>\n</head>\n"
        f"<body>\n{body}</body>\n</html>\n"
    )


def title_of(tokens: list[Token]) -> str:
    """The text of the first level-1 heading, or an empty string."""
    for n, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h1":
            return _plain(tokens[n + 1])
    return ""


def _plain(inline: Token) -> str:
    """The text of an inline token, without markup."""
    return "".join(c.content for c in inline.children or [] if c.type in ("text", "code_inline"))


def keep_short_tables_together(tokens: list[Token]) -> list[Token]:
    """Mark short tables to stay on one page, with the paragraph just before them.

    Wide tables are marked too, to be set in a smaller font, and rows of empty cells are marked
    as room to sign.

    The wrapper is our own ``<div>``, inserted as a token: the parser never produces raw HTML
    from the Markdown itself (``html`` is off).
    """
    result: list[Token] = []
    wrapped = False
    for n, token in enumerate(tokens):
        if token.type == "table_open" and _columns(tokens, n) >= WIDE_COLUMNS:
            token.attrSet("class", "wide")
        if token.type == "tr_open" and _blank_row(tokens, n):
            token.attrSet("class", "signing-space")
        if token.type == "table_open" and _body_rows(tokens, n) <= KEEP_TOGETHER_ROWS:
            token.attrJoin("class", "keep-together")
            wrapped = _open_before_paragraph(result)
        result.append(token)
        if token.type == "table_close" and wrapped:
            result.append(_html("</div>\n"))
            wrapped = False
    return result


def _blank_row(tokens: list[Token], start: int) -> bool:
    """Whether the row opening at ``start`` is a body row of empty cells only."""
    end = next(i for i in range(start, len(tokens)) if tokens[i].type == "tr_close")
    cells = tokens[start + 1:end]
    return (any(t.type == "td_open" for t in cells)
            and all(t.content == "" for t in cells if t.type == "inline"))


def _body_rows(tokens: list[Token], start: int) -> int:
    """How many body rows the table opening at ``start`` has (its header row not counted)."""
    end = next(i for i in range(start, len(tokens)) if tokens[i].type == "table_close")
    return sum(t.type == "tr_open" for t in tokens[start:end]) - 1


def _columns(tokens: list[Token], start: int) -> int:
    """How many columns the table opening at ``start`` has (the cells of its header row)."""
    end = next(i for i in range(start, len(tokens)) if tokens[i].type == "tr_close")
    return sum(t.type == "th_open" for t in tokens[start:end])


def _open_before_paragraph(result: list[Token]) -> bool:
    """If a top-level paragraph ends just before a table, open a div before it; say if so."""
    if not result or result[-1].type != "paragraph_close" or result[-1].level != 0:
        return False
    opening = max(i for i, t in enumerate(result) if t.type == "paragraph_open" and t.level == 0)
    result.insert(opening, _html('<div class="keep-together">\n'))
    return True


def _html(content: str) -> Token:
    """A block of our own markup (never user text)."""
    token = Token("html_block", "", 0)
    token.content = content
    return token

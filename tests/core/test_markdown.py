"""core.markdown: whatever a user types comes out of a document as literal text.

Each check parses the output with markdown-it-py and looks at the tokens: no HTML, no extra
headings, list items or table cells, and the text reads back as it was typed.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.markdown import (
    LINE_JOINER,
    bullets,
    document,
    escape,
    escape_line,
    heading,
    numbered,
    strong,
    table,
)
from core.text import clean_text
from tests.core.mdparse import MARKDOWN, PLAIN_INLINE, html, inline_types, list_items, parse, plain, tables

INJECTIONS = [
    "# not a heading",
    "## nor this ##",
    "> not a quote",
    "- not a list",
    "+ not a list",
    "* not a list",
    "1. not a list",
    "7) not a list",
    "```\nnot code\n```",
    "~~~",
    "    not indented code",
    "---",
    "***",
    "title\n===",
    "title\n---",
    "a | b | c",
    "| a | b |\n|---|---|\n| c | d |",
    "`code`",
    "**bold** and __bold__",
    "*em* and _em_",
    "~~struck~~",
    "[link](https://example.org)",
    "![image](https://example.org/x.png)",
    "[ref]: https://example.org",
    "<https://example.org>",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<!-- comment -->",
    "&lt;script&gt; &amp; &#60; &#x3C;",
    "back\\slash\\",
    "trailing backslash\\\nnext line",
    "line one\n\n\nline two after blank lines",
    "first\n# second\n> third\n- fourth\n1. fifth",
]


def _lines(text: str) -> list[str]:
    """What a text should read back as: its cleaned, stripped, non-blank lines."""
    return [line.strip() for line in clean_text(text).split("\n") if line.strip()]


@pytest.mark.parametrize("text", INJECTIONS)
def test_a_paragraph_reads_back_as_typed(text: str) -> None:
    """An escaped text is one paragraph of plain text (hard breaks between its lines)."""
    tokens = parse(escape(text))
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert inline_types(tokens) <= PLAIN_INLINE
    assert plain(tokens[1]) == "\n".join(_lines(text))


@pytest.mark.parametrize("text", INJECTIONS)
def test_a_list_item_stays_one_item(text: str) -> None:
    """User text in a list item cannot end the item or start another list."""
    tokens = parse(bullets([escape(text), "next"]))
    assert list_items(tokens, "bullet_list") == [2]
    assert not html(tokens) and inline_types(tokens) <= PLAIN_INLINE
    assert {t.type for t in tokens} <= {
        "bullet_list_open", "bullet_list_close", "list_item_open", "list_item_close",
        "paragraph_open", "paragraph_close", "inline",
    }


@pytest.mark.parametrize("text", INJECTIONS)
def test_a_table_cell_stays_one_cell(text: str) -> None:
    """Pipes and newlines in a cell do not add cells or rows."""
    found = tables(parse(table(["A", "B"], [[text, "x"], ["y", text]])))
    cell = LINE_JOINER.join(_lines(text))
    assert found == [[["A", "B"], [cell, "x"], ["y", cell]]]


@pytest.mark.parametrize("text", INJECTIONS)
def test_a_heading_is_one_heading(text: str) -> None:
    """A heading shows its text literally, closing ``#`` included."""
    tokens = parse(heading(2, text))
    assert [t.type for t in tokens] == ["heading_open", "inline", "heading_close"]
    assert tokens[0].tag == "h2"
    assert plain(tokens[1]) == LINE_JOINER.join(_lines(text))


@pytest.mark.parametrize("text", INJECTIONS)
def test_no_html_survives(text: str) -> None:
    """Rendered to HTML, user text never opens a tag."""
    rendered = MARKDOWN.render(document([escape(text), table(["A"], [[text]])]))
    for tag in ("<script", "<img", "<!--", "<a ", "<code", "<em", "<strong", "<h1", "<blockquote", "<pre"):
        assert tag not in rendered


def test_plain_text_stays_readable() -> None:
    """Ordinary minutes text is not littered with backslashes."""
    text = "Rapat dimulai pukul 08.00; anggaran Rp1.5 juta (2025) & target 10% - tercapai!"
    assert escape(text) == text
    assert escape_line("Tahun 2025. Tahap 1.5") == "Tahun 2025. Tahap 1.5"


def test_markers_are_escaped_only_where_they_matter() -> None:
    """``1.`` and ``+`` only at a line start, ``&`` only before an entity."""
    assert escape("1. satu\n2) dua\n+ tiga") == "1\\. satu\\\n2\\) dua\\\n\\+ tiga"
    assert escape("A & B &amp; C") == "A & B \\&amp; C"


def test_strong_of_nothing_is_nothing() -> None:
    """``****`` would be a thematic break, so empty bold text gives an empty string."""
    assert strong("") == ""
    assert strong("  \n ") == ""
    assert strong("Acara:") == "**Acara:**"


def test_table_rows_must_fit_the_header() -> None:
    with pytest.raises(ValueError):
        table(["A", "B"], [["only one"]])


def test_heading_levels_are_checked() -> None:
    with pytest.raises(ValueError):
        heading(7, "x")


def test_numbered_lists_count_and_indent_continuations() -> None:
    """Continuation lines are indented under the item's text."""
    assert numbered(["a", escape("b\nc")]) == "1. a\n2. b\\\n   c"
    assert list_items(parse(numbered(["a", escape("b\n1. c")])), "ordered_list") == [2]


def test_document_skips_empty_blocks() -> None:
    assert document(["# A", "", "text"]) == "# A\n\ntext\n"


@given(st.text())
def test_any_text_is_one_plain_paragraph(text: str) -> None:
    """Property: any string escapes to nothing, or one paragraph reading back as typed."""
    tokens = parse(escape(text))
    if not _lines(text):
        assert tokens == []
        return
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert inline_types(tokens) <= PLAIN_INLINE
    assert plain(tokens[1]) == "\n".join(_lines(text))


@given(st.text(), st.text())
def test_any_text_is_one_table_cell(first: str, second: str) -> None:
    """Property: any two strings make one row of two cells holding exactly them."""
    tokens = parse(table(["A", "B"], [[first, second]]))
    expected = [LINE_JOINER.join(_lines(first)), LINE_JOINER.join(_lines(second))]
    assert tables(tokens) == [[["A", "B"], expected]]
    assert not html(tokens) and inline_types(tokens) <= PLAIN_INLINE


@given(st.text())
def test_any_text_is_one_heading(text: str) -> None:
    """Property: any string makes exactly one heading of that text."""
    tokens = parse(heading(3, text))
    assert [t.type for t in tokens] == ["heading_open", "inline", "heading_close"]
    assert plain(tokens[1]) == LINE_JOINER.join(_lines(text))

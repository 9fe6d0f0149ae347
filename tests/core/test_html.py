"""The HTML export: self-contained, printable on A4, and nothing typed can become markup.

Every case puts hostile text where users type (notes, speakers, titles, risks, agencies),
renders both documents to HTML, parses the page back with the standard library's parser and
checks the elements and attributes that came out.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from core.exports import render_document
from core.html import KEEP_TOGETHER_ROWS, render_html
from core.models import ActionStep, Bundle, Risk
from data.demo import demo_bundle
from tests.core import minutes_fixture as fixture

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "ul", "ol", "li",
    "strong", "br", "table", "thead", "tbody", "tr", "th", "td", "div",
}
"""Every element an export may contain: plain semantic HTML, no links, images or scripts."""

ATTACKS = [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "[klik](javascript:alert(1))",
    "<a href=\"javascript:alert(1)\">klik</a>",
    "| sel | palsu |",
    "# Judul palsu",
    "<https://evil.example/x.js>",
    "![gambar](https://evil.example/x.png)",
    "<style>body{display:none}</style>",
    "&lt;script&gt;",
    "```\n<script>x</script>\n```",
    "<!-- komentar -->",
]


class Page(HTMLParser):
    """Every start tag and attribute of a page, and the text of its <style> and <title>."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[str] = []
        self._current = ""
        self.styles: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._current = tag

    def handle_data(self, data: str) -> None:
        if self._current == "style":
            self.styles.append(data)
        self.texts.append(data)

    def handle_comment(self, data: str) -> None:
        self.tags.append(("!--", {}))

    def count(self, tag: str) -> int:
        return sum(t == tag for t, _ in self.tags)


def _hostile(text: str) -> Bundle:
    """The minutes fixture with ``text`` in every field people type."""
    bundle = fixture.bundle()
    for note in bundle.notes:
        note.text, note.speaker = f"{text} teks", text
    for innovation in bundle.innovations:
        innovation.title = f"{text.splitlines()[0]} inovasi"
        innovation.programme = text.splitlines()[0]
    for person in bundle.participants:
        person.position = text.splitlines()[0]
    bundle.workshop.title = bundle.workshop.venue = text.splitlines()[0]
    first = bundle.innovations[0].id or 0
    bundle.action_steps = [ActionStep(id=1, innovation_id=first, activity=text, output=text.splitlines()[0],
                                      start_year=2025, end_year=2026, budget={2025: 1_000_000})]
    bundle.risks = [Risk(id=1, innovation_id=first, code=text.splitlines()[0], event=text, likelihood=5,
                         impact=5, treatment_action=text, category=text.splitlines()[0])]
    bundle.agencies[0].name = text.splitlines()[0]
    return bundle


def _assert_inert(page: Page) -> None:
    """Only allowed elements; no event handlers, links, sources or scripts."""
    assert {tag for tag, _ in page.tags} <= ALLOWED_TAGS
    for tag, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not {"href", "src", "style"} & attrs.keys(), (tag, attrs)
    assert page.count("style") == 1 and page.count("script") == 0


@pytest.mark.parametrize("attack", ATTACKS)
@pytest.mark.parametrize("document", ["minutes", "masterplan"])
def test_typed_text_never_becomes_markup(attack: str, document: str) -> None:
    clean = Page(render_document(_hostile("teks biasa"), document, "html", "id"))
    page = Page(render_document(_hostile(attack), document, "html", "id"))
    _assert_inert(page)
    # The structure is the clean document's: no extra heading, table, row or cell.
    for tag in ("h1", "h2", "h3", "table", "tr", "td", "th", "li"):
        assert page.count(tag) == clean.count(tag), tag


def test_the_attack_shows_as_the_text_typed() -> None:
    page = Page(render_document(_hostile("<img src=x onerror=alert(1)>"), "minutes", "html", "en"))
    assert any("<img src=x onerror=alert(1)> teks" in text for text in page.texts)


def test_markdown_that_was_not_escaped_is_still_inert() -> None:
    """Defence in depth: raw HTML and javascript: links in Markdown itself stay inert."""
    markdown = "# T\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b onclick=x>b</b>\n"
    page = Page(render_html(markdown, "en"))
    assert {tag for tag, _ in page.tags} <= ALLOWED_TAGS | {"a"}
    assert all("javascript" not in (attrs.get("href") or "") for _, attrs in page.tags)
    assert page.count("script") == 0 and page.count("b") == 0


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_self_contained_page_for_a4(lang: str) -> None:
    text = render_document(demo_bundle(), "minutes", "html", lang)
    page = Page(text)
    assert text.startswith("<!DOCTYPE html>\n")
    assert ("html", {"lang": lang}) in page.tags
    assert ("meta", {"charset": "utf-8"}) in page.tags
    assert ("title", {}) in page.tags and ("Notulen Rapat" if lang == "id" else "Minutes of the Meeting") in text
    style = "".join(page.styles)
    assert "@page { size: A4;" in style and "@media print" in style
    assert "break-inside: avoid" in style
    assert "http" not in text.replace("http-equiv", "") and "url(" not in style and "@import" not in style


def test_the_signature_block_is_kept_together_with_place_and_date() -> None:
    text = render_document(demo_bundle(), "minutes", "html", "id")
    start = text.index('<div class="keep-together">\n<p>Kabupaten Serang, 3 Juli 2024</p>')
    block = text[start:text.index("</div>", start)]
    assert '<table class="keep-together">' in block and "Pimpinan rapat" in block and "NIP. " in block
    # Between the roles and the names, a row of the height of a signature.
    assert block.index("Notulis") < block.index('<tr class="signing-space">') < block.index("Rahmat")
    assert "tr.signing-space td { height: 5em; }" in text


def test_only_a_row_of_empty_cells_is_room_to_sign() -> None:
    page = render_html("| a | b |\n| --- | --- |\n|  |  |\n| x |  |\n", "en")
    assert page.count('<tr class="signing-space">') == 1


def test_long_tables_may_split_between_rows_only() -> None:
    """The attendance list (29 rows) is not kept together; rows never split (print CSS)."""
    text = render_document(demo_bundle(), "minutes", "html", "id")
    attendance = text[text.index("<h2>Lampiran: Daftar Hadir</h2>"):]
    assert attendance.split("\n")[1] == "<table>"
    assert "tr, td, th { break-inside: avoid;" in text
    assert KEEP_TOGETHER_ROWS < 29


def test_the_title_is_the_first_heading_as_text() -> None:
    page = render_html("# A & B <i>\n\n## Two\n", "en")
    assert "<title>A &amp; B &lt;i&gt;</title>" in page


def test_wide_tables_are_set_smaller() -> None:
    """The roadmap (a column per year) gets the smaller print font; the signature block does not."""
    page = Page(render_document(demo_bundle(), "masterplan", "html", "en"))
    classes = [attrs.get("class") or "" for tag, attrs in page.tags if tag == "table"]
    assert sum("wide" in c for c in classes) >= 6 + 1  # six roadmaps and the register, at least
    assert "table.wide { font-size: 8pt; }" in "".join(page.styles)
    minutes = render_document(demo_bundle(), "minutes", "html", "en")
    assert '<table class="keep-together">\n<thead>\n<tr>\n<th>Chair</th>' in minutes

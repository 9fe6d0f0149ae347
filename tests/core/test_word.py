"""The Word export: the Markdown's structure read back from the .docx, the page around it, the
same bytes every time, a replaceable template, and nothing typed becoming a field or markup."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from core.exports import render_document, render_word
from core.html import markdown_parser
from core.word import BadTemplate, Letterhead, render_docx
from core.word.blocks import table_rows
from data.demo import demo_bundle
from tests.core import minutes_fixture as fixture
from tests.core.test_html import ATTACKS, _hostile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _document(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def _markdown_outline(markdown: str) -> tuple[list[str], list[list[list[str]]]]:
    """The headings' text and every table's cells, as markdown-it parses the export."""
    tokens = markdown_parser().parse(markdown)
    headings = [tokens[n + 1].content.replace("\\", "") for n, t in enumerate(tokens) if t.type == "heading_open"]
    tables = []
    for n, token in enumerate(tokens):
        if token.type == "table_open":
            rows, _ = table_rows(tokens, n)
            tables.append([["".join(c.content for c in cell.inline.children or [] if c.type == "text")
                            for cell in row] for row in rows])
    return headings, tables


def _word_outline(doc) -> tuple[list[str], list[list[list[str]]]]:
    headings = [p.text for p in doc.paragraphs if p.style.name in ("Title", "Heading 1", "Heading 2")]
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in doc.tables]
    return headings, tables


@pytest.mark.parametrize("document", ["minutes", "masterplan"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_heading_and_table_cell_of_the_markdown_is_in_the_word_file(document: str, lang: str) -> None:
    bundle = demo_bundle()
    markdown = render_document(bundle, document, "md", lang)
    doc = _document(render_word(bundle, document, lang))
    assert _word_outline(doc) == _markdown_outline(markdown)


def test_the_minutes_read_back_as_the_fixture_says() -> None:
    """Golden text and structure of a small workshop's minutes, as a reader of the .docx sees them."""
    doc = _document(render_word(fixture.bundle(), "minutes", "id"))
    headings, tables = _word_outline(doc)
    assert headings[0] == "Notulen Rapat"
    assert "Penutup" in headings
    signatures = tables[-2] if "Lampiran" in headings[-1] else tables[-1]
    assert signatures[0] == ["Pimpinan rapat", "Notulis"]
    assert signatures[1] == ["", ""]  # the room to sign
    assert signatures[-1][0].startswith("NIP") and signatures[-1][1].startswith("NIP")
    bullets = [p.text for p in doc.paragraphs if p.text.startswith("•\t")]
    assert any(text.startswith("•\tInstansi:") for text in bullets)


def test_the_page_is_a4_with_the_letterhead_and_page_numbers() -> None:
    doc = _document(render_word(demo_bundle(), "minutes", "id"))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [p.text for p in section.header.paragraphs][0] == "PEMERINTAH KABUPATEN SERANG"
    footer = section.footer.paragraphs[0]._p
    fields = [f.get(qn("w:instr")) for f in footer.iter(f"{W}fldSimple")]
    assert fields == ["PAGE", "NUMPAGES"]
    assert section.footer.paragraphs[0].text.startswith("Halaman ")
    english = _document(render_word(demo_bundle(), "minutes", "en")).sections[0]
    assert english.header.paragraphs[0].text == "GOVERNMENT OF KABUPATEN SERANG"
    assert english.footer.paragraphs[0].text.startswith("Page ")


def test_header_rows_repeat_rows_never_split_and_the_signature_block_keeps_together() -> None:
    doc = _document(render_word(fixture.bundle(), "minutes", "id"))
    for table in doc.tables:
        rows = table._tbl.findall(f"{W}tr")
        assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
        assert all(row.find(f"{W}trPr/{W}cantSplit") is not None for row in rows)
    signatures = next(t for t in doc.tables if t.rows[0].cells[0].text == "Pimpinan rapat")
    for row in signatures.rows[:-1]:
        assert all(cell.paragraphs[0].paragraph_format.keep_with_next for cell in row.cells)
    assert signatures.rows[1].height is not None  # room to sign


def test_the_same_workshop_gives_the_same_bytes() -> None:
    first = render_word(demo_bundle(), "masterplan", "id")
    assert render_word(demo_bundle(), "masterplan", "id") == first
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {entry.date_time for entry in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert _document(first).core_properties.author == ""


@pytest.mark.parametrize("attack", [*ATTACKS, "{ PAGE }", "\u0013 DDEAUTO c:\\\\windows\\\\cmd.exe \u0014",
                                    "<w:fldSimple w:instr=\"PAGE\"/>", "=cmd|'/c calc'!A1"])
def test_typed_text_never_becomes_a_field_a_link_or_markup(attack: str) -> None:
    data = render_word(_hostile(attack), "minutes", "id")
    body = _document(data).element.body
    assert not list(body.iter(f"{W}fldSimple")) and not list(body.iter(f"{W}instrText"))
    assert not list(body.iter(f"{W}hyperlink")) and not list(body.iter(f"{W}fldChar"))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert not [n for n in package.namelist() if "vba" in n.lower() or n.endswith(".bin")]
    clean = _document(render_word(_hostile("teks biasa"), "minutes", "id"))
    assert len(_document(data).tables) == len(clean.tables)
    assert len(_document(data).paragraphs) == len(clean.paragraphs)


def test_a_template_gives_its_styles_and_letterhead(tmp_path) -> None:
    template = docx.Document()
    template.sections[0].header.paragraphs[0].text = "KOP DARI TEMPLAT"
    template.add_paragraph("isi templat yang dibuang")
    template.styles["Normal"].font.name = "Arial"
    buffer = io.BytesIO()
    template.save(buffer)
    doc = _document(render_docx("# Judul\n\nIsi.\n", "id", Letterhead(("KOP BAWAAN",)), buffer.getvalue()))
    assert doc.sections[0].header.paragraphs[0].text == "KOP DARI TEMPLAT"
    assert [p.text for p in doc.paragraphs] == ["Judul", "Isi."]
    assert doc.styles["Normal"].font.name == "Arial"


def _zip_without_a_document() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("hello.txt", "not word")
    return buffer.getvalue()


@pytest.mark.parametrize("broken", [b"", b"not a zip", b"PK\x03\x04broken", _zip_without_a_document()])
def test_a_broken_template_is_refused_as_such(broken: bytes) -> None:
    with pytest.raises(BadTemplate):
        render_docx("# x\n", "id", Letterhead(("x",)), broken)

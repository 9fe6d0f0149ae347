"""Word (.docx) documents from an export's Markdown: the minutes, the masterplan, any document.

Every document rembuk writes is Markdown first (:mod:`core.exports`); Word is a rendering of
those same tokens (:mod:`core.word.blocks`), so a document added there comes out as Word and
PDF without code of its own. The look comes from a template: python-docx's built-in one
(set to A4, Times New Roman 11 pt), or a regency's own ``.docx`` whose styles, margins and
letterhead are used as they are. Output is deterministic: the same workshop gives the same
bytes (fixed document properties and zip dates).
"""

from __future__ import annotations

import io
from datetime import datetime
from zipfile import BadZipFile

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from core.html import markdown_parser, title_of
from core.word.blocks import BodyWriter
from core.word.page import Letterhead, letterhead, set_up_page, write_letterhead, write_page_numbers
from core.word.stable_zip import stable_zip

FIXED_TIME = datetime(2000, 1, 1)
"""The creation and modification time in every document's properties (no clock is read)."""


class BadTemplate(ValueError):
    """The Word template is not a ``.docx`` python-docx can read."""


def render_docx(markdown: str, lang: str, kop: Letterhead, template: bytes | None = None) -> bytes:
    """``markdown`` as a Word document in ``lang``, with ``kop`` unless the template has one.

    Raises:
        BadTemplate: ``template`` is not a readable ``.docx``.
    """
    doc = open_template(template)
    tokens = markdown_parser().parse(markdown)
    BodyWriter(doc).write(tokens)
    for section in doc.sections:
        write_letterhead(section.header, kop)
        write_page_numbers(section.footer, lang)
    _properties(doc, title_of(tokens), lang)
    out = io.BytesIO()
    doc.save(out)
    return stable_zip(out.getvalue())


def open_template(template: bytes | None) -> Document:
    """A document with an empty body: the template's, or the built-in one set up for A4.

    Raises:
        BadTemplate: ``template`` is not a readable ``.docx``.
    """
    if template is None:
        doc = docx.Document()
        set_up_page(doc.sections[0])
        _official_styles(doc)
        return doc
    try:
        doc = docx.Document(io.BytesIO(template))
    except (BadZipFile, PackageNotFoundError, KeyError, ValueError, SyntaxError) as exc:
        raise BadTemplate(str(exc)) from exc
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return doc


def _official_styles(doc: Document) -> None:
    """Times New Roman throughout, black headings: the built-in template's blue is not a regency's."""
    for name, size in (("Normal", 11), ("Title", 16), ("Heading 1", 13), ("Heading 2", 11.5)):
        font = doc.styles[name].font
        font.name, font.size, font.color.rgb = "Times New Roman", Pt(size), RGBColor(0, 0, 0)
        font.bold = name != "Normal" or None
        fonts = doc.styles[name].element.rPr.rFonts
        for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(qn(f"w:{theme}"), None)  # a theme font would win over the name
    doc.styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _properties(doc: Document, title: str, lang: str) -> None:
    """Title and language; fixed times and no author, so exports do not differ by when or who."""
    props = doc.core_properties
    props.title, props.language = title, lang
    props.author = props.last_modified_by = ""
    props.created = props.modified = FIXED_TIME
    props.revision = 1


__all__ = ["BadTemplate", "Letterhead", "letterhead", "open_template", "render_docx"]

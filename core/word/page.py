"""The page around a Word document's body: A4, margins, the letterhead (kop) and page numbers.

The letterhead is the region's government and the organising agency, centred above a rule,
as on a regency's own letters. The footer says ``Halaman 2 dari 7`` with Word's PAGE and
NUMPAGES fields: the only fields in the document, built here from code, around catalog text.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section, _Footer, _Header
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from core.i18n import translator
from core.models import Bundle

A4 = (Mm(210), Mm(297))
MARGINS = {"top": Mm(20), "right": Mm(18), "bottom": Mm(20), "left": Mm(22)}
"""The margins of the HTML export's print stylesheet, so both print alike."""


@dataclass(frozen=True)
class Letterhead:
    """The lines of the kop: the first is the government, the rest the organiser."""

    lines: tuple[str, ...]


def letterhead(bundle: Bundle, lang: str) -> Letterhead:
    """``PEMERINTAH KABUPATEN SERANG`` and the organising agency, from the workshop header."""
    w = bundle.workshop
    government = translator(lang)("word.kop.government", region=w.region).upper()
    organiser = w.organiser.strip()
    return Letterhead((government, organiser.upper()) if organiser else (government,))


def set_up_page(section: Section) -> None:
    """A4 portrait with the usual margins (only for the built-in template)."""
    section.page_width, section.page_height = A4
    for side, size in MARGINS.items():
        setattr(section, f"{side}_margin", size)


def write_letterhead(header: _Header, kop: Letterhead) -> None:
    """The kop in ``header``, unless the template's header already says something."""
    if any(p.text.strip() for p in header.paragraphs) or header.tables:
        return
    header.is_linked_to_previous = False
    for n, line in enumerate(kop.lines):
        paragraph = header.paragraphs[0] if n == 0 else header.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(line)
        run.bold = True
        run.font.size = Pt(14 if n == 0 else 12)
    _rule_below(header.paragraphs[-1])


def write_page_numbers(footer: _Footer, lang: str) -> None:
    """``Halaman {PAGE} dari {NUMPAGES}``, centred, replacing whatever the template's footer had."""
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    for extra in footer.paragraphs[1:]:
        extra._element.getparent().remove(extra._element)
    paragraph.text = ""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    template = translator(lang)("word.page_of", page="\0PAGE\0", pages="\0NUMPAGES\0")
    for n, part in enumerate(template.split("\0")):
        if n % 2:
            _field(paragraph, part)
        elif part:
            paragraph.add_run(part)


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A simple field (``PAGE``, ``NUMPAGES``) showing ``1`` until the reader updates it."""
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


def _rule_below(paragraph: Paragraph) -> None:
    """A double line under the letterhead, as a kop surat has."""
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("val", "double"), ("sz", "6"), ("space", "4"), ("color", "000000")):
        bottom.set(qn(f"w:{name}"), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)

"""The body of a Word document from an export's Markdown tokens (markdown-it), block by block.

Each block of the Markdown becomes what Word would have made of it: headings in the
template's heading styles, paragraphs, lists with their markers written out (so a list's
numbering never continues from the last one), and tables with borders whose header row
repeats on every page and whose rows never split. The rules of the HTML export hold here
too (:mod:`core.html`): a short table (the signature block) stays on one page with the
paragraph before it, a row of empty cells is room to sign, and a wide table is set smaller.

The WordprocessingML is written as text and parsed once per block: python-docx's element
API costs about 1 ms per cell, which made the stress workshop's minutes take minutes. Text
is only ever a run's escaped character data: whatever was typed in the room reaches Word as
characters, never as a field code, a hyperlink or markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from markdown_it.token import Token

from core.html import KEEP_TOGETHER_ROWS, WIDE_COLUMNS

TEXT_WIDTH = 9638
"""The width between A4's margins (170 mm), in twentieths of a point."""

SIGNING_SPACE = 1000
"""The height of a row of empty cells, in twentieths of a point (1.8 cm): room to sign."""

WIDE_TABLE_SIZE = 14
"""The type size of a wide table (the roadmap, the risk register), in half-points (7 pt)."""

CHAR_WIDTH, CHAR_WIDTH_WIDE = 100, 65
"""About one character of a table cell (11 pt, and 7 pt in a wide table), in twentieths of a point."""

SHORT_WORD, LONG_WORD = 4, 16
"""Every column has room for a word this short; a longer word than the long one may break."""

CELL_PADDING = 216
"""Word's default left and right cell margins together, in twentieths of a point."""

LIST_INDENT = 340
"""How far each level of a list is indented, in twentieths of a point (6 mm)."""

_NS = nsdecls("w")


@dataclass
class Cell:
    """One table cell: its inline token, and whether it is in the header row."""

    inline: Token
    header: bool


@dataclass
class _Lists:
    """The lists the walk is inside: for each, its next number (``None`` for bullets)."""

    numbers: list[int | None] = field(default_factory=list)

    def marker(self) -> str:
        """The marker of the next item of the innermost list: ``•`` or ``3.``."""
        number = self.numbers[-1]
        if number is None:
            return "•"
        self.numbers[-1] = number + 1
        return f"{number}."


class BodyWriter:
    """Appends the blocks of an export's tokens to a document, in the template's styles."""

    def __init__(self, doc: Document) -> None:
        self.body = doc.element.body
        self.style_ids = {style.name: style.style_id for style in doc.styles}
        self.lists = _Lists()
        self.marker = ""

    def write(self, tokens: list[Token]) -> None:
        """Append the blocks of ``tokens`` to the document's body."""
        n = 0
        while n < len(tokens):
            n = self._block(tokens, n) + 1

    def _block(self, tokens: list[Token], n: int) -> int:
        """Handle the token at ``n``; return the index of the last token it used."""
        token = tokens[n]
        if token.type == "heading_open":
            self._heading(tokens[n + 1], int(token.tag[1]))
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            ordered = token.type == "ordered_list_open"
            self.lists.numbers.append(int(token.attrGet("start") or 1) if ordered else None)
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            self.lists.numbers.pop()
        elif token.type == "list_item_open":
            self.marker = self.lists.marker()
        elif token.type == "paragraph_open":
            self._paragraph(tokens[n + 1], len(self.lists.numbers))
        elif token.type == "table_open":
            return self._table(tokens, n)
        return n

    def _append(self, xml: str) -> None:
        """Parse one block's XML and put it at the end of the body (before its section)."""
        element = parse_xml(xml)
        sect = self.body.sectPr
        if sect is None:
            self.body.append(element)
        else:
            sect.addprevious(element)

    def _style(self, name: str) -> str:
        """A ``w:pStyle`` for ``name`` if the template defines it (else Normal: nothing)."""
        style_id = self.style_ids.get(name)
        return f'<w:pStyle w:val="{escape(style_id, {chr(34): "&quot;"})}"/>' if style_id else ""

    def _heading(self, inline: Token, level: int) -> None:
        style = self._style("Title" if level == 1 else f"Heading {level - 1}")
        self._append(paragraph(style + "<w:keepNext/>", runs(inline)))

    def _paragraph(self, inline: Token, depth: int) -> None:
        """A paragraph; in a list, indented by its depth with the item's marker hanging."""
        properties, marker = "", ""
        if depth:
            hanging = f' w:hanging="{LIST_INDENT}"' if self.marker else ""
            properties = f'<w:spacing w:after="40"/><w:ind w:left="{LIST_INDENT * depth}"{hanging}/>'
            marker = f"{_run(self.marker)}<w:r><w:tab/></w:r>" if self.marker else ""
        self.marker = ""
        self._append(paragraph(properties, marker + runs(inline)))

    def _table(self, tokens: list[Token], start: int) -> int:
        """Write the table opening at ``start``; return the index of its ``table_close``."""
        rows, end = table_rows(tokens, start)
        keep = len(rows) - 1 <= KEEP_TOGETHER_ROWS
        if keep:
            self._keep_last_paragraph_with_next()
        widths = column_widths(rows)
        style_id = self.style_ids.get("Table Grid")
        style = f'<w:tblStyle w:val="{style_id}"/>' if style_id else ""
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
        body = "".join(table_row(cells, widths, keep and n < len(rows) - 1)
                       for n, cells in enumerate(rows))
        self._append(f'<w:tbl {_NS}><w:tblPr>{style}<w:tblW w:w="5000" w:type="pct"/>{BORDERS}'
                     f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>")
        self._append(paragraph('<w:spacing w:after="0"/>', ""))
        return end

    def _keep_last_paragraph_with_next(self) -> None:
        """The paragraph just before a short table (the place and date) stays with it."""
        blocks = [child for child in self.body if child.tag.endswith("}p")]
        if blocks and blocks[-1].getnext() is self.body.sectPr:
            blocks[-1].get_or_add_pPr().keepNext_val = True


BORDERS = "<w:tblBorders>" + "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
) + "</w:tblBorders>"
"""Every table has thin black borders, whichever template styles it."""


def paragraph(properties: str, content: str, namespace: str = _NS) -> str:
    """A ``w:p`` with ``properties`` (``w:pPr`` children, in schema order) and ``content``.

    A paragraph inside a table leaves out the namespace declaration the table has made.
    """
    return f"<w:p {namespace}><w:pPr>{properties}</w:pPr>{content}</w:p>"


def _run(text: str, properties: str = "") -> str:
    """A run showing ``text`` literally (escaped character data, spaces kept)."""
    return f'<w:r><w:rPr>{properties}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def runs(inline: Token, bold: bool = False, size: int | None = None) -> str:
    """The inline content of ``inline`` as runs: text, bold, italic and line breaks."""
    out: list[str] = []
    strong = italic = False
    sized = f'<w:sz w:val="{size}"/>' if size else ""
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            marks = ("<w:b/>" if strong or bold else "") + ("<w:i/>" if italic else "")
            out.append(_run(child.content, marks + sized))
        elif child.type in ("strong_open", "strong_close"):
            strong = child.type == "strong_open"
        elif child.type in ("em_open", "em_close"):
            italic = child.type == "em_open"
        elif child.type == "softbreak":
            out.append(_run(" ", sized))
        elif child.type == "hardbreak":
            out.append("<w:r><w:br/></w:r>")
    return "".join(out)


def table_rows(tokens: list[Token], start: int) -> tuple[list[list[Cell]], int]:
    """The rows of the table opening at ``start``, and the index of its ``table_close``."""
    rows: list[list[Cell]] = []
    n = start
    while tokens[n].type != "table_close":
        token = tokens[n]
        if token.type == "tr_open":
            rows.append([])
        elif token.type in ("th_open", "td_open"):
            rows[-1].append(Cell(tokens[n + 1], token.type == "th_open"))
        n += 1
    return rows, n


def column_widths(rows: list[list[Cell]]) -> list[int]:
    """Each column's width: room for its longest word first (a name or ``No.`` never breaks
    mid-word), then the rest of the line shared by how much text the column holds. When the
    longest words do not fit side by side, each column keeps room for a short word and the
    rest is shared by the length of its longest word."""
    char = CHAR_WIDTH_WIDE if len(rows[0]) >= WIDE_COLUMNS else CHAR_WIDTH
    columns = [[cell.inline.content for cell in column] for column in zip(*rows, strict=True)]
    longest = [min(max((len(w) for text in texts for w in text.split()), default=1), LONG_WORD) for texts in columns]
    floors = [(length + 1) * char + CELL_PADDING for length in longest]
    if sum(floors) > TEXT_WIDTH:
        base = min(SHORT_WORD * char + CELL_PADDING, TEXT_WIDTH // len(floors))
        extra = [floor - base for floor in floors]
        spare = TEXT_WIDTH - base * len(floors)
        return [base + spare * e // max(sum(extra), 1) for e in extra]
    weights = [min(max(len(text) for text in texts), 60) + 1 for texts in columns]
    spare = TEXT_WIDTH - sum(floors)
    return [floor + spare * weight // sum(weights) for floor, weight in zip(floors, weights, strict=True)]


def table_row(cells: list[Cell], widths: list[int], keep_with_next: bool) -> str:
    """One ``w:tr``: never split; the header row repeats; a blank row is room to sign."""
    header = cells[0].header
    properties = "<w:cantSplit/>"
    if all(not cell.inline.content for cell in cells):
        properties += f'<w:trHeight w:val="{SIGNING_SPACE}" w:hRule="atLeast"/>'
    if header:
        properties += "<w:tblHeader/>"
    spacing = ("<w:keepNext/>" if keep_with_next else "") + '<w:spacing w:after="0"/>'
    size = WIDE_TABLE_SIZE if len(cells) >= WIDE_COLUMNS else None
    cell_xml = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
        + paragraph(spacing, runs(cell.inline, header, size), namespace="") + "</w:tc>"
        for cell, width in zip(cells, widths, strict=True)
    )
    return f"<w:tr><w:trPr>{properties}</w:trPr>{cell_xml}</w:tr>"

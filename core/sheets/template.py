"""A blank submission sheet an agency fills in: ``rembuk template innovations|actions|risks``.

Row 1 says in one line how to fill it in, row 2 names the columns (required ones marked
``*``), and from row 3 the agency types. Columns with fixed choices (dimensions, elements,
agencies, status, horizon, funding sources, likelihood and impact, …) get a drop-down list,
kept on a second sheet so lists of any length work. Everything is in the workshop's
language; the import reads either language back.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from core.i18n import translator
from core.models import Bundle
from core.sheets.columns import KINDS, SheetKind
from core.sheets.values import vocabulary
from core.sheets.workbook import first_sheet, safe_title, save

FIRST_ROW = 3
"""Where the agency starts typing (under the instruction and the header)."""

LAST_ROW = 1000
"""How far down the drop-down lists reach."""


def template_workbook(kind_name: str, bundle: Bundle, lang: str) -> bytes:
    """The blank ``kind_name`` sheet (``innovations``, ``actions``, ``risks``) for this workshop."""
    kind = KINDS[kind_name]
    tr = translator(lang)
    book = Workbook()
    sheet = first_sheet(book)
    sheet.title = safe_title(tr(kind.title))
    lists: Worksheet = book.create_sheet(safe_title(tr("sheets.template.lists")))
    sheet.append([tr(f"sheets.template.instruction.{kind.name}")])
    sheet["A1"].font = Font(italic=True)
    sheet.append([tr(c.label) + (" *" if c.required else "") for c in kind.columns])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = f"A{FIRST_ROW}"
    _drop_downs(sheet, lists, kind, bundle, lang)
    for n, column in enumerate(kind.columns, start=1):
        sheet.column_dimensions[get_column_letter(n)].width = max(12, min(40, len(tr(column.label)) + 4))
    lists.sheet_state = "hidden"
    return save(book)


def _drop_downs(sheet: Worksheet, lists: Worksheet, kind: SheetKind, bundle: Bundle, lang: str) -> None:
    """A list validation on each column with fixed choices, its values on the hidden sheet."""
    choices = vocabulary(bundle, lang)
    used: dict[str, str] = {}
    for n, column in enumerate(kind.columns, start=1):
        if not column.choices:
            continue
        if column.choices not in used:
            used[column.choices] = _write_list(lists, len(used) + 1, choices[column.choices].shown)
        validation = DataValidation(type="list", formula1=used[column.choices], allow_blank=True,
                                    showErrorMessage=choices[column.choices].strict)
        letter = get_column_letter(n)
        validation.add(f"{letter}{FIRST_ROW}:{letter}{LAST_ROW}")
        sheet.add_data_validation(validation)


def _write_list(lists: Worksheet, column: int, values: list[str]) -> str:
    """Write ``values`` down one column of the lists sheet; return the range that holds them."""
    letter = get_column_letter(column)
    for row, value in enumerate(values, start=1):
        lists[f"{letter}{row}"] = value
    return f"{quote_sheetname(lists.title)}!${letter}$1:${letter}${max(len(values), 1)}"

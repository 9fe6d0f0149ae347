"""Reading a spreadsheet file an agency sent: ``.xlsx``, ``.xls``, ``.ods`` or ``.csv``, as rows.

The binary formats are read by calamine (python-calamine: one fast reader for all three);
CSV by Python's own csv module, in UTF-8 (with or without a byte-order mark) or, failing
that, Windows-1252, with a comma or a semicolon (Excel's separator where the comma is the
decimal mark, as in Indonesia). What is not a spreadsheet, is password-protected, empty or
too large gets one line saying so (:class:`NotASheet` and its kin), never a traceback.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, time, timedelta
from pathlib import Path

from data.errors import StoreError

MAX_BYTES = 20 * 1024 * 1024
"""Larger than any register an agency fills by hand; a 50 MB file is refused before reading."""

CellValue = str | int | float | bool | date | datetime | time | timedelta
"""A cell as calamine reads it (a CSV cell is always text)."""

Rows = list[list[CellValue]]

_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0"


class SheetNotFound(StoreError):
    """There is no file at the path given."""

    key = "sheets.file.not_found"


class NotASheet(StoreError):
    """The file is not a spreadsheet rembuk reads."""

    key = "sheets.file.not_a_sheet"


class Encrypted(StoreError):
    """The workbook is protected with a password."""

    key = "sheets.file.encrypted"


class EmptySheet(StoreError):
    """The file holds no rows at all."""

    key = "sheets.file.empty"


class TooLarge(StoreError):
    """The file is larger than :data:`MAX_BYTES`."""

    key = "sheets.file.too_large"


class NoHeader(StoreError):
    """No sheet has a row naming the columns of innovations, action plans or risks."""

    key = "sheets.file.no_header"


def read_workbook(path: Path) -> dict[str, Rows]:
    """Every sheet of the file at ``path`` by name, as rows of cell values."""
    if not path.exists():
        raise SheetNotFound(path)
    if path.stat().st_size > MAX_BYTES:
        raise TooLarge(path, detail=str(MAX_BYTES // (1024 * 1024)))
    head = path.read_bytes()[:8]
    if path.suffix.lower() == ".csv" or not head.startswith((_ZIP, _OLE)):
        sheets = {path.stem: _read_csv(path)}
    else:
        sheets = _read_binary(path, head)
    if not any(any(str(cell).strip() for cell in row) for rows in sheets.values() for row in rows):
        raise EmptySheet(path)
    return sheets


def _read_binary(path: Path, head: bytes) -> dict[str, Rows]:
    """An ``.xlsx``, ``.xls`` or ``.ods`` through calamine."""
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError

    try:
        book = CalamineWorkbook.from_path(str(path))
        return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}
    except PasswordError as exc:
        raise Encrypted(path) from exc
    except (CalamineError, ValueError) as exc:
        if head.startswith(_OLE) and path.suffix.lower() in (".xlsx", ".xlsm", ".ods"):
            raise Encrypted(path) from exc  # Excel encrypts an .xlsx into an OLE container
        raise NotASheet(path, detail=str(exc).splitlines()[0][:120] if str(exc) else "") from exc


def _read_csv(path: Path) -> Rows:
    """A CSV file's rows; text that is not a table (a binary file) is refused."""
    data = path.read_bytes()
    if b"\0" in data[:4096]:
        raise NotASheet(path, detail="binary")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]

"""Spreadsheets in and out: the registers as one workbook, templates agencies fill, and reading
their submissions back. Pure: workbooks are built and read as bytes and rows; files and the
store are :mod:`data.sheets`' business."""

REGISTER_NAMES = ("innovations", "actions", "risks", "follow-ups", "data-requests")
"""The registers a workbook can hold, in order (:data:`core.sheets.registers.REGISTERS`): named
here so that the CLI can list them without loading openpyxl."""

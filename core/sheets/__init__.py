"""Spreadsheets in and out: the registers as one workbook, templates agencies fill, and reading
their submissions back. Pure: workbooks are built and read as bytes and rows; files and the
store are :mod:`data.sheets`' business."""

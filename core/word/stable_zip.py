"""Zip packages (.docx, .xlsx) that are the same bytes for the same content.

python-docx and openpyxl stamp every zip entry with the time of writing, so two exports of
the same workshop would differ. Rewriting the package with one fixed date per entry, in the
order the library wrote them, makes exports diff cleanly (as the Markdown and HTML do).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping

FIXED_DATE = (1980, 1, 1, 0, 0, 0)
"""The earliest date a zip entry can carry: it says "no date" to anyone who looks."""


def stable_zip(package: bytes, overrides: Mapping[str, bytes] | None = None) -> bytes:
    """``package`` with every entry's date fixed and its permissions those of a plain file.

    ``overrides`` replaces entries by name (a properties part a library stamped with the time).
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, FIXED_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, (overrides or {}).get(entry.filename) or source.read(entry))
    return out.getvalue()

"""Labels for values a user reads: enum values and dates, in a catalog's language.

Enum labels live in the catalogs under ``enum.<class name>.<value>`` (``enums.json``); day and
month names under ``date.*`` (``dates.json``). Both take a translator (:func:`core.i18n.translator`)
so that callers choose the language explicitly.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from core.i18n import Translator


def enum_key(value: StrEnum) -> str:
    """The catalog key of an enum value, e.g. ``enum.ReviewOutcome.improve``."""
    return f"enum.{type(value).__name__}.{value.value}"


def enum_label(t: Translator, value: StrEnum) -> str:
    """The label of an enum value, e.g. ``Ditingkatkan`` for ``ReviewOutcome.IMPROVE`` in id."""
    return t(enum_key(value))


def short_date(t: Translator, day: date) -> str:
    """A date without its weekday: ``2 Juli 2024`` (id), ``2 July 2024`` (en)."""
    return t("date.short", day=day.day, month=t(f"date.month.{day.month}"), year=day.year)


def long_date(t: Translator, day: date) -> str:
    """A date with its weekday: ``Selasa, 2 Juli 2024`` (id), ``Tuesday, 2 July 2024`` (en)."""
    weekday = t(f"date.weekday.{day.isoweekday()}")
    return t("date.long", weekday=weekday, date=short_date(t, day))

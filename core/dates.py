"""Dates as the room reads them: ``Selasa, 2 Juli 2024`` or ``Tuesday, 2 July 2024``."""

from __future__ import annotations

from datetime import date

_DAYS = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}


def long_date(day: date, lang: str) -> str:
    """The day name and the date, e.g. ``Selasa, 2 Juli 2024``."""
    return f"{_DAYS[lang][day.weekday()]}, {short_date(day, lang)}"


def short_date(day: date, lang: str) -> str:
    """The date without the day name, e.g. ``2 Juli 2024``."""
    return f"{day.day} {_MONTHS[lang][day.month - 1]} {day.year}"

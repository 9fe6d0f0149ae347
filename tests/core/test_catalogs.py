"""The translation catalogs: both languages say the same things, with the same placeholders."""

from __future__ import annotations

import inspect
import string
from datetime import date, timedelta
from enum import StrEnum

import pytest

from core.i18n import LANGUAGES, catalog, translator
from core.labels import enum_key, enum_label, long_date
from core.models import enums

ENUMS = [
    cls
    for _, cls in inspect.getmembers(enums, inspect.isclass)
    if issubclass(cls, StrEnum) and cls is not StrEnum
]
"""Every vocabulary of core/models/enums.py."""


def _placeholders(template: str) -> set[str]:
    """The ``{names}`` a template fills."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_both_languages_have_the_same_keys() -> None:
    id_keys, en_keys = set(catalog("id")), set(catalog("en"))
    assert id_keys - en_keys == set(), "only in id"
    assert en_keys - id_keys == set(), "only in en"


def test_both_languages_fill_the_same_placeholders() -> None:
    """A placeholder missing from one language would silently drop a value there."""
    id_catalog, en_catalog = catalog("id"), catalog("en")
    differing = {
        key: (_placeholders(id_catalog[key]), _placeholders(en_catalog[key]))
        for key in id_catalog.keys() & en_catalog.keys()
        if _placeholders(id_catalog[key]) != _placeholders(en_catalog[key])
    }
    assert differing == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_text_is_empty(lang: str) -> None:
    assert [key for key, text in catalog(lang).items() if not text.strip()] == []


def test_the_enums_are_all_found() -> None:
    """The scan below sees every vocabulary of core/models/enums.py."""
    assert {cls.__name__ for cls in ENUMS} >= {"Stage", "NoteKind", "Role", "QuickWin", "TargetType"}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("enum", ENUMS, ids=lambda cls: cls.__name__)
def test_every_enum_value_has_a_label(lang: str, enum: type[StrEnum]) -> None:
    """``enum.<Class>.<value>`` exists for every value, in both languages."""
    missing = [enum_key(value) for value in enum if enum_key(value) not in catalog(lang)]
    assert missing == []


def test_enum_labels_read_as_labels() -> None:
    t = translator("id")
    assert enum_key(enums.ReviewOutcome.IMPROVE) == "enum.ReviewOutcome.improve"
    assert enum_label(t, enums.Role.MINUTE_TAKER) == "Notulis"
    assert enum_label(translator("en"), enums.Stage.II) == "Bimtek II"


@pytest.mark.parametrize(
    ("lang", "expected"), [("id", "Selasa, 2 Juli 2024"), ("en", "Tuesday, 2 July 2024")]
)
def test_long_dates(lang: str, expected: str) -> None:
    assert long_date(translator(lang), date(2024, 7, 2)) == expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_day_and_month_has_a_name(lang: str) -> None:
    """A week of days and a day in each month: no raw ``date.`` key shows."""
    t = translator(lang)
    days = [date(2024, 1, 1) + timedelta(days=n) for n in range(7)]
    days += [date(2024, month, 1) for month in range(1, 13)]
    assert [d for d in days if "date." in long_date(t, d)] == []

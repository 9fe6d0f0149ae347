"""Translation catalogs: every string a user reads comes through here.

Catalogs are JSON files under ``core/locales/<lang>/``, one file per area of the app
(``common.json``, ``overview.json``, ...), so that features can add their strings without
touching each other's files. All files of a language are merged into one flat mapping of
dotted keys to ``str.format`` templates; a key defined twice is an error.
"""

from __future__ import annotations

import json
import locale
import os
from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources

LANGUAGES = ("id", "en")
"""The languages rembuk speaks: Indonesian and English."""

DEFAULT_LANGUAGE = "en"

Translator = Callable[..., str]


class CatalogError(RuntimeError):
    """A catalog file is malformed or defines a key twice."""


@cache
def catalog(lang: str) -> Mapping[str, str]:
    """Return the merged catalog for ``lang`` (loaded once per process)."""
    if lang not in LANGUAGES:
        raise CatalogError(f"unknown language {lang!r}")
    merged: dict[str, str] = {}
    folder = resources.files("core") / "locales" / lang
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        for key, text in json.loads(entry.read_text(encoding="utf-8")).items():
            if key in merged:
                raise CatalogError(f"{lang}/{entry.name}: key {key!r} defined twice")
            merged[key] = text
    return merged


def translator(lang: str) -> Translator:
    """Return a function that translates keys into ``lang``, filling ``{placeholders}``.

    A missing key is shown as the key itself, so a gap is visible, never a crash; the
    catalog tests make sure none ships.
    """
    strings = catalog(lang)

    def translate(key: str, /, **values: object) -> str:
        template = strings.get(key, key)
        return template.format(**values) if values else template

    return translate


_current: list[str] = [DEFAULT_LANGUAGE]


def set_language(lang: str) -> None:
    """Make ``lang`` the language of :func:`_` for this process."""
    if lang not in LANGUAGES:
        raise CatalogError(f"unknown language {lang!r}")
    _current[0] = lang


def current_language() -> str:
    """The language :func:`_` translates into."""
    return _current[0]


def _(key: str, /, **values: object) -> str:
    """Translate ``key`` into the current language."""
    return translator(_current[0])(key, **values)


def resolve_language(option: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """Choose the UI language: the ``--lang`` option, then ``REMBUK_LANG``, then the locale.

    English is the default when none of them names a language rembuk speaks.
    """
    environ = os.environ if environ is None else environ
    for candidate in (option, environ.get("REMBUK_LANG")):
        if candidate and candidate.lower()[:2] in LANGUAGES:
            return candidate.lower()[:2]
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "id" if value.lower().startswith(("id", "in_")) else DEFAULT_LANGUAGE
    found = locale.getlocale()[0] or ""
    return "id" if found.lower().startswith(("id", "in_")) else DEFAULT_LANGUAGE

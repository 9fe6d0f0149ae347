"""Translations: language choice, and no string a user reads without both catalogs."""

import re
from pathlib import Path

from core.i18n import catalog, resolve_language, translator

ROOT = Path(__file__).resolve().parents[2]
LITERAL_KEY = re.compile(r"""\b_\(\s*["']([a-z_]+\.[a-zA-Z0-9_.]+)["']""")
BINDING_KEY = re.compile(r"""["'](keys\.[a-z_]+)["']""")


def test_language_comes_from_option_then_env_then_locale():
    assert resolve_language("id", {"REMBUK_LANG": "en", "LANG": "en_US.UTF-8"}) == "id"
    assert resolve_language(None, {"REMBUK_LANG": "id", "LANG": "en_US.UTF-8"}) == "id"
    assert resolve_language(None, {"LANG": "id_ID.UTF-8"}) == "id"
    assert resolve_language(None, {"LANG": "fr_FR.UTF-8"}) == "en"
    assert resolve_language(None, {"REMBUK_LANG": "de", "LC_ALL": "C"}) == "en"


def test_every_key_used_in_the_code_exists_in_both_languages():
    used = set()
    for folder in ("core", "data", "tui", "screens"):
        for source in (ROOT / folder).rglob("*.py"):
            text = source.read_text(encoding="utf-8")
            used |= set(LITERAL_KEY.findall(text)) | set(BINDING_KEY.findall(text))
    assert used, "the scan found no keys: the pattern is broken"
    for lang in ("id", "en"):
        missing = sorted(used - catalog(lang).keys())
        assert not missing, f"{lang} catalog lacks {missing}"


def test_both_catalogs_have_the_same_keys_and_placeholders():
    english, indonesian = catalog("en"), catalog("id")
    assert english.keys() == indonesian.keys()
    field = re.compile(r"\{(\w+)\}")
    for key in english:
        assert set(field.findall(english[key])) == set(field.findall(indonesian[key])), key


def test_a_missing_key_shows_itself_rather_than_crashing():
    assert translator("en")("no.such.key") == "no.such.key"

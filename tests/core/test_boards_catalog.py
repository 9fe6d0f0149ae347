"""The boards' catalog: both languages say the same things, and every key the code names exists."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from core.i18n import catalog

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [*ROOT.glob("screens/*.py"), ROOT / "tui/widgets/innovation_card.py"]
LITERAL_KEY = re.compile(r'_\(\s*"([a-z_]+\.[a-z_.]+)"|"(keys\.[a-z_.]+)"')
"""A key passed to ``_()``, or a binding's description."""


def boards_catalog(lang: str) -> dict[str, str]:
    return json.loads((ROOT / "core/locales" / lang / "boards.json").read_text(encoding="utf-8"))


def test_english_and_indonesian_have_the_same_keys():
    assert boards_catalog("en").keys() == boards_catalog("id").keys()


def test_placeholders_match_between_languages():
    english, indonesian = boards_catalog("en"), boards_catalog("id")
    for key, text in english.items():
        assert set(re.findall(r"{\w+}", text)) == set(re.findall(r"{\w+}", indonesian[key])), key


@pytest.mark.parametrize("lang", ["en", "id"])
def test_every_literal_key_in_the_board_screens_is_in_the_catalog(lang):
    used = {key for path in SOURCES for pair in LITERAL_KEY.findall(path.read_text(encoding="utf-8"))
            for key in pair if key}
    assert used, "the pattern found no keys: the test would prove nothing"
    assert sorted(used - catalog(lang).keys()) == []

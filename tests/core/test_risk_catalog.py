"""The risk catalogs: both languages have the same keys, and every key the risk code uses exists."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from core.i18n import catalog
from core.risk_export import COLUMNS
from data.reference import RISK_SCALES

ROOT = Path(__file__).parents[2]
SOURCES = ["core/heatmap.py", "core/register.py", "core/risk_export.py", "screens/support/risk_base.py",
           "screens/forms/risk_form.py", "screens/risk_heatmap.py", "screens/risk_register.py",
           "tui/widgets/risk_heatmap.py", "tui/cli/risks.py", "screens/overview.py"]
COUNTED = ("risk.count", "risk.cell.count", "risk.moved_down")
"""Prefixes passed to ``counted``: the catalog holds ``<prefix>.one`` and ``<prefix>.other``."""
LITERAL_KEY = re.compile(r"""["']((?:risk|keys|notify|validation|enum\.RiskType)\.[a-z_.]+[a-z_])["']""")


def risk_catalog(lang: str) -> dict[str, str]:
    return json.loads((ROOT / "core" / "locales" / lang / "risk.json").read_text(encoding="utf-8"))


def used_keys() -> set[str]:
    keys = {k for src in SOURCES for k in LITERAL_KEY.findall((ROOT / src).read_text(encoding="utf-8"))}
    keys |= {f"risk.col.{name}" for name in COLUMNS}
    keys = (keys - set(COUNTED)) | {f"{k}.{n}" for k in COUNTED for n in ("one", "other")}
    keys |= {f"risk.notify.scale_{variant}" for variant in RISK_SCALES}
    keys |= {"enum.RiskType.negative", "enum.RiskType.positive"}
    return keys


def test_both_languages_have_the_same_risk_keys():
    assert risk_catalog("en").keys() == risk_catalog("id").keys()


@pytest.mark.parametrize("lang", ["en", "id"])
def test_every_key_used_exists(lang):
    missing = sorted(k for k in used_keys() if k not in catalog(lang))
    assert missing == []


def test_placeholders_match_between_languages():
    en, id_ = risk_catalog("en"), risk_catalog("id")
    fields = re.compile(r"{(\w+)}")
    assert {k: set(fields.findall(v)) for k, v in en.items()} == {k: set(fields.findall(v)) for k, v in id_.items()}

"""The reference data files shipped in ``data/reference/``, read into core models.

A regency can correct a fact (an element's label, a band) by editing these files; every new
workshop copies them, so a workshop keeps the reference it was run with. ``priorities.json``
is the exception: it only suggests what a step's free-text priority might say, so it is read
as shipped and not copied.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from core.models import Agency, ReferenceData, RiskScale

RISK_SCALES = {"official": "risk_scale.json", "variant": "risk_scale_variant.json"}
"""The risk-scale variants shipped, by name: the official bands and the 11–14/15–19/20–25 set."""


def _read(name: str) -> dict[str, Any]:
    text = (resources.files("data") / "reference" / name).read_text(encoding="utf-8")
    content: dict[str, Any] = json.loads(text)
    content.pop("_comment", None)
    return content


def risk_scale(variant: str = "official") -> RiskScale:
    """One of the shipped risk scales."""
    return RiskScale.model_validate(_read(RISK_SCALES[variant]))


@cache
def reference_data(variant: str = "official") -> ReferenceData:
    """All reference data, with the named risk-scale variant."""
    return ReferenceData.model_validate(
        {
            **_read("dimensions.json"),
            **_read("lists.json"),
            **_read("quick_win_criteria.json"),
            "risk_scale": _read(RISK_SCALES[variant]),
        }
    )


def default_agencies() -> list[Agency]:
    """The usual agencies of a kabupaten, for a new workshop."""
    return [Agency.model_validate(row) for row in _read("agencies.json")["agencies"]]


def step_priorities() -> list[str]:
    """The priorities a step's form suggests (the field itself is free text)."""
    return list(_read("priorities.json")["priorities"])

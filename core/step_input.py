"""Reading an action step from what was typed in its form, with one reason per refused field.

A form hands over its fields as text (``start_year``, ``budget_2026``, ``supporting``…);
:func:`read_step` turns them into an :class:`~core.models.ActionStep` or says, field by field,
why not: a year outside the workshop's horizon, an end before the start, an amount that is
negative or not a number, an agency nobody knows. The form keeps everything typed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from pydantic import ValidationError

from core.i18n import _, current_language, translator
from core.models import ActionStep, StepStatus
from core.rupiah import RupiahError, parse
from core.validation import MODEL_FIELD, field_errors

TEXT_FIELDS = ("activity", "output", "indicator", "target", "location", "funding_source", "priority",
               "programme")
"""Fields taken as typed (the model cleans and checks them)."""

Errors = dict[str, str]


def budget_field(year: int) -> str:
    """The form field of one year's budget, e.g. ``budget_2026``."""
    return f"budget_{year}"


def read_step(values: Mapping[str, object], base: ActionStep, horizon: range,
              agencies: Mapping[str, int]) -> tuple[ActionStep | None, Errors]:
    """The step the form describes, or None and the reason for each refused field.

    Args:
        values: the form's fields; text, except ``lead_agency_id`` (an id or None) and ``status``.
        base: the step being edited (or a new one): its id, version, innovation and position stay.
        horizon: the workshop's years; every year must lie inside it.
        agencies: agency ids by abbreviation, to read the supporting agencies typed.
    """
    errors: Errors = {}
    start, end = (_year(values, name, horizon, errors) for name in ("start_year", "end_year"))
    end = start if end is None and "end_year" not in errors else end
    quarters = {name: _quarter(values, name, errors) for name in ("start_quarter", "end_quarter")}
    budget = _budget(values, horizon, errors)
    supporting = _agencies(str(values.get("supporting", "")), agencies, errors)
    if start is not None and end is not None:
        _check_span(start, end, budget, errors)
    if errors:
        return None, errors
    update: dict[str, object] = {name: str(values.get(name, "")) for name in TEXT_FIELDS}
    update |= quarters | {"start_year": start, "end_year": end, "budget": budget,
                          "supporting_agency_ids": supporting, "lead_agency_id": values.get("lead_agency_id"),
                          "status": values.get("status") or StepStatus.PLANNED}
    try:
        return ActionStep.model_validate(base.model_dump() | update), {}
    except ValidationError as exc:
        found = field_errors(exc, translator(current_language()))
        return None, {("activity" if k == MODEL_FIELD else k): v for k, v in found.items()}


def _year(values: Mapping[str, object], name: str, horizon: range, errors: Errors) -> int | None:
    text = str(values.get(name, "")).strip()
    if not text:
        if name == "start_year":
            errors[name] = _("validation.missing")
        return None
    if not text.isdigit():
        errors[name] = _("validation.int_parsing")
        return None
    if int(text) not in horizon:
        errors[name] = _("validation.year_out_of_horizon", start=horizon.start, end=horizon.stop - 1)
        return None
    return int(text)


def _quarter(values: Mapping[str, object], name: str, errors: Errors) -> int | None:
    text = str(values.get(name, "")).strip().upper().removeprefix("Q")
    if not text:
        return None
    if text not in {"1", "2", "3", "4"}:
        errors[name] = _("actions.error.quarter")
        return None
    return int(text)


def _budget(values: Mapping[str, object], horizon: range, errors: Errors) -> dict[int, int]:
    budget: dict[int, int] = {}
    for year in horizon:
        text = str(values.get(budget_field(year), "")).strip()
        if not text:
            continue
        try:
            amount = parse(text)
        except RupiahError as exc:
            errors[budget_field(year)] = str(exc)
            continue
        if amount:
            budget[year] = amount
    return budget


def _agencies(text: str, agencies: Mapping[str, int], errors: Errors) -> list[int]:
    names = [name for name in re.split(r"[,;]\s*|\s+", text.strip()) if name]
    by_key = {abbreviation.casefold(): agency_id for abbreviation, agency_id in agencies.items()}
    unknown = [name for name in names if name.casefold() not in by_key]
    if unknown:
        errors["supporting"] = _("actions.error.unknown_agency", names=", ".join(unknown))
    return list(dict.fromkeys(by_key[n.casefold()] for n in names if n.casefold() in by_key))


def _check_span(start: int, end: int, budget: dict[int, int], errors: Errors) -> None:
    if end < start:
        errors["end_year"] = _("validation.end_before_start")
        return
    for year in budget:
        if not start <= year <= end:
            errors[budget_field(year)] = _("validation.budget_outside_years")

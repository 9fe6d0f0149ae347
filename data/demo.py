"""The demo workshop: Kabupaten Serang's Bimtek II (2–3 July 2024), from ``data/demo/``.

The demo file is written for people, not for the store: agencies are named by abbreviation,
innovations by a short key, steps and risks sit inside their innovation, and a note names its
target as ``innovation:<key>``, ``step:<key>/<n>``, ``risk:<code>``, ``dimension:<code>`` or
``workshop``. Keys starting with ``_`` are comments. :func:`build_bundle` turns that into a
validated :class:`~core.models.Bundle`, numbering every row in file order, so the same file
always gives the same ids and the same bytes.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from core.models import (
    ActionStep,
    Attendance,
    Bundle,
    Innovation,
    Label,
    Note,
    Participant,
    QuickWinScore,
    ReferenceData,
    Risk,
    TargetType,
    Workshop,
)
from data.bundle import new_bundle
from data.store import WorkshopStore
from data.workshops import create_workshop

DEMO_FILE = "serang-bimtek-2.json"
"""The demo workshop's authoring file, in ``data/demo/``."""

Row = dict[str, Any]


class DemoError(ValueError):
    """The demo file names something that does not exist (an agency, a key, a label)."""


def demo_source() -> Row:
    """The demo file as authored, comments removed."""
    text = (resources.files("data") / "demo" / DEMO_FILE).read_text(encoding="utf-8")
    source: Row = _without_comments(json.loads(text))
    return source


def demo_bundle() -> Bundle:
    """The demo workshop as a validated bundle."""
    return build_bundle(demo_source())


def create_demo(path: Path, shared: bool = False) -> WorkshopStore:
    """Create the demo workshop file at ``path`` (refuses to overwrite) and open it."""
    return create_workshop(path, demo_bundle(), shared=shared)


def build_bundle(source: Row) -> Bundle:
    """Turn a demo file's content (as :func:`demo_source` returns it) into a bundle.

    Raises:
        DemoError: a name, key or label in ``source`` does not resolve.
        pydantic.ValidationError: a value does not fit its model.
    """
    base = new_bundle(Workshop.model_validate(source["workshop"]))
    keys = _Keys.of(base, source["innovations"])
    participants = [_participant(row, n, keys) for n, row in enumerate(source["participants"], 1)]
    parts = _innovation_parts(source["innovations"], keys)
    # Notes come last: they point at steps and risks by the keys that numbering them recorded.
    notes = [_note(row, n, keys) for n, row in enumerate(source["notes"], 1)]
    return Bundle(
        workshop=base.workshop,
        reference=base.reference,
        quick_win_weights=source.get("quick_win_weights", {}),
        agencies=base.agencies,
        participants=participants,
        attendance=_attendance(source["participants"], participants, base.workshop.dates),
        notes=notes,
        **parts,
    )


def _without_comments(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_comments(v) for k, v in value.items() if not k.startswith("_")}
    if isinstance(value, list):
        return [_without_comments(v) for v in value]
    return value


def _pick(row: Row, names: tuple[str, ...]) -> Row:
    """The fields of ``row`` other than ``names``: the ones passed to a model unchanged."""
    return {k: v for k, v in row.items() if k not in names}


@dataclass
class _Keys:
    """What the demo file's names and keys stand for, filled in as rows get their ids."""

    reference: ReferenceData
    agencies: dict[str, int]
    innovations: dict[str, int]
    dimensions: dict[tuple[str, int], str] = field(default_factory=dict)
    """The dimension of each innovation, step and risk, by ``(kind, id)``: for grouping notes."""
    steps: dict[str, int] = field(default_factory=dict)
    risks: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, base: Bundle, innovations: list[Row]) -> _Keys:
        """Keys for a new bundle's agencies and the file's innovations, numbered from 1."""
        names = [row["key"] for row in innovations]
        twice = [key for key, count in Counter(names).items() if count > 1]
        if twice:
            raise DemoError(f"innovation key used twice: {twice[0]!r}")
        agencies = {a.abbreviation: a.stored_id for a in base.agencies}
        return cls(base.reference, agencies, {key: n for n, key in enumerate(names, 1)})

    def agency(self, abbreviation: str | None) -> int | None:
        """The id of an agency named by abbreviation (``None`` stays ``None``)."""
        return None if abbreviation is None else _find(self.agencies, abbreviation, "agency")

    def agency_ids(self, abbreviations: list[str]) -> list[int]:
        """The ids of several agencies."""
        return [_find(self.agencies, a, "agency") for a in abbreviations]

    def innovation(self, key: str | None) -> int | None:
        """The id of an innovation named by key (``None`` stays ``None``)."""
        return None if key is None else _find(self.innovations, key, "innovation")


def _require(key: str, known: Collection[str], what: str) -> None:
    if key not in known:
        raise DemoError(f"unknown {what} {key!r} in the demo file")


def _find(table: dict[str, int], key: str, what: str) -> int:
    _require(key, table, what)
    return table[key]


def _check_label(value: str, labels: list[Label], what: str) -> None:
    """Refuse a reference-list value (a funding source, a category) the list does not hold."""
    if value:
        _require(value, {label.id for label in labels}, what)


# -- people ----------------------------------------------------------------------------------


def _participant(row: Row, number: int, keys: _Keys) -> Participant:
    fields = _pick(row, ("agency", "absent"))
    return Participant(id=number, agency_id=keys.agency(row.get("agency")), **fields)


def _attendance(rows: list[Row], participants: list[Participant], days: list[date]) -> list[Attendance]:
    """Everyone on every workshop day, present unless the day is in their ``absent`` list."""
    return [
        Attendance(participant_id=p.id, day=day, present=day.isoformat() not in row.get("absent", []))
        for row, p in zip(rows, participants, strict=True)
        for day in days
    ]


# -- innovations and what hangs off them -----------------------------------------------------

_INNOVATION_KEYS = ("key", "lead", "supporting", "merge_into", "scores", "steps", "risks")


def _innovation_parts(rows: list[Row], keys: _Keys) -> dict[str, list[Any]]:
    """Innovations with their steps, risks and quick-win scores, each list numbered from 1."""
    parts: dict[str, list[Any]] = {"innovations": [], "action_steps": [], "risks": [], "quick_win_scores": []}
    positions: Counter[str] = Counter()
    for number, row in enumerate(rows, 1):
        innovation = _innovation(row, number, positions[row["element"]], keys)
        positions[row["element"]] += 1
        keys.dimensions["innovation", number] = innovation.dimension
        parts["innovations"].append(innovation)
        parts["action_steps"] += _steps(row, innovation, len(parts["action_steps"]), keys)
        parts["risks"] += _risks(row, innovation, len(parts["risks"]), keys)
        parts["quick_win_scores"] += _scores(row, number, keys)
    return parts


def _innovation(row: Row, number: int, position: int, keys: _Keys) -> Innovation:
    return Innovation(
        id=number,
        dimension=row["element"].partition("-")[0],
        position=position,
        lead_agency_id=keys.agency(row.get("lead")),
        supporting_agency_ids=keys.agency_ids(row.get("supporting", [])),
        merge_into_id=keys.innovation(row.get("merge_into")),
        **_pick(row, _INNOVATION_KEYS),
    )


def _steps(row: Row, innovation: Innovation, before: int, keys: _Keys) -> list[ActionStep]:
    steps = []
    for position, step_row in enumerate(row.get("steps", [])):
        step = _step(step_row, before + position + 1, position, innovation, keys)
        keys.steps[f"{row['key']}/{position + 1}"] = step.stored_id
        keys.dimensions["step", step.stored_id] = innovation.dimension
        steps.append(step)
    return steps


def _step(row: Row, number: int, position: int, innovation: Innovation, keys: _Keys) -> ActionStep:
    """One step; its years are ``years`` if given, else the first and last year it has a budget for."""
    _check_label(row.get("funding_source", ""), keys.reference.funding_sources, "funding source")
    years = row.get("years") or sorted(int(year) for year in row.get("budget", {}))
    if not years:
        raise DemoError(f"step {row['activity']!r} has neither years nor a budget")
    lead = keys.agency(row["lead"]) if "lead" in row else innovation.lead_agency_id
    return ActionStep(
        id=number,
        innovation_id=innovation.id,
        position=position,
        start_year=years[0],
        end_year=years[-1],
        lead_agency_id=lead,
        supporting_agency_ids=keys.agency_ids(row.get("supporting", [])),
        programme=row.get("programme", innovation.programme),
        **_pick(row, ("years", "lead", "supporting", "programme")),
    )


def _risks(row: Row, innovation: Innovation, before: int, keys: _Keys) -> list[Risk]:
    risks: list[Risk] = []
    for risk_row in row.get("risks", []):
        risk = _risk(risk_row, before + len(risks) + 1, innovation, keys)
        if risk.code in keys.risks:
            raise DemoError(f"risk code used twice: {risk.code!r}")
        keys.risks[risk.code] = risk.stored_id
        keys.dimensions["risk", risk.stored_id] = innovation.dimension
        risks.append(risk)
    return risks


def _risk(row: Row, number: int, innovation: Innovation, keys: _Keys) -> Risk:
    """One risk; its code defaults to ``R-<dimension>-<nn>``, numbered within the dimension."""
    risk = Risk(
        id=number,
        innovation_id=innovation.id,
        code=row.get("code") or _next_risk_code(innovation.dimension, keys),
        owner_agency_id=keys.agency(row.get("owner")),
        **_pick(row, ("code", "owner")),
    )
    _check_risk_labels(risk, keys.reference)
    return risk


def _next_risk_code(dimension: str, keys: _Keys) -> str:
    taken = sum(code.startswith(f"R-{dimension}-") for code in keys.risks)
    return f"R-{dimension}-{taken + 1:02d}"


def _check_risk_labels(risk: Risk, reference: ReferenceData) -> None:
    _check_label(risk.category, reference.risk_categories, "risk category")
    _check_label(risk.impact_area, reference.impact_areas, "impact area")
    options = reference.treatment_options[risk.type.value]
    _check_label(risk.treatment_option, options, f"treatment option for a {risk.type.value} risk")


def _scores(row: Row, innovation_id: int, keys: _Keys) -> list[QuickWinScore]:
    criteria = {c.key for c in keys.reference.quick_win_criteria}
    for criterion in row.get("scores", {}):
        _require(criterion, criteria, "quick-win criterion")
    return [
        QuickWinScore(innovation_id=innovation_id, criterion=criterion, score=score)
        for criterion, score in row.get("scores", {}).items()
    ]


# -- notes -----------------------------------------------------------------------------------


def _note(row: Row, number: int, keys: _Keys) -> Note:
    target_type, target_id, dimension = _target(row.get("target", "workshop"), keys)
    return Note(
        id=number,
        target_type=target_type,
        target_id=target_id,
        dimension=row.get("dimension", dimension),
        owner_agency_id=keys.agency(row.get("owner")),
        created_at=datetime.fromisoformat(row["at"]),
        **_pick(row, ("target", "dimension", "owner", "at")),
    )


def _target(target: str, keys: _Keys) -> tuple[TargetType, int | None, str | None]:
    """A note's target as type, id and the dimension it belongs to.

    A dimension has no id of its own: a note on a dimension has no ``target_id`` and names
    the dimension's code in ``dimension``.
    """
    kind, _, name = target.partition(":")
    if kind == "workshop":
        return TargetType.WORKSHOP, None, None
    if kind == "dimension":
        _require(name, {d.code for d in keys.reference.dimensions}, "dimension")
        return TargetType.DIMENSION, None, name
    tables = {"innovation": keys.innovations, "step": keys.steps, "risk": keys.risks}
    if kind not in tables:
        raise DemoError(f"unknown note target {target!r} in the demo file")
    target_id = _find(tables[kind], name, kind)
    return TargetType(kind), target_id, keys.dimensions[kind, target_id]

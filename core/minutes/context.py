"""What every section of the minutes reads: the bundle, the language, and lookups into both.

Sections are plain functions of a :class:`Minutes`; the lookups here resolve ids to names,
codes to reference labels and enum values to catalog labels, and define the one sort order of
each kind of row, so that the same bundle always gives the same document.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

from core.i18n import Translator, translator
from core.labels import enum_label, long_date, short_date
from core.markdown import escape, heading
from core.models import ActionStep, Bundle, Innovation, Note, NoteKind, Origin, Participant, Role, TargetType
from core.quick_wins import effective_weights

DASH = "—"
"""Shown for a value nobody entered."""

_CLOCK = re.compile(r"(\d{1,2})[.:](\d{2})")


def alphabetical(name: str) -> tuple[str, str]:
    """Sort key for names: case-insensitive, ties broken by the exact text (a total order)."""
    return (name.casefold(), name)


@dataclass(frozen=True)
class Minutes:
    """One rendering of a bundle's minutes in one language."""

    bundle: Bundle
    lang: str
    t: Translator

    @classmethod
    def of(cls, bundle: Bundle, lang: str) -> Minutes:
        """The minutes of ``bundle`` in ``lang`` (``id`` or ``en``)."""
        return cls(bundle, lang, translator(lang))

    def label(self, value: StrEnum) -> str:
        """The catalog label of an enum value."""
        return enum_label(self.t, value)

    def date(self, day: dt.date | None) -> str:
        """``2 Juli 2024``, or a dash for no date."""
        return short_date(self.t, day) if day else DASH

    def long_date(self, day: dt.date) -> str:
        """``Selasa, 2 Juli 2024``."""
        return long_date(self.t, day)

    def clock(self, value: str) -> str:
        """A time of day as the language writes it (``08.00`` in id, ``08:00`` in en).

        Anything that is not hours and minutes is kept as typed.
        """
        found = _CLOCK.fullmatch(value.strip())
        if not found:
            return value
        return self.t("minutes.clock", hour=f"{int(found[1]):02d}", minute=found[2])

    def section(self, key: str, *blocks: str) -> str:
        """A level-2 section: its heading and blocks, or a "none recorded" line if all are empty."""
        body = [block for block in blocks if block] or [escape(self.t("minutes.none"))]
        return "\n\n".join([heading(2, self.t(key)), *body])

    # Agencies and participants

    @cached_property
    def _agencies(self) -> dict[int | None, str]:
        """Agency abbreviations by id."""
        return {a.id: a.abbreviation for a in self.bundle.agencies}

    def agency(self, agency_id: int | None) -> str:
        """An agency's abbreviation, or an empty string for none (or an unknown id)."""
        return self._agencies.get(agency_id, "")

    @cached_property
    def participants(self) -> list[Participant]:
        """Participants in attendance-list order: by role (chair first), then name, then id."""
        roles = list(Role)
        return sorted(
            self.bundle.participants,
            key=lambda p: (roles.index(p.role), alphabetical(p.name), p.id or 0),
        )

    def people(self, role: Role) -> list[Participant]:
        """The participants with ``role``, in attendance-list order."""
        return [p for p in self.participants if p.role == role]

    # Reference data

    def dimension_key(self, code: str | None) -> tuple[int, str]:
        """Sort key of a dimension: reference order; unknown codes after, by code; none first."""
        if code is None:
            return (-1, "")
        known = self._dimension_order
        return (known.get(code, len(known) + 1), code)

    @cached_property
    def _dimension_order(self) -> dict[str, int]:
        return {d.code: d.order for d in self.bundle.reference.dimensions}

    def dimension_name(self, code: str) -> str:
        """A dimension's name (``Smart Governance``), or its code if the reference lacks it."""
        return next((d.name for d in self.bundle.reference.dimensions if d.code == code), code)

    def element_label(self, code: str) -> str:
        """An element's code and label (``GOV-1 Layanan Publik``), or its code if unknown."""
        found = next((e for e in self.bundle.reference.elements if e.code == code), None)
        return f"{found.code} {found.label}" if found else code

    # Innovations and notes

    @cached_property
    def innovation_by_id(self) -> dict[int | None, Innovation]:
        """Every innovation by its id: lookups stay constant-time on large workshops."""
        return {i.id: i for i in self.bundle.innovations}

    def innovation_dimension(self, innovation_id: int | None) -> str | None:
        """The dimension of an innovation (``None`` if it is gone)."""
        found = self.innovation_by_id.get(innovation_id)
        return found.dimension if found else None

    @cached_property
    def _parent_innovation(self) -> dict[tuple[TargetType, int | None], int]:
        """The innovation of each step and risk, by (target type, id)."""
        steps = {(TargetType.STEP, s.id): s.innovation_id for s in self.bundle.action_steps}
        return steps | {(TargetType.RISK, r.id): r.innovation_id for r in self.bundle.risks}

    @cached_property
    def _steps(self) -> dict[int | None, list[ActionStep]]:
        found: defaultdict[int | None, list[ActionStep]] = defaultdict(list)
        for step in self.bundle.action_steps:
            found[step.innovation_id].append(step)
        return dict(found)

    def steps_of(self, innovation_id: int | None) -> list[ActionStep]:
        """An innovation's action steps, in the bundle's order."""
        return self._steps.get(innovation_id, [])

    # Quick-win scores

    @cached_property
    def _scores(self) -> dict[int | None, dict[str, int]]:
        found: defaultdict[int | None, dict[str, int]] = defaultdict(dict)
        for score in self.bundle.quick_win_scores:
            found[score.innovation_id][score.criterion] = score.score
        return dict(found)

    def scores_of(self, innovation_id: int | None) -> dict[str, int]:
        """An innovation's score (1–5) per criterion key; criteria not scored are absent."""
        return self._scores.get(innovation_id, {})

    @cached_property
    def weights(self) -> dict[str, int]:
        """The weight of each reference criterion: the workshop's own, else the default."""
        criteria = self.bundle.reference.quick_win_criteria
        return effective_weights(criteria, self.bundle.quick_win_weights)

    def weighted_score(self, innovation_id: int | None) -> int:
        """Σ weight × score over the reference criteria; an unscored criterion counts 0."""
        scores = self.scores_of(innovation_id)
        return sum(weight * scores.get(key, 0) for key, weight in self.weights.items())

    @cached_property
    def innovations(self) -> list[Innovation]:
        """Innovations in board order: dimension, element, position, title, id."""
        return sorted(
            self.bundle.innovations,
            key=lambda i: (self.dimension_key(i.dimension), i.element, i.position, i.title, i.id or 0),
        )

    def notes(self, *kinds: NoteKind, carried: bool = False) -> list[Note]:
        """The notes of ``kinds`` taken in this stage (or with ``carried``, those carried in from
        an earlier one), in the order they were taken (time, then id)."""
        chosen = [n for n in self.bundle.notes if n.kind in kinds and (n.id in self.carried_notes) == carried]
        return sorted(chosen, key=lambda n: (n.created_at, n.id or 0, n.text))

    # The series: the stages held so far, and where each carried row came from

    @cached_property
    def in_series(self) -> bool:
        """The workshop continues earlier stages (documents then say which stage each row is from)."""
        return bool(self.bundle.workshop.earlier_stages or self.bundle.origins)

    @cached_property
    def _origins(self) -> dict[tuple[str, int], Origin]:
        return {(o.item_table, o.item_id): o for o in self.bundle.origins}

    def origin(self, table: str, item_id: int | None) -> Origin | None:
        """Where a row of ``table`` was carried from (None: it was added in this stage)."""
        return self._origins.get((table, item_id)) if item_id is not None else None

    def stage_of(self, table: str, item_id: int | None) -> str:
        """The stage a row comes from: the one it was carried from, else this workshop's."""
        found = self.origin(table, item_id)
        return self.label(found.stage if found else self.bundle.workshop.stage)

    @cached_property
    def carried_notes(self) -> dict[int | None, Origin]:
        """Where each note carried in from an earlier stage came from, by note id."""
        return {o.item_id: o for o in self.bundle.origins if o.item_table == "notes"}

    def note_dimension(self, note: Note) -> str | None:
        """The dimension a note belongs to: its own, else that of the innovation it is on."""
        if note.dimension:
            return note.dimension
        return self.innovation_dimension(self._target_innovation_id(note))

    def note_card(self, note: Note) -> Innovation | None:
        """The card (innovation) a note was attached to, directly or through a step or risk."""
        if note.target_type == TargetType.WORKSHOP or note.target_type == TargetType.DIMENSION:
            return None
        return self.innovation_by_id.get(self._target_innovation_id(note))

    @cached_property
    def _registered_agency(self) -> dict[str, str]:
        """Each registered participant's agency, by name (case-insensitive)."""
        return {p.name.casefold(): self.agency(p.agency_id) for p in self.bundle.participants if p.agency_id}

    def speaker(self, typed: str) -> str:
        """``Name (Agency)`` for a speaker from the register; anything else as typed."""
        agency = self._registered_agency.get(typed.strip().casefold(), "")
        return f"{typed} ({agency})" if agency and "(" not in typed else typed

    def _target_innovation_id(self, note: Note) -> int | None:
        """The innovation a note is attached to, directly or through a step or risk."""
        if note.target_id is None or note.target_type == TargetType.INNOVATION:
            return note.target_id
        return self._parent_innovation.get((note.target_type, note.target_id))

"""Reading one cell of a submission: text, whole numbers, rupiah and values from fixed lists.

Spreadsheets store every number as a float (a year is ``2025.0``), and people type codes,
labels in either language, or abbreviations: each reader here takes all of those, and
anything else gives a :class:`Refused` with the line the agency reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from core import rupiah
from core.i18n import LANGUAGES, Translator, translator
from core.labels import enum_label
from core.models import Bundle, Horizon, InnovationStatus, Label, RiskType, StepStatus
from core.sheets.columns import normalise


class Refused(ValueError):
    """A cell's value cannot be used; ``str()`` is why, in the workshop's language."""


def text(value: object) -> str:
    """A cell as text: ``2025.0`` → ``2025``, a date as ``2025-01-31``, empty as ``""``."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    return str(value).strip()


def whole(value: object, tr: Translator) -> int:
    """A whole number from ``2025``, ``2025.0`` or ``"2025"``."""
    if isinstance(value, bool):
        raise Refused(tr("sheets.error.not_whole", value=text(value)))
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    shown = text(value)
    if shown.isdigit():
        return int(shown)
    raise Refused(tr("sheets.error.not_whole", value=shown))


def amount(value: object, tr: Translator) -> int:
    """Rupiah from a number or from ``1.250.000.000``, ``1,25 M``, ``750 juta``."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value < 0 or (isinstance(value, float) and not value.is_integer()):
            raise Refused(tr("sheets.error.bad_amount", value=text(value)))
        return int(value)
    try:
        return rupiah.parse(text(value))
    except rupiah.RupiahError as exc:
        raise Refused(tr("sheets.error.bad_amount", value=text(value))) from exc


@dataclass(frozen=True)
class Choices:
    """A fixed list: the values stored, what each may be typed as, and what to suggest."""

    spellings: dict[str, str]
    """Normalised spelling → stored value."""
    shown: list[str]
    """The values as the template's drop-down and a refusal list them."""
    strict: bool = True
    """Whether a value outside the list is refused (else it is kept as typed)."""

    def pick(self, typed: str, column: str, tr: Translator) -> str:
        """The stored value for ``typed``."""
        found = self.spellings.get(normalise(typed))
        if found is not None:
            return found
        if not self.strict:
            return typed
        raise Refused(tr("sheets.error.unknown_choice", column=column, value=typed, choices=listed(self.shown, tr)))


def listed(values: list[str], tr: Translator, most: int = 8) -> str:
    """``GOV-1, GOV-2 or GOV-3``; a long list is cut with an ellipsis."""
    if len(values) > most:
        return ", ".join(values[:most]) + ", …"
    if len(values) < 2:
        return "".join(values)
    return tr("sheets.list.last", first=", ".join(values[:-1]), last=values[-1])


def _choices(pairs: list[tuple[str, list[str]]], shown: list[str], strict: bool = True) -> Choices:
    spellings = {normalise(s): stored for stored, names in pairs for s in names if s}
    return Choices(spellings, shown, strict)


def _enum(values: type[InnovationStatus | Horizon | StepStatus | RiskType], lang: str) -> Choices:
    tr = translator(lang)
    pairs = [(v.value, [v.value, *(enum_label(translator(la), v) for la in LANGUAGES)]) for v in values]
    return _choices(pairs, [enum_label(tr, v) for v in values])


def vocabulary(bundle: Bundle, lang: str) -> dict[str, Choices]:
    """Every fixed list of the workshop, by the name a :class:`~core.sheets.columns.Column` uses."""
    ref = bundle.reference
    treatments = [label for options in ref.treatment_options.values() for label in options]

    def labelled(items: list[Label]) -> Choices:
        """A list of reference labels: either language is read, the Indonesian text is stored."""
        return _choices([(label.id, [label.id, label.en]) for label in items], [label(lang) for label in items],
                        strict=False)

    return {
        "dimensions": _choices([(d.code, [d.code, d.name]) for d in ref.dimensions], [d.code for d in ref.dimensions]),
        "elements": _choices([(e.code, [e.code, f"{e.code} {e.label}", e.label]) for e in ref.elements],
                             [e.code for e in ref.elements]),
        "agencies": _choices([(str(a.id), [a.abbreviation, a.name]) for a in bundle.agencies],
                             sorted(a.abbreviation for a in bundle.agencies)),
        "statuses": _enum(InnovationStatus, lang), "horizons": _enum(Horizon, lang),
        "step_statuses": _enum(StepStatus, lang), "risk_types": _enum(RiskType, lang),
        "levels": _choices([(str(n), [str(n)]) for n in range(1, 6)], [str(n) for n in range(1, 6)]),
        "funding_sources": labelled(ref.funding_sources),
        "categories": labelled(ref.risk_categories),
        "impact_areas": labelled(ref.impact_areas),
        "treatments": labelled(treatments),
    }

"""The registers as sheets: innovations, action plans, risks, follow-ups and data requests.

Each register is a function of the bundle (the risk register of its snapshot) giving a
:class:`~core.sheets.workbook.Sheet` with typed cells; :data:`REGISTERS` names them in the
order of a workbook that holds them all. The action plan and risk register have the columns
of their CSV exports, so a sheet and a CSV of the same workshop say the same thing.
"""

from __future__ import annotations

from collections.abc import Callable

from core.action_export import action_rows, plan_order
from core.i18n import translator
from core.labels import enum_label
from core.models import Bundle, NoteKind
from core.register import RiskSnapshot
from core.risk_export import COLUMNS as RISK_COLUMNS
from core.risk_export import headings, row_values
from core.sheets.workbook import Sheet, Value

INNOVATION_COLUMNS = ("code", "title", "dimension", "element", "status", "review_outcome", "lead",
                      "supporting", "horizon", "programme", "quick_win", "problem", "beneficiaries")
"""The innovation register's columns, by catalog key under ``sheets.innovations.column.``."""

NOTE_COLUMNS = ("number", "text", "speaker", "owner", "due", "status", "dimension", "recorded", "from")
"""The columns of the follow-up and data-request registers (``sheets.notes.column.``): where each
stands (open, done, dropped) and the stage it was carried from, as the register screen shows."""

RISK_NUMBERS = {"likelihood", "impact", "magnitude", "residual_likelihood", "residual_impact",
                "residual_magnitude"}


def innovations_sheet(bundle: Bundle, lang: str) -> Sheet:
    """Every innovation in plan order, with its code (``GOV-1.02``) and labels in ``lang``."""
    tr = translator(lang)
    agencies = {a.id: a.abbreviation for a in bundle.agencies}
    dimensions = {d.code: d.name for d in bundle.reference.dimensions}
    rows: list[list[Value]] = []
    for _, planned in plan_order(bundle):
        for item in planned:
            i = item.innovation
            rows.append([
                item.code, i.title, dimensions.get(i.dimension, i.dimension), i.element, enum_label(tr, i.status),
                enum_label(tr, i.review_outcome) if i.review_outcome else "", agencies.get(i.lead_agency_id, ""),
                ", ".join(agencies.get(a, "") for a in i.supporting_agency_ids), enum_label(tr, i.horizon),
                i.programme, enum_label(tr, i.quick_win), i.problem, i.beneficiaries,
            ])
    header = [tr(f"sheets.innovations.column.{c}") for c in INNOVATION_COLUMNS]
    return Sheet(tr("sheets.title.innovations"), header, rows)


def actions_sheet(bundle: Bundle, lang: str) -> Sheet:
    """The action plan, one row per step and year, its budget in rupiah and its year a number."""
    header, rows = action_rows(bundle, lang, amount=int)
    year, budget = header.index(translator(lang)("actions_export.column.year")), \
        header.index(translator(lang)("actions_export.column.budget"))
    typed: list[list[Value]] = [[int(v) if n == year else v for n, v in enumerate(row)] for row in rows]
    return Sheet(translator(lang)("sheets.title.actions"), header, typed, frozenset({budget}))


def risks_sheet(snapshot: RiskSnapshot, lang: str) -> Sheet:
    """The risk register, its levels and magnitudes as numbers."""
    tr = translator(lang)
    rows: list[list[Value]] = []
    for row in snapshot.rows:
        values = row_values(snapshot, row, tr, lang)
        rows.append([_number(values[c]) if c in RISK_NUMBERS else values[c] for c in RISK_COLUMNS])
    return Sheet(tr("sheets.title.risks"), headings(tr), rows)


def _number(text: str) -> Value:
    """A magnitude or level as a number; an empty residual stays empty."""
    return int(text) if text.isdigit() else (text or None)


def notes_sheet(bundle: Bundle, lang: str, kind: NoteKind) -> Sheet:
    """The follow-ups (or data requests): what, who said it, who acts, by when, where it stands,
    and from which stage it was carried (or this one)."""
    tr = translator(lang)
    agencies = {a.id: a.abbreviation for a in bundle.agencies}
    carried = {o.item_id: o.stage for o in bundle.origins if o.item_table == "notes"}
    here = tr("follow_ups.here")
    notes = sorted((n for n in bundle.notes if n.kind == kind), key=lambda n: (n.created_at, n.id or 0))
    rows: list[list[Value]] = [
        [number, n.text, n.speaker, agencies.get(n.owner_agency_id, ""), n.due, enum_label(tr, n.status),
         n.dimension or "", n.created_at.replace(tzinfo=None),
         enum_label(tr, carried[n.id]) if n.id in carried else here]
        for number, n in enumerate(notes, 1)
    ]
    header = [tr(f"sheets.notes.column.{c}") for c in NOTE_COLUMNS]
    return Sheet(tr(f"sheets.title.{kind.value}"), header, rows)


Register = Callable[[Bundle, RiskSnapshot, str], Sheet]

REGISTERS: dict[str, Register] = {
    "innovations": lambda bundle, _, lang: innovations_sheet(bundle, lang),
    "actions": lambda bundle, _, lang: actions_sheet(bundle, lang),
    "risks": lambda _, snapshot, lang: risks_sheet(snapshot, lang),
    "follow-ups": lambda bundle, _, lang: notes_sheet(bundle, lang, NoteKind.FOLLOW_UP),
    "data-requests": lambda bundle, _, lang: notes_sheet(bundle, lang, NoteKind.DATA_REQUEST),
}
"""Each register by the name the CLI takes, in workbook order."""

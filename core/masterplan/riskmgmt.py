"""Chapter 4: risk management (PermenPANRB 5/2020): method, levels, heatmaps and the register."""

from __future__ import annotations

from core.markdown import escape, strong, table
from core.masterplan.common import chapter
from core.minutes.context import DASH, Minutes
from core.minutes.risks import assessment, heatmap, innovation_title, level_table, level_text, ordered_risks
from core.models import Risk

REGISTER_COLUMNS = (
    "minutes.column.code",
    "minutes.column.innovation",
    "minutes.column.risk",
    "masterplan.column.type",
    "masterplan.column.category",
    "minutes.column.inherent",
    "minutes.column.treatment",
    "masterplan.column.owner",
    "minutes.column.residual",
)
"""Catalog keys of the register's columns."""


def risk_management(m: Minutes) -> str:
    """The method, counts per level, both heatmaps and the whole register."""
    if not m.bundle.risks:
        return chapter(m, "masterplan.chapter.risks")
    w = m.bundle.workshop
    method = m.t("masterplan.risks.method", scale=m.bundle.reference.risk_scale.name,
                 appetite=w.risk_appetite)
    blocks = [escape(method), level_table(m), heatmap(m, residual=False), heatmap(m, residual=True)]
    return chapter(m, "masterplan.chapter.risks", *blocks, register(m))


def register(m: Minutes) -> str:
    """Every risk, highest inherent magnitude first."""
    rows = [register_row(m, r) for r in ordered_risks(m)]
    return f"{strong(m.t('masterplan.risks.register'))}\n\n{table([m.t(k) for k in REGISTER_COLUMNS], rows)}"


def register_row(m: Minutes, risk: Risk) -> list[str]:
    """One risk: code, innovation, event, type, category, levels, treatment and owner."""
    treatment = " — ".join(filter(None, [risk.treatment_option, risk.treatment_action])) or DASH
    return [
        risk.code or DASH, innovation_title(m, risk.innovation_id), risk.event, m.label(risk.type),
        risk.category or DASH, level_text(m, assessment(m, risk)), treatment,
        m.agency(risk.owner_agency_id) or DASH, level_text(m, assessment(m, risk, residual=True)),
    ]

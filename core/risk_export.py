"""The risk register and heatmap as text: CSV for spreadsheets, Markdown for the masterplan.

Pure renderers over a :class:`~core.register.RiskSnapshot`. The columns follow the register's
assessment, treatment and residual parts (forms 3.0 and 4.0, docs/domain.md §5). CSV is UTF-8 with
a byte-order mark, so Excel opens Indonesian text correctly, and RFC 4180 quoting.

Markdown is written through :mod:`core.markdown`, so nothing a user typed can break a table.
"""

from __future__ import annotations

import csv
import io

from core.heatmap import heatmap, moved_down
from core.i18n import Translator
from core.markdown import table
from core.models import Label, ReferenceData, RiskBand
from core.register import RegisterRow, RiskSnapshot, treatment_needed

BOM = "\ufeff"

COLUMNS = (
    "code", "innovation", "dimension", "type", "event", "cause", "category", "impact_description",
    "impact_area", "existing_controls", "likelihood", "impact", "magnitude", "level",
    "needs_treatment", "treatment_option", "treatment_action", "output", "schedule", "owner",
    "residual_likelihood", "residual_impact", "residual_magnitude", "residual_level",
)
"""The register's columns, in order; each heading is the catalog key ``risk.col.<name>``."""



def counted(tr: Translator, key: str, count: int) -> str:
    """A count in words: the catalog's ``<key>.one`` for 1, ``<key>.other`` otherwise."""
    return tr(f"{key}.{'one' if count == 1 else 'other'}", count=count)


def label_of(labels: list[Label], value: str, lang: str) -> str:
    """The label in ``lang`` of a stored reference value (its Indonesian text); else the value."""
    found = next((label for label in labels if value in (label.id, label.en)), None)
    return found(lang) if found else value


def row_values(snapshot: RiskSnapshot, row: RegisterRow, tr: Translator, lang: str) -> dict[str, str]:
    """One register row as text, keyed by :data:`COLUMNS`."""
    ref, risk = snapshot.reference, row.risk
    return {
        "code": risk.code, "innovation": row.innovation, "dimension": row.dimension,
        "type": tr(f"enum.RiskType.{risk.type.value}"), "event": risk.event, "cause": risk.cause,
        "category": label_of(ref.risk_categories, risk.category, lang),
        "impact_description": risk.impact_description,
        "impact_area": label_of(ref.impact_areas, risk.impact_area, lang),
        "existing_controls": risk.existing_controls,
        **_assessment(snapshot, row, lang),
        "needs_treatment": tr("risk.yes") if treatment_needed(snapshot, risk) else tr("risk.no"),
        "treatment_option": label_of(_options(ref), risk.treatment_option, lang),
        "treatment_action": risk.treatment_action, "output": risk.output,
        "schedule": risk.schedule, "owner": row.owner,
    }


def _options(reference: ReferenceData) -> list[Label]:
    return [label for labels in reference.treatment_options.values() for label in labels]


def _assessment(snapshot: RiskSnapshot, row: RegisterRow, lang: str) -> dict[str, str]:
    risk, before = row.risk, snapshot.inherent(row.risk)
    after = snapshot.residual(risk)
    return {
        "likelihood": str(risk.likelihood), "impact": str(risk.impact),
        "magnitude": str(before.magnitude), "level": level_text(before.band, lang),
        "residual_likelihood": str(risk.residual_likelihood or ""),
        "residual_impact": str(risk.residual_impact or ""),
        "residual_magnitude": str(after.magnitude) if after else "",
        "residual_level": level_text(after.band, lang) if after else "",
    }


def level_text(band: RiskBand, lang: str) -> str:
    """A level as ``Sedang (S)``: the name and the letter, never a colour alone."""
    return f"{band.name(lang)} ({band.letter})"


def headings(tr: Translator) -> list[str]:
    """The translated column headings."""
    return [tr(f"risk.col.{name}") for name in COLUMNS]


def render_csv(snapshot: RiskSnapshot, tr: Translator, lang: str) -> str:
    """The register as CSV text, starting with a byte-order mark."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headings(tr))
    for row in snapshot.rows:
        values = row_values(snapshot, row, tr, lang)
        writer.writerow([values[name] for name in COLUMNS])
    return BOM + out.getvalue()


def md_table(head: list[str], rows: list[list[str]]) -> str:
    """A Markdown (GFM) table; cells are escaped by :func:`core.markdown.table`."""
    return table(head, rows) + "\n"


def render_heatmap_md(snapshot: RiskSnapshot, tr: Translator, residual: bool = False) -> str:
    """The heatmap as a Markdown table: each cell ``magnitude letter: count``, likelihood 5 on top."""
    grid = heatmap(snapshot.reference.risk_scale, snapshot.risks, residual)
    head = [tr("risk.export.corner")] + [str(impact) for impact in range(1, 6)]
    rows = [[str(row[0].likelihood)] + [f"{h.magnitude} {h.band.letter}: {h.count}" for h in row]
            for row in grid]
    return md_table(head, rows)


def render_markdown(snapshot: RiskSnapshot, tr: Translator, lang: str) -> str:
    """The register and both heatmaps as one Markdown document."""
    scale = snapshot.reference.risk_scale
    legend = ", ".join(f"{b.letter} = {b.name(lang)} ({b.low}–{b.high})" for b in scale.bands)
    parts = [
        f"# {tr('risk.export.title')}\n",
        tr("risk.export.scale", name=scale.name, appetite=snapshot.appetite) + "\n",
        f"## {tr('risk.view.inherent')}\n", render_heatmap_md(snapshot, tr),
        f"## {tr('risk.view.residual')}\n", render_heatmap_md(snapshot, tr, residual=True),
        counted(tr, "risk.moved_down", moved_down(scale, snapshot.risks)) + "\n",
        tr("risk.export.legend", legend=legend) + "\n",
        f"## {tr('risk.export.register')}\n", _register_md(snapshot, tr, lang),
    ]
    return "\n".join(parts)


def _register_md(snapshot: RiskSnapshot, tr: Translator, lang: str) -> str:
    if not snapshot.rows:
        return tr("risk.none") + "\n"
    values = (row_values(snapshot, row, tr, lang) for row in snapshot.rows)
    return md_table(headings(tr), [[v[name] for name in COLUMNS] for v in values])

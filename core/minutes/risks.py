"""The risk register in brief: risks per level, the high ones, and the heatmap as a table.

Levels come from the workshop's own matrix and bands (:mod:`core.risk`), so a variant band set
changes the summary without a change here. The heatmap shows in each cell the number of risks
and the cell's level letter, never colour alone.
"""

from __future__ import annotations

from core.markdown import escape, strong, table
from core.minutes.context import DASH, Minutes
from core.minutes.figures import heatmap_counts, level_counts
from core.models import Risk, RiskBand, RiskType
from core.risk import Assessment, assess

HIGH_BANDS = 2
"""How many of the highest bands count as "high" for the list of high risks."""

HIGH_COLUMNS = (
    "minutes.column.code",
    "minutes.column.risk",
    "minutes.column.innovation",
    "minutes.column.inherent",
    "minutes.column.treatment",
    "minutes.column.residual",
)
"""Catalog keys of the high-risk table's columns."""


def risk_register(m: Minutes) -> str:
    """The risk section: counts per level, the high risks, and the inherent heatmap."""
    if not m.bundle.risks:
        return m.section("minutes.section.risks")
    blocks = [level_table(m), high_risks(m), heatmap(m, residual=False)]
    return m.section("minutes.section.risks", *blocks)


def bands_high_first(m: Minutes) -> list[RiskBand]:
    """The workshop's bands, highest first."""
    return sorted(m.bundle.reference.risk_scale.bands, key=lambda b: -b.low)


def band_label(m: Minutes, band: RiskBand) -> str:
    """``Tinggi (T)``: a band's name in the document's language and its letter."""
    return f"{band.name(m.lang)} ({band.letter})"


def level_table(m: Minutes) -> str:
    """Per level: its magnitudes, how many risks are there inherently and after treatment."""
    inherent, residual = level_counts(m.bundle), level_counts(m.bundle, residual=True)
    rows = [
        [band_label(m, b), f"{b.low}–{b.high}", str(inherent[b.key]), str(residual[b.key])]
        for b in bands_high_first(m)
    ]
    keys = ("minutes.column.level", "minutes.column.magnitude", "minutes.column.inherent",
            "minutes.column.residual")
    assessed = sum(1 for risk in m.bundle.risks if assessment(m, risk, residual=True))
    note = m.t("minutes.risks.count", count=len(m.bundle.risks), assessed=assessed)
    return f"{table([m.t(k) for k in keys], rows)}\n\n{escape(note)}"


def assessment(m: Minutes, risk: Risk, residual: bool = False) -> Assessment | None:
    """A risk read through the matrix, inherent or residual (``None``: residual not assessed)."""
    scale = m.bundle.reference.risk_scale
    if not residual:
        return assess(scale, risk.likelihood, risk.impact)
    if risk.residual_likelihood is None or risk.residual_impact is None:
        return None
    return assess(scale, risk.residual_likelihood, risk.residual_impact)


def level_text(m: Minutes, found: Assessment | None) -> str:
    """``19 Tinggi (T)``: magnitude and level, or a dash."""
    return f"{found.magnitude} {band_label(m, found.band)}" if found else DASH


def ordered_risks(m: Minutes) -> list[Risk]:
    """Risks by inherent magnitude, highest first; then code, event and id."""
    return sorted(m.bundle.risks, key=lambda r: (
        -assessment(m, r).magnitude, r.code, r.event, r.id or 0))  # type: ignore[union-attr]


def is_high(m: Minutes, risk: Risk) -> bool:
    """Whether a risk's inherent level is one of the :data:`HIGH_BANDS` highest."""
    top = {b.key for b in bands_high_first(m)[:HIGH_BANDS]}
    return assessment(m, risk).band.key in top  # type: ignore[union-attr]


def innovation_title(m: Minutes, innovation_id: int) -> str:
    """The title of an innovation, or a dash for an unknown id."""
    found = m.innovation_by_id.get(innovation_id)
    return found.title if found else DASH


def risk_row(m: Minutes, risk: Risk) -> list[str]:
    """Code, event, innovation, inherent level, treatment and residual level of a risk."""
    treatment = " — ".join(filter(None, [risk.treatment_option, risk.treatment_action])) or DASH
    return [
        risk.code or DASH, event(m, risk), innovation_title(m, risk.innovation_id),
        level_text(m, assessment(m, risk)), treatment, level_text(m, assessment(m, risk, True)),
    ]


def event(m: Minutes, risk: Risk) -> str:
    """The risk event; a positive risk (an opportunity) says so, as its treatment differs."""
    if risk.type == RiskType.POSITIVE:
        return m.t("minutes.risks.opportunity", event=risk.event)
    return risk.event


def high_risks(m: Minutes) -> str:
    """The table of high risks (the two highest levels), or a line saying there are none."""
    rows = [risk_row(m, r) for r in ordered_risks(m) if is_high(m, r)]
    title = strong(m.t("minutes.risks.high"))
    if not rows:
        return f"{title}\n\n{escape(m.t('minutes.none'))}"
    return f"{title}\n\n{table([m.t(k) for k in HIGH_COLUMNS], rows)}"


def heatmap(m: Minutes, residual: bool) -> str:
    """The 5×5 heatmap: likelihood 5 at the top, impact 1 at the left; count and level letter."""
    scale = m.bundle.reference.risk_scale
    counts = heatmap_counts(m.bundle, residual)
    corner = m.t("minutes.risks.axes")
    header = [corner, *(f"{n} {label(m.lang)}" for n, label in enumerate(scale.impact, 1))]
    rows = [
        [f"{likelihood} {scale.likelihood[likelihood - 1](m.lang)}",
         *(f"{counts[(likelihood, i)]} · {assess(scale, likelihood, i).band.letter}" for i in range(1, 6))]
        for likelihood in range(5, 0, -1)
    ]
    key = "minutes.risks.heatmap_residual" if residual else "minutes.risks.heatmap"
    return f"{strong(m.t(key))}\n\n{table(header, rows)}\n\n{escape(legend(m))}"


def legend(m: Minutes) -> str:
    """``SR = Sangat Rendah (1–5); R = Rendah (6–10); …``: what the letters mean."""
    parts = [f"{b.letter} = {b.name(m.lang)} ({b.low}–{b.high})" for b in bands_high_first(m)[::-1]]
    return m.t("minutes.risks.legend", bands="; ".join(parts))

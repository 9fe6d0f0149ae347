"""The risk form: create or edit one register row, with each refusal beside its field.

Dismisses with the saved risk (or ``None`` on Escape). Magnitude and level are previewed as
the likelihood and impact change, read through the workshop's scale, never computed here.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Input, Label, Select

from core.heatmap import needs_treatment, treatment_options
from core.i18n import _, current_language
from core.models import Risk, RiskType
from core.register import RiskSnapshot
from core.risk import assess
from core.risk_export import level_text
from data.store import WorkshopStore
from screens.forms.field_form import FieldForm, model_from
from screens.forms.field_row import FieldRow
from tui.widgets.choices import Choice

TEXT_FIELDS = ("code", "event", "cause", "impact_description", "existing_controls",
               "treatment_action", "output", "schedule")
ORDER = ("innovation_id", "type", "code", "event", "cause", "category", "impact_description",
         "impact_area", "existing_controls", "likelihood", "impact", "treatment_option",
         "treatment_action", "output", "schedule", "owner_agency_id", "residual_likelihood",
         "residual_impact")
"""The fields in the order of the register: assessment, treatment, residual."""

REQUIRED_CHOICES = ("type", "likelihood", "impact")
"""Choices that cannot be blank."""

BLANK_AS_TEXT = ("category", "impact_area", "treatment_option")
"""Choices stored as an empty string when none is chosen."""

LABEL_KEYS = {"innovation_id": "risk.col.innovation", "owner_agency_id": "risk.col.owner"}


class RiskFormScreen(FieldForm[Risk]):
    """Edit a risk (or a new one) of the workshop described by ``snapshot``."""

    def __init__(self, store: WorkshopStore, snapshot: RiskSnapshot, risk: Risk | None = None,
                 **preset: Any) -> None:
        """Edit ``risk``, or a new risk starting from ``preset`` values (innovation, cell)."""
        self.snapshot = snapshot
        self.preset = preset
        self.lang = current_language()
        super().__init__(store, risk or Risk.model_construct(**preset))

    def draft_item(self) -> Risk | dict[str, Any]:
        return self.item if self.item.id is not None else self.preset

    def heading(self) -> str:
        return _("risk.form.edit" if self.item.id is not None else "risk.form.new")

    def _initial(self, name: str) -> Any:
        value = getattr(self.item, name, None)
        return getattr(value, "value", value)

    # -- layout ------------------------------------------------------------------------------

    def rows(self) -> ComposeResult:
        for name in ORDER:
            yield FieldRow(name, _(LABEL_KEYS.get(name, f"risk.col.{name}")), self._field(name))
            if name in ("impact", "residual_impact"):
                yield Label("", id=f"preview-{name}", classes="form-preview", markup=False)

    def _field(self, name: str) -> Widget:
        value = self._initial(name)
        if name in TEXT_FIELDS:
            return Input(str(value or ""))
        options = self._options(name)
        if value and not any(v == value for _, v in options):
            options.append((str(value), value))  # a value from another reference: keep it
        start = value if any(v == value for _, v in options) else Select.NULL
        if name in REQUIRED_CHOICES and start is Select.NULL:
            start = options[0][1]
        return Choice(options, value=start, allow_blank=name not in REQUIRED_CHOICES, prompt=_("risk.form.choose"))

    def _options(self, name: str) -> list[tuple[str, Any]]:
        ref = self.snapshot.reference
        if name == "innovation_id":
            return [(title, iid) for iid, title in self.snapshot.innovations]
        if name == "type":
            return [(_(f"enum.RiskType.{t.value}"), t.value) for t in RiskType]
        if name == "category":
            return [(label(self.lang), label.id) for label in ref.risk_categories]
        if name == "impact_area":
            return [(label(self.lang), label.id) for label in ref.impact_areas]
        if name == "treatment_option":
            return self._treatment_options(self._initial("type") or RiskType.NEGATIVE.value)
        if name == "owner_agency_id":
            return [(a.abbreviation, a.id) for a in self.snapshot.agencies]
        scale = ref.risk_scale.likelihood if "likelihood" in name else ref.risk_scale.impact
        return [(f"{n} {label(self.lang)}", n) for n, label in enumerate(scale, 1)]

    def _treatment_options(self, risk_type: str) -> list[tuple[str, str]]:
        return [(o(self.lang), o.id) for o in treatment_options(self.snapshot.reference, risk_type)]

    def on_mount(self) -> None:
        self._preview()

    # -- reacting to edits -------------------------------------------------------------------

    @on(Select.Changed, "#field-type")
    def change_type(self, event: Select.Changed) -> None:
        """Offer the treatment options of the chosen type (negative: mitigasi…, positive: …)."""
        options = self.query_one("#field-treatment_option", Choice)
        current = options.value
        choices = self._treatment_options(str(event.value))
        options.set_options(choices)
        if any(v == current for _, v in choices):
            options.value = current

    @on(Select.Changed)
    def preview_change(self) -> None:
        """Update the magnitude and level previews."""
        self._preview()

    def _preview(self) -> None:
        values = self.values()
        self._show_preview("impact", values.get("likelihood"), values.get("impact"), inherent=True)
        self._show_preview("residual_impact", values.get("residual_likelihood"), values.get("residual_impact"))

    def _show_preview(self, where: str, likelihood: Any, impact: Any, inherent: bool = False) -> None:
        label = self.query_one(f"#preview-{where}", Label)
        if not isinstance(likelihood, int) or not isinstance(impact, int):
            label.update("")
            return
        found = assess(self.snapshot.reference.risk_scale, likelihood, impact)
        text = _("risk.form.preview", magnitude=found.magnitude, level=level_text(found.band, self.lang))
        if inherent:
            probe = Risk(innovation_id=0, event="-", likelihood=likelihood, impact=impact)
            if needs_treatment(self.snapshot.reference.risk_scale, probe, self.snapshot.appetite):
                text += " · " + _("risk.form.needs_treatment", appetite=self.snapshot.appetite)
        label.update(text)

    # -- saving ------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        values = super().values()
        for name in BLANK_AS_TEXT:
            values[name] = values[name] or ""
        return values

    def validate(self, values: dict[str, Any]) -> tuple[Risk | None, dict[str, str]]:
        values = dict(values)
        if values["innovation_id"] is None:
            del values["innovation_id"]  # reported as "Required."
        stored = self.item.model_dump() if self.item.id is not None else {}
        risk, errors = model_from(Risk, {**stored, **values})
        errors = {**errors, **_residual_pair(values)}
        return (None, errors) if errors else (risk, {})


def _residual_pair(values: dict[str, Any]) -> dict[str, str]:
    """Residual likelihood and impact come together, or not at all."""
    pair = ("residual_likelihood", "residual_impact")
    missing = [name for name in pair if values[name] is None]
    return {missing[0]: _("risk.form.residual_pair")} if len(missing) == 1 else {}

"""The risk form: create or edit one register row, with each validation message beside its field;
and the question asked before a risk is deleted.

A ``ModalScreen[Risk | None]``: it validates and dismisses with the risk to save (or ``None``
on Escape); the caller saves it in a worker. Magnitude and level are previewed as the
likelihood and impact change, read through the workshop's scale, never computed here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Select

from core.heatmap import needs_treatment, treatment_options
from core.i18n import _, current_language, translator
from core.models import Risk, RiskType
from core.register import RiskSnapshot
from core.risk import assess
from core.risk_export import level_text
from core.validation import MODEL_FIELD, field_errors
from screens.forms.kept_form import KeptForm
from tui.keys import Translated

TEXT_FIELDS = ("code", "event", "cause", "impact_description", "existing_controls",
               "treatment_action", "output", "schedule")
SELECT_FIELDS = ("innovation_id", "type", "category", "impact_area", "likelihood", "impact",
                 "treatment_option", "owner_agency_id", "residual_likelihood", "residual_impact")
ORDER = ("innovation_id", "type", "code", "event", "cause", "category", "impact_description",
         "impact_area", "existing_controls", "likelihood", "impact", "treatment_option",
         "treatment_action", "output", "schedule", "owner_agency_id", "residual_likelihood",
         "residual_impact")
"""The fields in the order of the register: assessment, treatment, residual."""

LABEL_KEYS = {"innovation_id": "risk.col.innovation", "owner_agency_id": "risk.col.owner"}


class RiskFormScreen(Translated, KeptForm, ModalScreen[Risk | None]):
    """Edit a risk (or a new one) of the workshop described by ``snapshot``."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    BINDINGS = [
        Binding("ctrl+s", "save", "keys.risk_save", id="risk_form.save"),
        Binding("escape", "cancel", "keys.risk_cancel", id="risk_form.cancel"),
    ]

    def __init__(self, snapshot: RiskSnapshot, risk: Risk | None = None, **preset: Any) -> None:
        """Edit ``risk``, or a new risk starting from ``preset`` values (innovation, cell)."""
        super().__init__(id="risk-form")
        self.snapshot = snapshot
        self.risk = risk
        self.lang = current_language()
        self.initial = risk.model_dump() if risk else preset

    # -- layout ------------------------------------------------------------------------------

    def kept_item(self) -> Risk | dict[str, Any]:
        return self.risk or self.initial

    def compose(self) -> ComposeResult:
        with Vertical(id="risk-form-panel"):
            title = "risk.form.edit" if self.risk else "risk.form.new"
            yield Label(_(title), id="risk-form-title")
            with VerticalScroll(id="risk-form-fields"):
                for name in ORDER:
                    yield from self._field_row(name)
                    if name in ("impact", "residual_impact"):
                        yield Label("", id=f"preview-{name}", classes="risk-preview", markup=False)
            yield Label("", id=f"error-{MODEL_FIELD}", classes="field-error", markup=False)
            yield Label(_("risk.form.hint"), id="risk-form-hint")

    def _field_row(self, name: str) -> ComposeResult:
        with Horizontal(classes="field-row"):
            yield Label(_(LABEL_KEYS.get(name, f"risk.col.{name}")), classes="field-label")
            with Vertical(classes="field-input"):
                yield self._input(name)
                yield Label("", id=f"error-{name}", classes="field-error", markup=False)

    def _input(self, name: str) -> Widget:
        value = self.initial.get(name)
        if name in TEXT_FIELDS:
            return Input(str(value or ""), id=f"field-{name}", compact=True)
        options = self._options(name)
        if value and not any(v == value for _, v in options):
            options.append((str(value), value))  # a value from another reference: keep it
        allow_blank = name not in ("type", "likelihood", "impact")
        start = value if any(v == value for _, v in options) else Select.NULL
        if not allow_blank and start is Select.NULL:
            start = options[0][1]
        return Select(options, value=start, allow_blank=allow_blank, id=f"field-{name}", compact=True,
                      prompt=_("risk.form.choose"))

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
            return self._treatment_options(self.initial.get("type") or RiskType.NEGATIVE)
        if name == "owner_agency_id":
            return [(a.abbreviation, a.id) for a in self.snapshot.agencies]
        scale = ref.risk_scale.likelihood if "likelihood" in name else ref.risk_scale.impact
        return [(f"{n} {label(self.lang)}", n) for n, label in enumerate(scale, 1)]

    def _treatment_options(self, risk_type: str) -> list[tuple[str, str]]:
        return [(o(self.lang), o.id) for o in treatment_options(self.snapshot.reference, risk_type)]

    def on_mount(self) -> None:
        self.query_one("#field-event", Input).focus()
        self._preview()

    # -- reacting to edits -------------------------------------------------------------------

    @on(Select.Changed, "#field-type")
    def change_type(self, event: Select.Changed) -> None:
        """Offer the treatment options of the chosen type (negative: mitigasi…, positive: …)."""
        options = self.query_one("#field-treatment_option", Select)
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
        values = self._values()
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

    def _values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name in TEXT_FIELDS:
            values[name] = self.query_one(f"#field-{name}", Input).value
        for name in SELECT_FIELDS:
            value = self.query_one(f"#field-{name}", Select).value
            values[name] = None if value is Select.NULL else value
        values["category"] = values["category"] or ""
        values["impact_area"] = values["impact_area"] or ""
        values["treatment_option"] = values["treatment_option"] or ""
        return values

    def _validated(self) -> tuple[Risk | None, dict[str, str]]:
        values = self._values()
        if values["innovation_id"] is None:
            del values["innovation_id"]  # reported as "Required."
        errors = _residual_pair(values)
        try:
            risk = Risk.model_validate({**(self.risk.model_dump() if self.risk else {}), **values})
        except ValidationError as exc:
            return None, {**field_errors(exc, translator(self.lang)), **errors}
        return (None, errors) if errors else (risk, {})

    def _show_errors(self, errors: dict[str, str]) -> None:
        for label in self.query(".field-error").results(Label):
            field = (label.id or "").removeprefix("error-")
            label.update(errors.get(field, ""))
            label.set_class(field in errors, "-shown")
        first = next((n for n in ORDER if n in errors), None)
        if first:
            self.query_one(f"#field-{first}").focus()

    def action_save(self) -> None:
        """Validate; dismiss with the risk, or show why each refused field was refused."""
        risk, errors = self._validated()
        self._show_errors(errors)
        if risk is not None:
            self.dismiss(risk)

    @on(Input.Submitted)
    def submit(self) -> None:
        """Enter in a text field saves, like Ctrl+S."""
        self.action_save()


def _residual_pair(values: dict[str, Any]) -> dict[str, str]:
    """Residual likelihood and impact come together, or not at all."""
    pair = ("residual_likelihood", "residual_impact")
    missing = [name for name in pair if values[name] is None]
    return {missing[0]: _("risk.form.residual_pair")} if len(missing) == 1 else {}


class ConfirmDeleteScreen(Translated, ModalScreen[bool]):
    """Asks once before a risk is deleted: ``y`` deletes, ``n`` or Escape keeps it."""

    BINDINGS = [
        Binding("y", "dismiss(True)", "keys.risk_confirm", id="risk_delete.yes"),
        Binding("n,escape", "dismiss(False)", "keys.risk_cancel", id="risk_delete.no"),
    ]

    DEFAULT_CSS = """
    ConfirmDeleteScreen { align: center middle; }
    ConfirmDeleteScreen > Vertical {
        width: 60; height: auto; padding: 1 2;
        border: thick $error; background: $surface;
    }
    """

    def __init__(self, event: str) -> None:
        super().__init__()
        self.event = event

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(_("risk.delete.question", event=self.event), markup=False)
            yield Label(_("risk.delete.hint"))

"""Validation messages in the user's language, one per field, for forms and the CLI.

Pydantic reports errors in English; here each error's ``type`` becomes a catalog key
(``validation.<type>``) filled from the error's context, so a form can show, beside the
field, why its value was refused.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from core.i18n import Translator

MODEL_FIELD = "__model__"
"""The field name of an error about the model as a whole (e.g. end year before start)."""


def field_errors(exc: ValidationError, tr: Translator) -> dict[str, str]:
    """One translated message per field (the first error of each), keyed by field name."""
    messages: dict[str, str] = {}
    for error in exc.errors():
        field = str(error["loc"][0]) if error["loc"] else MODEL_FIELD
        messages.setdefault(field, explain(error["type"], error.get("ctx") or {}, tr))
    return messages


def explain(kind: str, context: dict[str, Any], tr: Translator) -> str:
    """The message for one pydantic error type, e.g. ``too_long`` → 'At most 300 characters'."""
    values = {k: v for k, v in context.items() if isinstance(v, (int, float, str))}
    text = tr(f"validation.{kind}", **values)
    return tr("validation.invalid") if text == f"validation.{kind}" else text

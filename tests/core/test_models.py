"""Domain validation, with messages in the user's language."""

from datetime import datetime

import pytest
from pydantic import ValidationError

from core.i18n import translator
from core.models import ActionStep, Innovation, Note, Workshop
from core.validation import MODEL_FIELD, field_errors


def errors_of(build, lang="en") -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        build()
    return field_errors(caught.value, translator(lang))


def test_an_element_must_belong_to_the_dimension():
    found = errors_of(lambda: Innovation(title="Sikonde", dimension="BRA", element="GOV-1"))
    assert found == {MODEL_FIELD: "This element is not in the chosen dimension."}


def test_a_title_is_required_in_both_languages():
    assert errors_of(lambda: Innovation(title="", dimension="GOV", element="GOV-1"))["title"].startswith("Required")
    assert errors_of(lambda: Innovation(title="", dimension="GOV", element="GOV-1"), "id")["title"].startswith("Wajib")


def test_a_huge_paste_is_refused_with_its_limit():
    found = errors_of(lambda: Note(text="x" * 20_001, created_at=datetime(2024, 7, 2)), "id")
    assert found["text"] == "Terlalu panjang: paling banyak 20000 karakter."


def test_action_step_years_and_amounts():
    assert errors_of(lambda: ActionStep(innovation_id=1, activity="a", start_year=2027, end_year=2025)) == {
        MODEL_FIELD: "The end year is before the start year."
    }
    negative = errors_of(lambda: ActionStep(innovation_id=1, activity="a", start_year=2025, end_year=2026,
                                            budget={2025: -5}))
    assert negative["budget"] == "An amount cannot be negative."


def test_the_horizon_defaults_to_2025_2034():
    workshop = Workshop(region="Kabupaten Serang")
    assert list(workshop.years) == list(range(2025, 2035))


def test_a_note_of_control_characters_or_spaces_is_refused():
    for blank in ("\x00\x07", "   \n "):
        found = errors_of(lambda: Note(text=blank, created_at=datetime(2024, 7, 2)))
        assert found["text"].startswith("Required")

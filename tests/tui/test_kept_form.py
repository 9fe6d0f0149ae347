"""Form drafts (``screens/kept_form.py``): which form a draft belongs to, and writes in order."""

from __future__ import annotations

from datetime import datetime

from core.models import ActionStep, Innovation, Note, Workshop
from data.workshops import new_workshop
from screens.forms.kept_form import draft_key


def test_a_draft_belongs_to_one_item_or_to_where_a_new_one_was_begun() -> None:
    card = Innovation(id=7, title="Serang Tatu", dimension="GOV", element="GOV-1")
    assert draft_key("InnovationForm", card) == "form:InnovationForm:7"
    new_gov = Innovation(title="x", dimension="GOV", element="GOV-1")
    new_gov_later = Innovation(title="x", dimension="GOV", element="GOV-2", position=9)
    new_eco = Innovation(title="x", dimension="ECO", element="ECO-1")
    assert draft_key("InnovationForm", new_gov) == draft_key("InnovationForm", new_gov_later)
    assert draft_key("InnovationForm", new_gov) != draft_key("InnovationForm", new_eco)
    step = ActionStep(innovation_id=3, activity="a", start_year=2025, end_year=2025)
    assert draft_key("ActionStepForm", step) != draft_key("ActionStepForm", step.model_copy(update={"innovation_id": 4}))
    assert draft_key("RiskFormScreen", {"innovation_id": 3}).startswith("form:RiskFormScreen:new:")


def test_an_older_write_never_replaces_a_newer_one(tmp_path) -> None:
    """A periodic save that finishes late must not bring back a draft that closing dropped."""
    store = new_workshop(tmp_path / "w.rembuk", Workshop(region="Kabupaten Uji"))
    try:
        key = "form:Test:1"
        store.save_draft(key, '{"a": "second"}', 1002)
        store.save_draft(key, '{"a": "first"}', 1001)
        assert store.draft(key) == '{"a": "second"}'
        store.save_draft(key, "", 1003)  # the form closed
        store.save_draft(key, '{"a": "late"}', 1002)
        assert store.draft(key) == ""
    finally:
        store.close()


def test_a_note_commit_outranks_earlier_drafts(tmp_path) -> None:
    """The note line: a draft save decided before the commit landed cannot land after it (it
    still holds the note), while one decided after the commit is written."""
    from data.notes import capture_note

    store = new_workshop(tmp_path / "w.rembuk", Workshop(region="Kabupaten Uji"))
    try:
        draft_before_commit = store.draft_number()
        capture_note(store, Note(text="Dinsos data DTKS", created_at=datetime(2024, 7, 2, 9)), "capture")
        assert not store.save_draft("capture", "Dinsos data DTKS", draft_before_commit)
        assert store.draft("capture") == ""
        assert store.save_draft("capture", "next note", store.draft_number())
        assert store.draft("capture") == "next note"
    finally:
        store.close()


def test_draft_order_is_per_store(tmp_path) -> None:
    """Two open workshops do not outrank each other's drafts."""
    first = new_workshop(tmp_path / "a.rembuk", Workshop(region="Kabupaten Uji"))
    second = new_workshop(tmp_path / "b.rembuk", Workshop(region="Kabupaten Uji"))
    try:
        older = first.draft_number()
        for _ in range(3):
            second.save_draft("capture", "elsewhere", second.draft_number())
        assert first.save_draft("capture", "here", older)
        assert first.draft("capture") == "here"
    finally:
        first.close()
        second.close()

"""Form drafts (``screens/kept_form.py``): which form a draft belongs to, and writes in order."""

from __future__ import annotations

from core.models import ActionStep, Innovation, Workshop
from data.workshops import new_workshop
from screens.forms.kept_form import draft_key, write_draft


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
        write_draft(store, key, '{"a": "second"}', 1002)
        write_draft(store, key, '{"a": "first"}', 1001)
        assert store.draft(key) == '{"a": "second"}'
        write_draft(store, key, "", 1003)  # the form closed
        write_draft(store, key, '{"a": "late"}', 1002)
        assert store.draft(key) == ""
    finally:
        store.close()


def test_a_note_commit_outranks_earlier_drafts_and_always_runs() -> None:
    """The note line: a draft save decided before Enter cannot land after the commit, and a
    commit is never skipped, even behind a newer write."""
    from screens.support.draft_order import in_order, ticket

    key, done = "capture-test", []
    draft_before_enter, commit = ticket(), ticket()
    assert in_order(key, commit, lambda: done.append("commit") or "note", always=True) == "note"
    assert in_order(key, draft_before_enter, lambda: done.append("stale draft")) is None
    second_commit, newer_draft = ticket(), ticket()
    in_order(key, newer_draft, lambda: done.append("newer draft"))
    in_order(key, second_commit, lambda: done.append("second commit"), always=True)
    assert done == ["commit", "newer draft", "second commit"]

"""The board's queries and moves, against a real workshop file in a temporary folder."""

from __future__ import annotations

from datetime import datetime

import pytest

from core.models import (
    ActionStep,
    Innovation,
    InnovationStatus,
    Note,
    QuickWin,
    QuickWinScore,
    Risk,
    TargetType,
    Workshop,
)
from data import errors
from data import innovations as board
from data.innovations import BoardFilter, Grouping
from data.store import WorkshopStore
from data.stress import StressSize, create_stress
from data.workshops import new_workshop


@pytest.fixture
def store(tmp_path):
    opened = new_workshop(tmp_path / "w.rembuk", Workshop(region="Kabupaten Uji"))
    yield opened
    opened.close()


def add(store, title, element="GOV-1", **fields) -> Innovation:
    return board.create(store, Innovation(title=title, dimension=element[:3], element=element, **fields))


def titles(cards) -> list[str]:
    return [c.innovation.title for c in cards]


def test_existing_cards_come_first_then_by_position(store):
    add(store, "new one")
    add(store, "old one", status=InnovationStatus.EXISTING)
    add(store, "new two")
    cards = board.board_cards(store, BoardFilter("GOV"))
    assert titles(cards) == ["old one", "new one", "new two"]


def test_a_board_shows_only_its_dimension(store):
    add(store, "governance")
    add(store, "economy", element="ECO-2")
    assert titles(board.board_cards(store, BoardFilter("ECO"))) == ["economy"]


def test_filters_by_agency_led_or_supporting(store):
    add(store, "led", lead_agency_id=1)
    add(store, "supported", lead_agency_id=2, supporting_agency_ids=[1, 3])
    add(store, "other", lead_agency_id=2)
    assert titles(board.board_cards(store, BoardFilter("GOV", agency_id=1))) == ["led", "supported"]


def test_filters_by_status_and_candidacy(store):
    add(store, "running", status=InnovationStatus.EXISTING)
    add(store, "candidate", quick_win=QuickWin.CANDIDATE)
    add(store, "chosen", quick_win=QuickWin.SELECTED)
    assert titles(board.board_cards(store, BoardFilter("GOV", status=InnovationStatus.EXISTING))) == ["running"]
    assert titles(board.board_cards(store, BoardFilter("GOV", candidates_only=True))) == ["candidate", "chosen"]


def test_search_matches_every_word_in_any_text_field(store):
    add(store, "Serang Tatu", problem="one-stop service")
    add(store, "Sikonde", beneficiaries="tourism villages")
    add(store, "100% literal_name")
    assert titles(board.board_cards(store, BoardFilter("GOV", search="tatu SERVICE"))) == ["Serang Tatu"]
    assert titles(board.board_cards(store, BoardFilter("GOV", search="villag"))) == ["Sikonde"]
    assert titles(board.board_cards(store, BoardFilter("GOV", search="0%"))) == ["100% literal_name"]
    assert titles(board.board_cards(store, BoardFilter("GOV", search="l_n"))) == ["100% literal_name"]
    assert board.board_cards(store, BoardFilter("GOV", search="x_y")) == []


def test_cards_carry_counts_and_highest_risk(store):
    card = add(store, "with things")
    store.save(ActionStep(innovation_id=card.id, activity="build", start_year=2025, end_year=2026))
    store.save(Risk(innovation_id=card.id, event="delay", likelihood=2, impact=2))
    store.save(Risk(innovation_id=card.id, event="outage", likelihood=4, impact=5))
    store.save(Note(text="said", target_type=TargetType.INNOVATION, target_id=card.id,
                    created_at=datetime(2024, 7, 2, 9)))
    [found] = board.board_cards(store, BoardFilter("GOV"))
    assert (found.notes, found.steps, found.risk.key) == (1, 1, "very_high")


def test_group_by_element_lists_every_element_even_empty(store):
    add(store, "a", element="GOV-2")
    groups = board.group_cards(board.board_cards(store, BoardFilter("GOV")), Grouping.ELEMENT,
                               store.reference(), "GOV", [])
    assert [g.key for g in groups] == ["GOV-1", "GOV-2", "GOV-3"]
    assert [titles(g.cards) for g in groups] == [[], ["a"], []]


def test_group_by_agency_lists_leading_agencies_and_a_group_for_none(store):
    add(store, "b", lead_agency_id=2)
    add(store, "none")
    agencies = store.all(board.Agency)
    groups = board.group_cards(board.board_cards(store, BoardFilter("GOV")), Grouping.AGENCY,
                               store.reference(), "GOV", agencies)
    assert [g.key for g in groups] == ["2", board.NO_AGENCY]


def test_move_to_another_element_puts_the_card_at_its_end(store):
    first = add(store, "first", element="GOV-2")
    moving = add(store, "moving")
    moved = board.move_to_group(store, moving, Grouping.ELEMENT, "GOV-2")
    assert moved.element == "GOV-2" and moved.position > first.position
    assert store.get(Innovation, moving.id).element == "GOV-2"


def test_move_to_another_agency_changes_the_lead(store):
    card = add(store, "card", lead_agency_id=1)
    board.move_to_group(store, card, Grouping.AGENCY, "3")
    assert store.get(Innovation, card.id).lead_agency_id == 3
    board.move_to_group(store, store.get(Innovation, card.id), Grouping.AGENCY, board.NO_AGENCY)
    assert store.get(Innovation, card.id).lead_agency_id is None


def test_a_stale_move_is_refused(store):
    card = add(store, "card")
    store.save(card.model_copy(update={"title": "renamed"}))
    with pytest.raises(errors.StaleEdit):
        board.move_to_group(store, card, Grouping.ELEMENT, "GOV-3")


def test_swap_reorders_two_cards(store):
    a, b = add(store, "a"), add(store, "b")
    board.swap_positions(store, a, b)
    assert titles(board.board_cards(store, BoardFilter("GOV"))) == ["b", "a"]


def test_swap_spreads_cards_that_share_a_position(store):
    a = store.save(Innovation(title="a", dimension="GOV", element="GOV-1"))
    b = store.save(Innovation(title="b", dimension="GOV", element="GOV-1"))
    board.swap_positions(store, a, b)
    assert titles(board.board_cards(store, BoardFilter("GOV"))) == ["b", "a"]


def test_delete_and_restore_bring_back_everything(store):
    card = add(store, "doomed")
    store.save(ActionStep(innovation_id=card.id, activity="build", start_year=2025, end_year=2026))
    store.save(Risk(innovation_id=card.id, event="delay"))
    store.save(QuickWinScore(innovation_id=card.id, criterion="fast", score=4))
    before = store.bundle().content()
    deleted = board.delete(store, card.id)
    assert store.all(Innovation) == [] and store.all(ActionStep) == [] and store.all(Risk) == []
    board.restore(store, deleted)
    assert store.bundle().content() == before


def test_deleting_a_gone_card_says_so(store):
    with pytest.raises(errors.Gone):
        board.delete(store, 999)


def test_restore_takes_a_new_id_when_its_own_was_reused(store):
    card = add(store, "doomed")
    store.save(Risk(innovation_id=card.id, event="delay"))
    deleted = board.delete(store, card.id)
    squatter = add(store, "squatter")
    assert squatter.id == card.id  # SQLite reuses the highest rowid
    back = board.restore(store, deleted)
    assert back.id != card.id and store.get(Innovation, back.id).title == "doomed"
    assert [r.innovation_id for r in store.all(Risk)] == [back.id]


def test_the_stress_generator_fills_every_dimension(tmp_path):
    create_stress(tmp_path / "s.rembuk", StressSize(innovations=300, steps=0, risks=0, notes=0)).close()
    reopened = WorkshopStore.open(tmp_path / "s.rembuk")
    try:
        counts = {d: len(board.board_cards(reopened, BoardFilter(d))) for d in ("GOV", "BRA", "ECO", "LIV", "SOC", "ENV")}
    finally:
        reopened.close()
    assert sum(counts.values()) == 300 and all(counts.values())

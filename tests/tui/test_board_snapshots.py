"""SVG snapshots of a dimension board (pytest-textual-snapshot); each says what it proves."""

from __future__ import annotations

from core.models import Innovation, InnovationStatus, QuickWin, ReviewOutcome, Risk
from data import innovations as board
from data.store import WorkshopStore
from tests.support import press, settle
from tui.app import make_app


def seed_fgd(path) -> None:
    """A Smart Governance FGD halfway through: reviewed existing cards, new ones, a candidate."""
    store = WorkshopStore.open(path)
    cards = [
        ("Serang Tatu", "GOV-1", InnovationStatus.EXISTING, 3, ReviewOutcome.IMPROVE, QuickWin.CANDIDATE),
        ("SIPD Perencanaan", "GOV-2", InnovationStatus.EXISTING, 2, ReviewOutcome.CONTINUE, QuickWin.NONE),
        ("E-Kinerja ASN", "GOV-2", InnovationStatus.EXISTING, 5, None, QuickWin.NONE),
        ("Mal Pelayanan Publik", "GOV-1", InnovationStatus.NEW, 8, None, QuickWin.NONE),
        ("Perbup Satu Data", "GOV-3", InnovationStatus.NEW, 3, None, QuickWin.NONE),
    ]
    for title, element, status, agency, outcome, quick_win in cards:
        improvement = "Integrate the IKD digital ID and e-signatures" if outcome is ReviewOutcome.IMPROVE else ""
        saved = board.create(store, Innovation(
            title=title, dimension="GOV", element=element, status=status, lead_agency_id=agency,
            review_outcome=outcome, improvement=improvement, quick_win=quick_win))
        if title == "Serang Tatu":
            store.save(Risk(innovation_id=saved.id, event="Server down", likelihood=4, impact=4))
    store.close()


async def open_governance(pilot) -> None:
    await settle(pilot)
    await press(pilot, "1")


def test_board_at_80x24(snap_compare, workshop_path):
    """At 80×24 the three element columns fit side by side; the focused column's title is
    marked (▶, reverse video) and its first card highlighted (a ▶ mark, its title on a bar);
    existing cards stand under their heading above the new ones, with review outcome (and, for
    'improve', how), quick-win candidacy and risk level in words; the footer keeps its key
    hints."""
    seed_fgd(workshop_path)
    assert snap_compare(make_app(workshop_path), terminal_size=(80, 24), run_before=open_governance)


def test_board_by_agency_at_160x48(snap_compare, workshop_path):
    """At 160×48, grouped by agency (g): one column per lead agency, in alphabetical order,
    sharing the width exactly, the focus still on the card that had it (Serang Tatu), the
    grouping named in the bar."""
    seed_fgd(workshop_path)

    async def grouped(pilot) -> None:
        await open_governance(pilot)
        await press(pilot, "g")

    assert snap_compare(make_app(workshop_path), terminal_size=(160, 48), run_before=grouped)


def test_card_form_with_a_missing_title_at_80x24(snap_compare, workshop_path):
    """The new-card form fits 80×24 with one line per field; saving it without a title puts
    the message beside the title, in words, and leaves the cursor there."""
    seed_fgd(workshop_path)

    async def empty_save(pilot) -> None:
        await open_governance(pilot)
        await press(pilot, "a", "enter")

    assert snap_compare(make_app(workshop_path), terminal_size=(80, 24), run_before=empty_save)


def test_quick_win_ranking_at_80x24(snap_compare, workshop_path):
    """The ranking explains itself: the chosen quick win is marked with a star and the words
    'Quick win', and the table below shows each criterion's score × weight = points, with the
    unscored ones said to be 'not scored'."""
    seed_fgd(workshop_path)

    async def scored(pilot) -> None:
        await open_governance(pilot)
        await press(pilot, "p", "4", "right", "5", "space")

    assert snap_compare(make_app(workshop_path), terminal_size=(80, 24), run_before=scored)

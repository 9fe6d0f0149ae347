"""The FGD flow on a dimension board, driven by keys through Pilot, checked in the workshop file."""

from __future__ import annotations

from core.models import Innovation, InnovationStatus, Note, ReviewOutcome, TargetType
from data.store import WorkshopStore
from screens.board import BoardScreen
from screens.forms.innovation_form import InnovationForm
from screens.innovation_detail import InnovationDetailScreen
from tests.support import press, settle
from tui.app import make_app
from tui.widgets.innovation_card import BoardColumn


def stored(path) -> dict[str, Innovation]:
    store = WorkshopStore.open(path)
    try:
        return {i.title: i for i in store.all(Innovation)}
    finally:
        store.close()


def visible_titles(screen: BoardScreen) -> list[list[str]]:
    return [[c.innovation.title for c in column.cards] for column in screen.board.columns]


async def open_board(pilot, key: str = "1") -> BoardScreen:
    await settle(pilot)
    await press(pilot, key)
    assert isinstance(pilot.app.screen, BoardScreen)
    return pilot.app.screen


async def test_digits_and_enter_open_a_dimension_board(seeded_path):
    async with make_app(seeded_path).run_test(size=(120, 40)) as pilot:
        board = await open_board(pilot, "3")
        assert board.dimension == "ECO"
        await press(pilot, "escape", "left", "enter")
        assert pilot.app.screen.dimension == "BRA"


async def test_board_lists_existing_cards_first_in_element_columns(seeded_path):
    async with make_app(seeded_path).run_test(size=(120, 40)) as pilot:
        board = await open_board(pilot)
        assert [c.key for c in board.board.columns] == ["GOV-1", "GOV-2", "GOV-3"]
        assert visible_titles(board) == [["Serang Tatu", "Mal Pelayanan Publik"], ["E-Kinerja"],
                                         ["Perbup Satu Data"]]
        assert board.card.innovation.title == "Serang Tatu"


async def test_create_a_card_in_the_focused_element(seeded_path):
    async with make_app(seeded_path).run_test(size=(120, 40)) as pilot:
        board = await open_board(pilot)
        await press(pilot, "l", "a")
        assert isinstance(pilot.app.screen, InnovationForm)
        await pilot.press(*"Lapor Bupati")
        await press(pilot, "enter")
        assert pilot.app.screen is board
        created = stored(seeded_path)["Lapor Bupati"]
        assert (created.element, created.status) == ("GOV-2", InnovationStatus.NEW)
        assert board.card.innovation.id == created.id


async def test_the_form_shows_a_missing_title_beside_the_field(seeded_path):
    async with make_app(seeded_path).run_test(size=(120, 40)) as pilot:
        await open_board(pilot)
        await press(pilot, "a", "enter")
        form = pilot.app.screen
        assert isinstance(form, InnovationForm)
        assert "Required" in form.row("title").refusal and "Required" in str(form.query_one("#error-title").render())
        assert form.row("element").refusal == ""
        await press(pilot, "escape")
        assert len(stored(seeded_path)) == 4


async def test_review_steps_an_existing_card_through_the_outcomes(seeded_path):
    async with make_app(seeded_path).run_test(size=(120, 40)) as pilot:
        board = await open_board(pilot)
        await press(pilot, "r", "r")
        assert stored(seeded_path)["Serang Tatu"].review_outcome is ReviewOutcome.IMPROVE
        await press(pilot, "j")
        assert board.card.innovation.title == "Mal Pelayanan Publik"
        assert board.check_action("review", ()) is None  # a new card has nothing to review


async def test_move_a_card_to_the_next_element_and_back(seeded_path):
    async with make_app(seeded_path).run_test(size=(120, 40)) as pilot:
        board = await open_board(pilot)
        await press(pilot, "right_curly_bracket")
        assert stored(seeded_path)["Serang Tatu"].element == "GOV-2"
        assert board.column.key == "GOV-2" and board.card.innovation.title == "Serang Tatu"
        await press(pilot, "shift+left")
        assert stored(seeded_path)["Serang Tatu"].element == "GOV-1"


async def test_reorder_keeps_existing_cards_above_new_ones(seeded_path):
    async with make_app(seeded_path).run_test(size=(120, 40)) as pilot:
        board = await open_board(pilot)
        await press(pilot, "l", "a")
        await pilot.press(*"E-Office")
        await press(pilot, "enter", "a")
        await pilot.press(*"Sistem Merit")
        await press(pilot, "enter")
        assert visible_titles(board)[1] == ["E-Kinerja", "E-Office", "Sistem Merit"]
        await press(pilot, "left_square_bracket")
        assert visible_titles(board)[1] == ["E-Kinerja", "Sistem Merit", "E-Office"]
        await press(pilot, "shift+up")  # would put a new card above an existing one
        assert visible_titles(board)[1] == ["E-Kinerja", "Sistem Merit", "E-Office"]


async def test_search_as_you_type_and_filters(seeded_path):
    async with make_app(seeded_path).run_test(size=(120, 40)) as pilot:
        board = await open_board(pilot)
        await press(pilot, "slash", *"pel")
        assert visible_titles(board) == [["Mal Pelayanan Publik"], [], []]
        await press(pilot, "escape")
        assert board.column is not None and board.card.innovation.title == "Mal Pelayanan Publik"
        await press(pilot, "slash", "ctrl+u", "enter", "s")
        assert visible_titles(board) == [["Serang Tatu"], ["E-Kinerja"], []]
        await press(pilot, "s")
        assert visible_titles(board) == [["Mal Pelayanan Publik"], [], ["Perbup Satu Data"]]


async def test_candidate_filter_shows_only_quick_win_candidates(seeded_path):
    async with make_app(seeded_path).run_test(size=(120, 40)) as pilot:
        board = await open_board(pilot)
        await press(pilot, "j", "w", "c")
        assert visible_titles(board) == [["Mal Pelayanan Publik"], [], []]
        await press(pilot, "c")
        assert len(sum(visible_titles(board), [])) == 4


async def test_group_by_agency(seeded_path):
    async with make_app(seeded_path).run_test(size=(120, 40)) as pilot:
        board = await open_board(pilot)
        await press(pilot, "g")
        assert [c.key for c in board.board.columns] == ["5", "3", "8"]  # BKPSDM, Diskominfosatik, DPMPTSP
        assert visible_titles(board)[1] == ["Serang Tatu", "Perbup Satu Data"]
        assert board.card.innovation.title == "Serang Tatu"
        await press(pilot, "left_curly_bracket")
        assert stored(seeded_path)["Serang Tatu"].lead_agency_id == 5


async def test_delete_asks_first_and_ctrl_z_brings_the_card_back_highlighted(seeded_path):
    async with make_app(seeded_path, language="en").run_test(size=(120, 40)) as pilot:
        board = await open_board(pilot)
        await press(pilot, "x", "n")
        assert "Serang Tatu" in stored(seeded_path)
        await press(pilot, "x", "y")
        assert "Serang Tatu" not in stored(seeded_path)
        assert board.card.innovation.title == "Mal Pelayanan Publik"
        lines = [str(n.message) for n in pilot.app._notifications]
        assert "Deleted “Serang Tatu”. Ctrl+Z brings it back." in lines
        await press(pilot, "ctrl+z")
        assert "Serang Tatu" in stored(seeded_path)
        assert visible_titles(board)[0] == ["Serang Tatu", "Mal Pelayanan Publik"]
        assert board.card.innovation.title == "Serang Tatu"
        assert "undo" not in {b.action for b in board.BINDINGS if not isinstance(b, tuple)}


async def test_the_card_detail_leads_to_its_action_plan_and_its_risks(seeded_path):
    from screens.action_plan import ActionPlanScreen
    from screens.risk_register import RiskRegisterScreen

    async with make_app(seeded_path).run_test(size=(120, 40)) as pilot:
        await open_board(pilot)
        await press(pilot, "enter")
        detail = pilot.app.screen
        assert isinstance(detail, InnovationDetailScreen)
        assert detail.details.innovation.title == "Serang Tatu"
        await press(pilot, "p")
        assert isinstance(pilot.app.screen, ActionPlanScreen)
        assert pilot.app.screen.innovation_id == detail.innovation_id
        await press(pilot, "escape")
        await press(pilot, "r")
        assert isinstance(pilot.app.screen, RiskRegisterScreen)
        assert pilot.app.screen.filters.innovation_id == detail.innovation_id
        await press(pilot, "escape")
        assert pilot.app.screen is detail
        await press(pilot, "escape")
        assert isinstance(pilot.app.screen, BoardScreen)


async def test_a_note_attaches_to_the_focused_card_or_the_dimension(seeded_path):
    async with make_app(seeded_path).run_test(size=(120, 40)) as pilot:
        board = await open_board(pilot)
        context = board.capture_context()
        assert (context.target_type, context.target_id) == (TargetType.INNOVATION, board.card.innovation.id)
        await press(pilot, "slash")
        assert board.capture_context().target_type is TargetType.DIMENSION


async def test_an_empty_board_can_still_add_a_card(workshop_path):
    async with make_app(workshop_path).run_test(size=(120, 40)) as pilot:
        board = await open_board(pilot, "6")
        assert isinstance(board.focused, BoardColumn) and board.card is None
        assert board.check_action("edit", ()) is None
        await press(pilot, "a")
        await pilot.press(*"Pesan Ibu")
        await press(pilot, "enter")
        assert stored(workshop_path)["Pesan Ibu"].element == "ENV-1"


async def test_an_existing_card_merges_into_another_through_the_form(seeded_path):
    async with make_app(seeded_path).run_test(size=(120, 40)) as pilot:
        board = await open_board(pilot)
        await press(pilot, "e")
        form = pilot.app.screen
        form.query_one("#field-review_outcome").value = "merge"
        form.query_one("#field-merge_into_id").value = stored(seeded_path)["Mal Pelayanan Publik"].id
        await press(pilot, "ctrl+s")
        merged = stored(seeded_path)["Serang Tatu"]
        assert merged.review_outcome is ReviewOutcome.MERGE
        assert merged.merge_into_id == stored(seeded_path)["Mal Pelayanan Publik"].id
        await press(pilot, "enter")
        assert "Merge into: Mal Pelayanan Publik" in str(pilot.app.screen.query_one("#detail-fields").render())


async def test_a_note_typed_on_a_card_is_attached_to_it_and_counted(seeded_path):
    async with make_app(seeded_path).run_test(size=(120, 40)) as pilot:
        board = await open_board(pilot)
        await press(pilot, "n")
        await pilot.press(*"Perlu integrasi IKD")
        await press(pilot, "enter", "escape")
        store = WorkshopStore.open(seeded_path)
        [note] = store.all(Note)
        store.close()
        assert (note.target_type, note.target_id, note.dimension) == (
            TargetType.INNOVATION, stored(seeded_path)["Serang Tatu"].id, "GOV")
        assert board.card.notes == 1


async def test_nothing_writes_before_the_board_is_read(seeded_path):
    app = make_app(seeded_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        board = BoardScreen(app.workspace, "GOV")
        assert board.check_action("add", ()) is None and board.check_action("quick_wins", ()) is None


async def test_agency_filter_keeps_cards_the_agency_leads_or_supports(seeded_path):
    async with make_app(seeded_path).run_test(size=(120, 40)) as pilot:
        board = await open_board(pilot)
        await press(pilot, "f")
        await pilot.press(*"diskom")  # type to search in the open list: Diskominfosatik
        await press(pilot, "enter")
        assert board.board_filter.agency_id == 3
        assert visible_titles(board) == [["Serang Tatu"], [], ["Perbup Satu Data"]]


async def test_help_lists_the_board_keys_in_the_ui_language(seeded_path):
    async with make_app(seeded_path, language="id").run_test(size=(120, 40)) as pilot:
        await open_board(pilot)
        await press(pilot, "f1")
        table = pilot.app.screen.query_one("DataTable")
        actions = {str(table.get_row_at(n)[1]) for n in range(table.row_count)}
        assert {"Tambah", "Tinjau", "Kelompokkan", "Pindahkan kartu ke kelompok kanan"} <= actions
        assert not any(a.startswith("keys.") for a in actions)


async def test_i_types_how_to_improve_an_existing_card(seeded_path):
    async with make_app(seeded_path).run_test(size=(120, 40)) as pilot:
        board = await open_board(pilot)
        await press(pilot, "i")
        await pilot.press(*"Tambah layanan IKD")
        await press(pilot, "enter")
        card = stored(seeded_path)["Serang Tatu"]
        assert (card.review_outcome, card.improvement) == (ReviewOutcome.IMPROVE, "Tambah layanan IKD")
        await press(pilot, "j")  # a new card: nothing to improve
        assert board.check_action("improve", ()) is None


async def test_a_store_error_while_reading_the_board_is_said_not_raised(seeded_path, monkeypatch):
    from data import errors
    from screens import board as board_module

    async with make_app(seeded_path).run_test(size=(120, 40)) as pilot:
        board = await open_board(pilot)

        def fail(*args, **kwargs):
            raise errors.Busy(seeded_path)

        monkeypatch.setattr(board_module, "read_board", fail)
        await press(pilot, "s")
        assert isinstance(pilot.app.screen, BoardScreen)
        assert any(n.severity == "error" for n in pilot.app._notifications)


def marked_lines(column: BoardColumn) -> list[str]:
    """The column's lines, as drawn, that carry the highlight's mark."""
    lines = ["".join(s.text for s in column.render_line(y)) for y in range(column.scrollable_content_region.height)]
    return [line.strip() for line in lines if line.startswith("▶")]


async def test_the_highlighted_card_is_marked_not_only_coloured(seeded_path):
    """In 16 colours a background alone can vanish: the focused column's card carries a ▶."""
    async with make_app(seeded_path).run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        first, second = board.board.columns[0], board.board.columns[1]
        assert marked_lines(first) == ["▶ Serang Tatu"] and marked_lines(second) == []
        await press(pilot, "j")
        assert marked_lines(first) == ["▶ Mal Pelayanan Publik"]
        await press(pilot, "l")
        assert marked_lines(first) == [] and marked_lines(second) == ["▶ E-Kinerja"]


def cut_columns(board: BoardScreen) -> list[str]:
    """The columns only partly in view: their titles."""
    columns = board.board
    width = columns.scrollable_content_region.width
    cut = []
    for column in columns.columns:
        left = column.virtual_region.x - columns.scroll_x
        right = left + column.outer_size.width
        if left < width and right > 0 and (left < 0 or right > width):
            cut.append(str(column.border_title))
    return cut


async def test_grouped_by_agency_at_80_columns_no_column_is_cut(demo_path):
    """Whole columns fill the width, and moving left and right scrolls by whole columns."""
    async with make_app(demo_path).run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        await press(pilot, "g")
        assert len(board.board.columns) > 3 and cut_columns(board) == []
        for key in ["l"] * 8 + ["h"] * 8:
            await press(pilot, key)
            assert cut_columns(board) == [], key
        assert board.board.column is board.board.columns[0] and board.card is not None
        await press(pilot, "l")
        assert board.board.column is board.board.columns[1] and board.card is not None


async def test_a_board_opens_whole_from_one_reading(seeded_path, monkeypatch):
    """The board is read once, before it shows: its first screen has its cards and highlight
    (no empty board painted first, no second reading on arrival)."""
    from screens import board as board_module

    readings = []
    real = board_module.read_board

    def counting(*args, **kwargs):
        readings.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(board_module, "read_board", counting)
    shown_with_cards = []
    real_mount = BoardScreen.on_mount

    def mounted(screen):
        real_mount(screen)
        shown_with_cards.append(sum(len(c.cards) for c in screen.board.columns))

    monkeypatch.setattr(BoardScreen, "on_mount", mounted)
    async with make_app(seeded_path).run_test(size=(120, 40)) as pilot:
        board = await open_board(pilot)
        assert len(readings) == 1
        assert shown_with_cards == [4]
        assert board.card.innovation.title == "Serang Tatu"


async def test_a_board_that_cannot_be_read_is_said_and_the_overview_stays(seeded_path, monkeypatch):
    from data import errors
    from screens import board as board_module

    def fail(*args, **kwargs):
        raise errors.Busy(seeded_path)

    monkeypatch.setattr(board_module, "read_board", fail)
    async with make_app(seeded_path).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        overview = pilot.app.screen
        await press(pilot, "1")
        assert pilot.app.screen is overview
        assert any(n.severity == "error" for n in pilot.app._notifications)


async def test_the_footer_follows_the_card_without_being_rebuilt(seeded_path):
    """Review needs an existing card: on a new card its key greys out, on an existing one it
    lights again; the footer's keys change state in place (a rebuild repainted the whole screen)."""
    from textual.widgets._footer import FooterKey

    def review_key(screen):
        return next(k for k in screen.query(FooterKey) if k.action == "review")

    async with make_app(seeded_path).run_test(size=(120, 40)) as pilot:
        board = await open_board(pilot)
        key = review_key(board)
        assert board.card.innovation.status is InnovationStatus.EXISTING and not key.has_class("-disabled")
        await press(pilot, "j")
        assert board.card.innovation.title == "Mal Pelayanan Publik"
        assert review_key(board) is key and key.has_class("-disabled")
        await press(pilot, "k")
        assert review_key(board) is key and not key.has_class("-disabled")


def title_row(column: BoardColumn) -> str:
    """The column's top border as drawn: its title, marked or not."""
    from textual.geometry import Region

    strip = column.render_lines(Region(0, 0, column.outer_size.width, 1))[0]
    return "".join(segment.text for segment in strip)


async def test_the_focused_column_is_marked_in_its_title_and_only_it(seeded_path):
    """The focus shows by a ▶ before the focused column's title (not by its border's colour,
    which would repaint the whole column); moving left or right moves the mark."""
    async with make_app(seeded_path).run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        first, second = board.board.columns[0], board.board.columns[1]
        assert "▶ GOV-1" in title_row(first) and "▶" not in title_row(second)
        await press(pilot, "l")
        assert "▶" not in title_row(first) and "▶ GOV-2" in title_row(second)
        await press(pilot, "h")
        assert "▶ GOV-1" in title_row(first) and "▶" not in title_row(second)

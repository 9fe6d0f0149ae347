"""Quick-win selection: candidates ranked by score × weight, each ranking explained.

The upper table ranks the candidates of one dimension (``d``: of all dimensions); the lower
one explains the highlighted candidate, criterion by criterion: its score, the weight, and
the points they make. Keys score the highlighted criterion (1–5, 0 clears), change its
weight (+ and -), and choose the quick win (Enter or space).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Header, Label

from core.i18n import _, current_language
from core.models import QuickWin, ReferenceData
from core.quick_wins import Ranked
from data import quick_wins
from screens.quick_win_grid import ImpactEffortScreen
from screens.support.base import WorkshopScreen, Workspace
from tui.messages import CaptureContext, about_innovation
from tui.widgets.steady_footer import SteadyFooter
from tui.widgets.whole_columns import WholeColumnTable
from tui.workers import in_thread

RANKING_COLUMNS = ("rank", "status", "total", "element", "title")
"""The ranking's columns: the score before the title, so a long title (cut with …) never pushes
the total and its percentage past the screen's edge."""


class QuickWinScreen(WorkshopScreen):
    """Score, rank and choose quick wins. Escape goes back to the board."""
    reads = frozenset({"innovations", "quick_win_scores", "agencies", "reference"})

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    BINDINGS = [
        Binding("escape", "back", "keys.board.back", show=False, id="quick_wins.back"),
        Binding("space", "choose", "keys.quick_wins.choose", id="quick_wins.choose"),
        Binding("d", "toggle_scope", "keys.quick_wins.scope", id="quick_wins.scope"),
        Binding("g", "grid", "keys.quick_wins.grid", id="quick_wins.grid"),
        Binding("plus,equals_sign", "weight(1)", "keys.quick_wins.heavier", show=False, id="quick_wins.heavier"),
        Binding("minus", "weight(-1)", "keys.quick_wins.lighter", show=False, id="quick_wins.lighter"),
        Binding("left,h", "criterion(-1)", "keys.quick_wins.previous", show=False, priority=True,
                id="quick_wins.previous"),
        Binding("right,l", "criterion(1)", "keys.quick_wins.next", show=False, priority=True,
                id="quick_wins.next"),
        Binding("k", "candidate(-1)", "keys.up", show=False, id="quick_wins.up"),
        Binding("j", "candidate(1)", "keys.down", show=False, id="quick_wins.down"),
        *[Binding(str(n), f"score({n})", "keys.quick_wins.score", show=False, id=f"quick_wins.score{n}")
          for n in range(0, 6)],
    ]

    @dataclass
    class Loaded(Message):
        """The ranking, read in a worker."""

        ranking: list[Ranked]
        reference: ReferenceData

    def __init__(self, workspace: Workspace, dimension: str) -> None:
        super().__init__(workspace)
        self.dimension = dimension
        self.overall = False
        self.ranking: list[Ranked] = []
        self.reference: ReferenceData | None = None
        self._focus_id: int | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield WholeColumnTable(id="qw-ranking", cursor_type="row", zebra_stripes=True)
        with Vertical(id="qw-explain"):
            yield WholeColumnTable(id="qw-terms", cursor_type="row", show_cursor=True)
            yield Label(id="qw-total", markup=False)
        yield SteadyFooter(compact=True)

    def on_mount(self) -> None:
        terms = self.query_one("#qw-terms", DataTable)
        terms.can_focus = False  # the keys reach it through the screen: one focus, two cursors
        self.query_one("#qw-ranking").focus()

    def reload(self) -> None:
        self.load()

    @in_thread(exclusive=True, group="quick-wins-load")
    def load(self) -> None:
        """Rank the candidates off the UI thread."""
        scope = None if self.overall else self.dimension
        self.post_message(self.Loaded(quick_wins.ranking(self.store, scope), self.store.reference()))

    @on(Loaded)
    def show(self, message: Loaded) -> None:
        """Fill the ranking, keeping the cursor on the same candidate."""
        self.ranking, self.reference = message.ranking, message.reference
        scope = _("quick_wins.all") if self.overall else self.reference.dimension(self.dimension).name
        self.sub_title = _("quick_wins.title", scope=scope)
        focus_id = self._focus_id or self._current_id()
        table = self.query_one("#qw-ranking", DataTable)
        table.clear(columns=True)
        table.add_columns(*[_(f"quick_wins.column.{c}") for c in RANKING_COLUMNS])
        for number, ranked in enumerate(self.ranking, 1):
            table.add_row(*_ranking_row(number, ranked), key=str(ranked.innovation.id))
        if not self.ranking:
            self.query_one("#qw-total", Label).update(_("quick_wins.none"))
        self._focus_id = None
        self._move_to(focus_id)
        self.explain()

    def _move_to(self, innovation_id: int | None) -> None:
        ids = [r.innovation.id for r in self.ranking]
        if innovation_id in ids:
            self.query_one("#qw-ranking", DataTable).move_cursor(row=ids.index(innovation_id))

    # -- the explanation ---------------------------------------------------------------------

    @property
    def current(self) -> Ranked | None:
        """The highlighted candidate."""
        row = self.query_one("#qw-ranking", DataTable).cursor_row
        return self.ranking[row] if 0 <= row < len(self.ranking) else None

    def _current_id(self) -> int | None:
        return self.current.innovation.id if self.current else None

    @on(DataTable.RowHighlighted, "#qw-ranking")
    def explain(self) -> None:
        """Show the highlighted candidate's terms: score × weight = points, per criterion."""
        terms = self.query_one("#qw-terms", DataTable)
        row = terms.cursor_row
        terms.clear(columns=True)
        terms.add_columns(*[_(f"quick_wins.column.{c}") for c in ("criterion", "score", "weight", "points")])
        ranked = self.current
        if ranked is None:
            return
        lang = current_language()
        for term in ranked.terms:
            score = str(term.score) if term.score is not None else _("quick_wins.not_scored")
            terms.add_row(term.criterion.name(lang), score, f"× {term.weight}", f"= {term.points}")
        terms.move_cursor(row=max(0, row))
        self.query_one("#qw-explain").border_title = ranked.innovation.title
        self.query_one("#qw-total", Label).update(
            _("quick_wins.total", total=ranked.total, maximum=ranked.maximum, percent=ranked.percent))

    @property
    def criterion(self) -> str | None:
        """The key of the highlighted criterion."""
        ranked, row = self.current, self.query_one("#qw-terms", DataTable).cursor_row
        return ranked.terms[row].criterion.key if ranked and 0 <= row < len(ranked.terms) else None

    def capture_context(self) -> CaptureContext:
        ranked = self.current
        if ranked is None:
            return super().capture_context()
        return about_innovation(ranked.innovation)

    # -- keys --------------------------------------------------------------------------------

    def action_back(self) -> None:
        """Back to the board."""
        self.dismiss()

    def action_candidate(self, step: int) -> None:
        """The next or previous candidate (j and k; the arrows work too)."""
        table = self.query_one("#qw-ranking", DataTable)
        (table.action_cursor_down if step > 0 else table.action_cursor_up)()

    def action_criterion(self, step: int) -> None:
        """The next or previous criterion (left and right, h and l)."""
        terms = self.query_one("#qw-terms", DataTable)
        terms.move_cursor(row=max(0, min(terms.cursor_row + step, terms.row_count - 1)))

    def action_grid(self) -> None:
        """The same candidates on the impact × effort grid."""
        self.app.push_screen(ImpactEffortScreen(self.workspace, None if self.overall else self.dimension))

    def action_toggle_scope(self) -> None:
        """Rank this dimension's candidates, or every dimension's."""
        self.overall = not self.overall
        self.load()

    def action_score(self, score: int) -> None:
        """Score the highlighted candidate on the highlighted criterion (0 clears)."""
        ranked, criterion = self.current, self.criterion
        innovation_id = ranked.innovation.id if ranked else None
        if innovation_id is not None and criterion:
            self.change(lambda: quick_wins.set_score(self.store, innovation_id, criterion, score or None),
                        innovation_id)

    def action_weight(self, step: int) -> None:
        """Make the highlighted criterion weigh more or less, for every candidate."""
        ranked, row = self.current, self.query_one("#qw-terms", DataTable).cursor_row
        if ranked and 0 <= row < len(ranked.terms):
            term = ranked.terms[row]
            self.change(lambda: quick_wins.set_weight(self.store, term.criterion.key, term.weight + step),
                        ranked.innovation.id)

    def action_choose(self) -> None:
        """Choose the highlighted candidate as a quick win, or take the choice back."""
        ranked = self.current
        if ranked:
            chosen = ranked.innovation.quick_win is QuickWin.SELECTED
            self.change(lambda: quick_wins.choose(self.store, ranked.innovation, not chosen), ranked.innovation.id)

    @on(DataTable.RowSelected, "#qw-ranking")
    def row_selected(self) -> None:
        self.action_choose()

    @in_thread(group="quick-wins-save")
    def change(self, write: Callable[[], object], focus_id: int | None) -> None:
        """Write one change off the UI thread, then rank again with the focus on ``focus_id``."""
        self._focus_id = focus_id
        self.reload_after(write)


def _ranking_row(number: int, ranked: Ranked) -> list[str | Text]:
    item = ranked.innovation
    status = Text("★ " + _("boards.enum.QuickWin.selected"), style="bold") \
        if item.quick_win is QuickWin.SELECTED else Text(_("boards.enum.QuickWin.candidate"))
    total = f"{ranked.total}/{ranked.maximum} ({ranked.percent}%)"
    return [str(number), status, total, item.element, item.title]

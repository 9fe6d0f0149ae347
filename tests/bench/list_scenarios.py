"""Every list screen on the stress workshop: open it from the overview, move once, go back.

Issue 15 asks that every screen's first full frame appear within 50 ms of its key on the
stress workshop (``python -m data.stress``: 3,000 innovations, 15,000 steps, 9,000 risks,
5,000 notes), that moving between items write at most five times the floor's key, and that
no key write more than one full frame. The overview, the boards and the 15,000-step roadmap
have scenarios of their own; this one walks the other screens in one session, each as its
key from the overview (``m`` roadmap, ``a`` action plan, ``r`` heatmap then ``r`` register,
``N`` notes, ``o`` agencies, ``f`` follow-ups, ``t`` agenda, ``H`` history, ``1`` then ``p``
quick wins), one ``down`` in it, and ``escape`` back. Each measure is its own report row.

A DataTable's cursor is only colour, so a move in one changes no text: :class:`NextOutput`
holds on the first output after the key, and the harness then waits for the output to go
quiet, so the row's bytes and settle time are the whole answer to the key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.bench.harness import Predicate, ScreenContains

if TYPE_CHECKING:
    from tests.bench.scenarios import Scenario, Step

#: The overview is back: its notes panel and its last tile.
OVERVIEW = ScreenContains("Latest notes", "ENV-3")


class NextOutput:
    """Holds once the program has written anything after the key (a colour-only cursor move).

    The harness calls a predicate once when it arms it, before the key is written (that call
    answers False), then after each chunk the program writes until one answers True; that
    True makes it ready for its next key (the same scenario runs several times).
    """

    def __init__(self) -> None:
        self.armed = False

    def __call__(self, screen: str) -> bool:
        if not self.armed:
            self.armed = True
            return False
        self.armed = False
        return True

    def __repr__(self) -> str:
        return "any output after the key"


def _screen(label: str, key: str, shown: Predicate, moved: Predicate | None = None, *,
            prefix: tuple[Step, ...] = (), back: tuple[Predicate, ...] = (OVERVIEW,)) -> list[Step]:
    """Open ``label`` with ``key`` (after the ``prefix`` steps), move down once, go back.

    ``back`` holds one predicate per ``escape``: the screens passed on the way out.
    """
    from tests.bench.scenarios import Step
    steps = [*prefix, Step(f"{label}: open ({key})", key, shown)]
    if moved is not None:
        steps.append(Step(f"{label}: move down", "down", moved))
    steps += [Step(f"{label}: back", "escape", screen) for screen in back]
    return steps


def list_screens_scenario() -> Scenario:
    """The scenario: the stress workshop, each list screen opened, moved in once and left."""
    # Imported here: tests.bench.scenarios imports this module to register the scenario.
    from tests.bench.board_scenarios import stress_workshop
    from tests.bench.scenarios import LARGE, SMALL, Scenario, Step, rembuk_executable

    heatmap = Step("risk heatmap: open (r)", "r", ScreenContains("9000 risks", "Likelihood ↑"))
    board = Step("board (on the way to quick wins)", "1", ScreenContains("GOV-1 Layanan Pub", "Existing ("))
    picker = Step("action plan: picker (a)", "a", ScreenContains("Action plans: choose an innovation"))
    return Scenario(
        name="rembuk list screens (stress)",
        prepare=stress_workshop,
        command=lambda scratch: [rembuk_executable(), "open", str(scratch / "w.rembuk")],
        env={"REMBUK_LANG": "en"},
        ready=OVERVIEW,
        steps=[
            *_screen("roadmap", "m", ScreenContains("Per source", "▶Smart Governance"),
                     ScreenContains("▶ Sekolah desa 18")),
            *_screen("action plan", "enter", ScreenContains("Action plan · Sekolah desa 18"), NextOutput(),
                     prefix=(picker,)),
            heatmap,
            Step("risk heatmap: move down", "down", ScreenContains("L4 × I1")),
            *_screen("risk register", "r", ScreenContains("Needs treatm", "9000 risks"), NextOutput(),
                     back=(ScreenContains("Likelihood ↑"), OVERVIEW)),
            *_screen("notes", "N", ScreenContains("5000 of 5000 notes"), NextOutput()),
            *_screen("agencies", "o", ScreenContains("Agencies (o)", "Bapenda"), NextOutput()),
            *_screen("follow-ups", "f", ScreenContains("Follow-ups and data requests", "overdue"), NextOutput()),
            *_screen("agenda", "t", ScreenContains("Registrasi peserta"), NextOutput()),
            # Its heading line, not the "no changes" row: that row sometimes stays cut to the first
            # column's width ("No c"), a drawing fault of the history table seen on a busy machine.
            *_screen("history", "H", ScreenContains("History —", "Kind: all kinds")),
            *_screen("quick wins", "p", ScreenContains("Quick wins · Smart Governance", "Total 0 of"), NextOutput(),
                     prefix=(board,), back=(ScreenContains("GOV-1 Layanan Pub", "Existing ("), OVERVIEW)),
        ],
        frames=(SMALL, LARGE),
    )

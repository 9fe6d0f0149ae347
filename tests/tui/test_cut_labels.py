"""At 80×24 in Indonesian, the lines that used to stop at the screen's edge show whole."""

from __future__ import annotations

from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import DataTable, Select

from core.i18n import translator
from core.models import ActionStep, Agency, Innovation, QuickWin
from screens.capture import CaptureScreen
from screens.quick_wins import QuickWinScreen
from screens.roadmap import RoadmapScreen
from tests.support import press, settle, wait_until
from tui.app import make_app
from tui.widgets.setup_line import SetupLine


def shown_text(widget: Widget) -> str:
    """What ``widget`` draws as far as its parent lets it show, its lines joined, spaces collapsed."""
    lines = [strip.text.rstrip() for strip in widget.render_lines(Region(0, 0, *widget.outer_size))]
    visible = widget.region.intersection(widget.parent.content_region)
    cut = widget.region.width - visible.width
    return " ".join(" ".join(line[:len(line) - cut] if cut else line for line in lines).split())


async def test_the_draft_offered_on_reopen_is_said_whole(workshop_path):
    """Before: ``… tersimpan dari sesi lalu: ada di baris ca`` stopped at the panel's edge."""
    from data.store import WorkshopStore

    store = WorkshopStore.open(workshop_path)
    store.save_draft("capture", "Dishub menunggu data")
    store.close()
    app = make_app(workshop_path, language="id")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, CaptureScreen), what="the note line")
        await settle(pilot)
        hint = app.screen.query_one("#capture-hint")
        assert shown_text(hint) == translator("id")("notify.draft_offered")


async def test_the_roadmap_filter_line_keeps_its_hint_with_a_long_filter(make_workshop):
    """Before: ``Disaring: Smart Environment · Diskominfosatik · APBD Provinsi Banten · 0 meng``."""
    def seed(store) -> None:
        lead = store.save(Agency(abbreviation="Diskominfosatik", name="Dinas Komunikasi"))
        card = store.save(Innovation(title="PLTS atap", dimension="ENV", element="ENV-3", lead_agency_id=lead.id))
        store.save(ActionStep(innovation_id=card.id, activity="Pemasangan", start_year=2026, end_year=2026,
                              lead_agency_id=lead.id, funding_source="Bantuan Keuangan Provinsi Banten",
                              budget={2026: 150_000_000}))

    app = make_app(make_workshop(seed=seed), language="id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "m")
        await wait_until(pilot, lambda: isinstance(app.screen, RoadmapScreen), what="the roadmap")
        await press(pilot, "f")
        dialog = app.screen
        agency = next(value for label, value in dialog.choices.agencies if label == "Diskominfosatik")
        for name, value in (("dimension", "ENV"), ("agency", agency), ("source", "Bantuan Keuangan Provinsi Banten")):
            dialog.query_one(f"#filter-{name}", Select).value = value
        await press(pilot, "f10")
        line = shown_text(app.screen.query_one("#roadmap-filter"))
        assert line == ("Disaring: Smart Environment · Diskominfosatik · Bantuan Keuangan Provinsi Banten"
                        " · 0 menghapus saringan")


async def test_the_quick_win_total_and_its_percentage_show_beside_a_long_title(make_workshop):
    """Before: a long candidate title pushed ``63/65 (97%)`` past the right edge."""
    title = "Sistem Informasi Pelayanan Terpadu Satu Pintu Kecamatan se-Kabupaten Pandeglang"

    def seed(store) -> None:
        store.save(Innovation(title=title, dimension="GOV", element="GOV-1", quick_win=QuickWin.CANDIDATE))

    app = make_app(make_workshop(seed=seed), language="id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "enter", "p")
        await wait_until(pilot, lambda: isinstance(app.screen, QuickWinScreen), what="the quick wins")
        table = app.screen.query_one("#qw-ranking", DataTable)
        await wait_until(pilot, lambda: table.row_count, what="the ranking")
        row = table.render_line(1).text[:table.scrollable_content_region.width]
        assert " 0/65 (0%) " in row and row.rstrip().endswith("…"), row


async def test_the_set_up_line_marks_the_fields_it_has_no_room_to_name(workshop_path):
    """Before: ``Belum diisi: Judul, Mulai, Selesai, Tempat,`` stopped at the edge, unmarked."""
    app = make_app(workshop_path, language="id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        line = shown_text(app.screen.query_one(SetupLine))
        assert line.startswith("w: lengkapi kepala notulen. Belum diisi: Judul") and line.endswith("…"), line

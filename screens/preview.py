"""The minutes as they will be exported, rendered in the terminal, and the way out to a file.

The preview reads the workshop and renders the minutes in a thread worker, then shows them
with Textual's Markdown widget (parsed the way the HTML export parses them: raw HTML off).
``l`` switches the document between Indonesian and English, and exports follow the
preview's language; ``e`` opens the export dialog; the export is rendered and written in a thread worker too,
and an existing file is replaced only after the user confirms it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Header, Markdown

from core.html import markdown_parser
from core.i18n import _
from core.minutes import render_minutes
from data.errors import StoreError
from data.exports import export_bytes, write_export
from screens.dialogs.confirm import ask
from screens.dialogs.export_dialog import ExportDialog, ExportRequest
from screens.support.base import WorkshopScreen, Workspace
from tui.settings import word_template
from tui.widgets.steady_footer import SteadyFooter
from tui.workers import in_thread

PROGRESS_AFTER_SECONDS = 1.0
"""An export still running after this long shows a notification saying so."""

_SCROLLS = {
    "up": "scroll_up", "down": "scroll_down", "page_up": "scroll_page_up",
    "page_down": "scroll_page_down", "home": "scroll_home", "end": "scroll_end",
}


class PreviewScreen(WorkshopScreen):
    """The current minutes, scrolled by keys; ``l`` switches language; ``e`` exports."""
    reads = None  # the whole workshop's minutes

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    BINDINGS = [
        Binding("e", "export", "keys.export", id="preview.export"),
        Binding("l", "switch_language", "keys.document_language", id="preview.language"),
        Binding("escape", "back", "keys.back", id="preview.back"),
        Binding("down,j", "scroll('down')", "keys.scroll_down", show=False, id="preview.down"),
        Binding("up,k", "scroll('up')", "keys.scroll_up", show=False, id="preview.up"),
        Binding("pagedown,space", "scroll('page_down')", "keys.page_down", show=False, id="preview.page_down"),
        Binding("pageup,b", "scroll('page_up')", "keys.page_up", show=False, id="preview.page_up"),
        Binding("home,g", "scroll('home')", "keys.top", show=False, id="preview.top"),
        Binding("end,G", "scroll('end')", "keys.bottom", show=False, id="preview.bottom"),
    ]

    @dataclass
    class Loaded(Message):
        """The minutes, rendered in a worker."""

        markdown: str
        lang: str
        """The language it was rendered in."""

    @dataclass
    class Exists(Message):
        """The export's file exists: ask before replacing it."""

        request: ExportRequest

    @dataclass
    class Exported(Message):
        """The export ended: the line that says where it went, or why not."""

        line: str
        failed: bool = False

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace, id="preview")
        self._progress: Timer | None = None
        self._rendered = False
        self._last_request: ExportRequest | None = None
        self.lang: str | None = None
        """The document's language: the workshop's until ``l`` switches it; exports follow it."""

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="preview-scroll"):
            yield Markdown(_("preview.loading"), id="preview-document", parser_factory=markdown_parser)
        yield SteadyFooter(compact=True)

    def on_mount(self) -> None:
        self.query_one("#preview-scroll").focus()

    @property
    def document(self) -> Markdown:
        """The Markdown widget showing the minutes."""
        return self.query_one("#preview-document", Markdown)

    def reload(self) -> None:
        self.load()

    def on_screen_resume(self) -> None:
        """Render on the first showing only: back from a dialog, nothing changed.

        A change to the workshop (a note saved over this screen, another terminal's edit)
        still re-renders, through :class:`~tui.messages.WorkshopChanged`.
        """
        if not self._rendered:
            self._rendered = True
            self.reload()

    @in_thread(exclusive=True, group="preview-load")
    def load(self) -> None:
        """Read the workshop and render its minutes (in the workshop's language at first)."""
        bundle = self.store.bundle()
        lang = self.lang or bundle.workshop.language
        self.post_message(self.Loaded(render_minutes(bundle, lang), lang))

    @on(Loaded)
    async def show(self, message: Loaded) -> None:
        """Put the rendered minutes on screen."""
        self.lang = message.lang
        await self.document.update(message.markdown)

    def action_switch_language(self) -> None:
        """Indonesian ⇄ English, for the preview and the exports made from it."""
        if self.lang is not None:
            self.lang = "en" if self.lang == "id" else "id"
            self.load()

    def action_scroll(self, how: str) -> None:
        """Scroll the document: a line, a page, or to either end."""
        getattr(self.query_one("#preview-scroll", VerticalScroll), _SCROLLS[how])(animate=False)

    def action_back(self) -> None:
        """Back to the overview."""
        self.dismiss()

    # -- exporting ---------------------------------------------------------------------------

    def action_export(self) -> None:
        """Open the export dialog, suggesting a file beside the workshop file."""
        workshop = self.workspace.settings.workshop_path
        last = self._last_request
        document, fmt = (last.document, last.fmt) if last else ("minutes", "md")
        self.app.push_screen(ExportDialog(workshop.parent, workshop.stem, document, fmt), self.export_chosen)

    def export_chosen(self, request: ExportRequest | None) -> None:
        """Export what the dialog asked for, unless it was cancelled; remember the choices."""
        if request is not None:
            self._last_request = request
            self.start_export(request, overwrite=False)

    def start_export(self, request: ExportRequest, overwrite: bool) -> None:
        """Start the worker; a notification says so if it takes longer than a second."""
        self._progress = self.set_timer(PROGRESS_AFTER_SECONDS, self._show_progress)
        self.export(request, overwrite)

    def _show_progress(self) -> None:
        self.notify(_("preview.exporting"))

    @in_thread(group="preview-export")
    def export(self, request: ExportRequest, overwrite: bool) -> None:
        """Render and write the export off the UI thread."""
        try:
            data = export_bytes(self.store, request.document, request.fmt, self.lang, word_template())
            write_export(request.path, data, overwrite)
        except FileExistsError:
            self.post_message(self.Exists(request))
        except (OSError, StoreError) as exc:
            detail = getattr(exc, "strerror", None) or str(exc)
            self.post_message(self.Exported(_("export.failed", path=request.path, detail=detail), failed=True))
        else:
            self.post_message(self.Exported(_("cli.written", path=request.path)))

    @on(Exists)
    def ask_overwrite(self, message: Exists) -> None:
        """The file is there already: replace it only if the user says so."""
        request = message.request
        self._stop_progress()
        ask(self, _("export.confirm.question", path=request.path),
            lambda: self.start_export(request, overwrite=True), yes=_("export.confirm.yes"),
            otherwise=lambda: self.notify(_("export.kept", path=request.path)))

    @on(Exported)
    def exported(self, message: Exported) -> None:
        """Say where the export went, or why it could not be written."""
        self._stop_progress()
        self.notify(message.line, severity="error" if message.failed else "information", markup=False)

    def _stop_progress(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

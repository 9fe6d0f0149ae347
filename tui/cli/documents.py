"""The CLI's document exports: the minutes and the masterplan, as Markdown, HTML, Word or PDF.

``rembuk export minutes`` and ``rembuk export masterplan`` share everything here: reading the
workshop, rendering, writing without overwriting (unless ``--force``), and a progress line on
stderr when an export takes longer than a second. Word and PDF use the template named by
``--template``, else ``template.docx`` in the config directory if there is one.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from core.i18n import _
from tui.cli.errors import fail, friendly
from tui.cli.output import format_for, write_out

PROGRESS_AFTER_SECONDS = 1.0
"""An export still running after this long says so on stderr."""


@contextmanager
def progress(what: str, after: float | None = None) -> Iterator[None]:
    """Print ``Exporting …`` to stderr if the block runs longer than ``after`` seconds.

    When the line was printed, a second one says the export is done, so a slow export
    never looks hung and a fast one prints nothing extra.
    """
    shown = threading.Event()

    def show() -> None:
        shown.set()
        click.echo(_("export.progress", document=what), err=True)

    timer = threading.Timer(PROGRESS_AFTER_SECONDS if after is None else after, show)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        if shown.is_set():
            click.echo(_("export.progress_done"), err=True)


def export_document(path: Path, document: str, fmt: str, lang: str | None, output: Path | None,
                    force: bool, template: Path | None = None) -> None:
    """Render ``document`` of the workshop at ``path`` and write it to ``output`` (or stdout)."""
    from core.exports import TEXT_FORMATS
    from data.exports import export_bytes
    from data.workshops import reading
    from tui.settings import word_template

    if output is None and fmt not in TEXT_FORMATS:
        fail(_("cli.error.binary_needs_output", format=fmt))
    with progress(_(f"export.document.{document}")):
        with reading(path) as store:
            data = export_bytes(store, document, fmt, lang, template or word_template())
        write_out(data if fmt not in TEXT_FORMATS else data.decode("utf-8"), output, force)


DOCUMENT_FORMATS = ("md", "html", "docx", "pdf")

FORMAT_OPTION = click.option(
    "--format", "fmt", type=click.Choice(DOCUMENT_FORMATS),
    help="Markdown, HTML (prints on A4), Word or PDF (default: from the output file's name, else md).",
)
"""The ``--format md|html|docx|pdf`` option both document commands take."""

TEMPLATE_OPTION = click.option(
    "--template", type=click.Path(path_type=Path),
    help="Word template (.docx) for docx and pdf (default: template.docx in the config directory).",
)


def document_command(document: str, summary: str) -> click.Command:
    """``rembuk export <document> PATH [-o FILE] [--format …] [--lang] [--template] [--force]``."""

    @click.command(document, help=summary)
    @click.argument("path", type=click.Path(path_type=Path))
    @click.option("-o", "--output", type=click.Path(path_type=Path), help="File to write (default: stdout).")
    @FORMAT_OPTION
    @click.option("--lang", type=click.Choice(["id", "en"]), help="Language (default: the workshop's).")
    @TEMPLATE_OPTION
    @click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
    @friendly
    def command(path: Path, output: Path | None, fmt: str | None, lang: str | None, template: Path | None,
                force: bool) -> None:
        export_document(path, document, format_for(fmt, output, DOCUMENT_FORMATS, "md"), lang, output,
                        force, template)

    return command


minutes = document_command("minutes", "Write the minutes (notulen) of PATH as Markdown, HTML, Word or PDF.")
masterplan = document_command(
    "masterplan", "Write the masterplan draft of PATH (strategy, innovations, roadmap, risks, quick wins)."
)
commitments = document_command(
    "commitments", "Write the commitment sheets (lembar komitmen) of PATH: one per agency, one for the head of region."
)

"""The documents rembuk exports, in the formats it writes them: one entry point for all.

The CLI and the preview screen both call :func:`render_document` (Markdown, HTML) and
:func:`render_word` (Word), so that the same workshop gives the same bytes whichever way it is
exported. Every document is Markdown first: adding one is one line in :data:`DOCUMENTS`, and
it comes out as HTML, Word and PDF (``data.exports`` converts the Word file) with no more code.
"""

from __future__ import annotations

from collections.abc import Callable

from core.html import render_html
from core.masterplan import render_masterplan
from core.minutes import render_minutes
from core.models import Bundle

Renderer = Callable[[Bundle, str], str]

DOCUMENTS: dict[str, Renderer] = {"minutes": render_minutes, "masterplan": render_masterplan}
"""Each document's name (as the CLI spells it) and its Markdown renderer."""

TEXT_FORMATS = ("md", "html")
"""The formats that are text (:func:`render_document`)."""

FORMATS = (*TEXT_FORMATS, "docx", "pdf")
"""The formats, which are also the files' extensions: PDF is the Word file, converted."""


def render_document(bundle: Bundle, document: str, fmt: str, lang: str) -> str:
    """``document`` (``minutes``/``masterplan``) of ``bundle`` in ``fmt`` (``md``/``html``).

    Raises:
        ValueError: an unknown document or format.
    """
    if document not in DOCUMENTS or fmt not in TEXT_FORMATS:
        raise ValueError(f"unknown document or format: {document!r}, {fmt!r}")
    markdown = DOCUMENTS[document](bundle, lang)
    return render_html(markdown, lang) if fmt == "html" else markdown


def render_word(bundle: Bundle, document: str, lang: str, template: bytes | None = None) -> bytes:
    """``document`` of ``bundle`` as a Word file, with the workshop's letterhead.

    Raises:
        ValueError: an unknown document.
        core.word.BadTemplate: ``template`` is not a readable ``.docx``.
    """
    from core.word import letterhead, render_docx  # python-docx and lxml: only when Word is asked for

    if document not in DOCUMENTS:
        raise ValueError(f"unknown document: {document!r}")
    return render_docx(DOCUMENTS[document](bundle, lang), lang, letterhead(bundle, lang), template)


def file_name(stem: str, document: str, fmt: str) -> str:
    """``serang-minutes.html``: a default file name for an export of the workshop ``stem``."""
    return f"{stem}-{document}.{fmt}"


def with_format(path: str, fmt: str) -> str:
    """``path`` with its ``.md``/``.html``/… extension switched to ``fmt`` (others left alone)."""
    for other in FORMATS:
        if path.endswith("." + other):
            return path[: -len(other)] + fmt
    return path

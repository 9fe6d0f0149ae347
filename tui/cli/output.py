"""Where the CLI's exports go: stdout, or a file that is never overwritten without ``--force``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from core.i18n import _
from tui.cli.errors import fail

SHEET_FORMATS = ("csv", "md", "xlsx")
"""What the register exports (actions, risks) write."""

SUFFIX_FORMATS = {"md": "md", "markdown": "md", "html": "html", "htm": "html", "docx": "docx",
                  "pdf": "pdf", "csv": "csv", "xlsx": "xlsx"}
"""The format each output file suffix names."""


def format_for(fmt: str | None, output: Path | None, formats: Sequence[str], default: str) -> str:
    """The format to write: ``--format`` if given, else what the output file's suffix names (if
    the command writes it), else ``default``. ``-o notulen.docx`` wrote Markdown into a file
    Word then could not open."""
    if fmt:
        return fmt
    named = SUFFIX_FORMATS.get(output.suffix.lower().lstrip(".")) if output else None
    return named if named is not None and named in formats else default


def write_out(text: str | bytes, output: Path | None, force: bool) -> None:
    """Write ``text`` to ``output`` (stdout when absent).

    An existing file is replaced only with ``force``, and then atomically (never half a file);
    without it, the check and the creation are one step, so a file that appears meanwhile is
    not overwritten either.
    """
    from data.exports import write_export

    if output is None:
        click.echo(text, nl=False)
        return
    try:
        write_export(output, text, overwrite=force)
    except FileExistsError:
        fail(_("cli.error.output_exists", path=output))
    click.echo(_("cli.written", path=output), err=True)

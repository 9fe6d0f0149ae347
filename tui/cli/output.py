"""Where the CLI's exports go: stdout, or a file that is never overwritten without ``--force``."""

from __future__ import annotations

from pathlib import Path

import click

from core.i18n import _
from tui.cli.errors import fail


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

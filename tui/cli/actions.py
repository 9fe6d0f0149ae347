"""The CLI's action plan exports: ``rembuk export actions`` and ``rembuk export roadmap``.

Registered on the ``export`` group of :mod:`tui.cli.exports`; the renderers are pure functions
in :mod:`core.action_export`.
"""

from __future__ import annotations

from pathlib import Path

import click

from tui.cli.errors import friendly
from tui.cli.exports import export
from tui.cli.output import SHEET_FORMATS, format_for, write_out


@export.command("actions")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File to write (default: stdout).")
@click.option("--format", "fmt", type=click.Choice(SHEET_FORMATS),
              help="CSV (UTF-8 with BOM, for spreadsheets), Markdown or xlsx (default: from the file name, else csv).")
@click.option("--lang", type=click.Choice(["id", "en"]), help="Language (default: the workshop's).")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@friendly
def export_actions(path: Path, output: Path | None, fmt: str | None, lang: str | None, force: bool) -> None:
    """Write the action plans of PATH: Renja-like columns, one row per step and year."""
    fmt = format_for(fmt, output, SHEET_FORMATS, "csv")
    from core.action_export import render_actions_csv, render_actions_markdown
    from data.workshops import read_bundle

    if fmt == "xlsx":
        from tui.cli.sheets import write_registers

        write_registers(path, ("actions",), output, lang, force)
        return
    bundle = read_bundle(path)
    render = render_actions_csv if fmt == "csv" else render_actions_markdown
    write_out(render(bundle, lang or bundle.workshop.language), output, force)


@export.command("roadmap")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File to write (default: stdout).")
@click.option("--lang", type=click.Choice(["id", "en"]), help="Language (default: the workshop's).")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@friendly
def export_roadmap(path: Path, output: Path | None, lang: str | None, force: bool) -> None:
    """Write the roadmap of PATH as Markdown, one table per dimension."""
    from core.action_export import render_roadmap_markdown
    from data.workshops import read_bundle

    bundle = read_bundle(path)
    write_out(render_roadmap_markdown(bundle, lang or bundle.workshop.language), output, force)

"""``rembuk export risks``: the risk register as CSV (for spreadsheets) or Markdown (for the book).

CSV is written as bytes, so its CRLF line ends and byte-order mark reach the file unchanged on
every platform. The format follows ``--format``, else the output file's suffix, else CSV.
"""

from __future__ import annotations

from pathlib import Path

import click

from core.i18n import translator
from tui.cli.errors import friendly
from tui.cli.output import SHEET_FORMATS, format_for, write_out


@click.command("risks")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File to write (default: stdout).")
@click.option("--format", "fmt", type=click.Choice(SHEET_FORMATS),
              help="csv, md or xlsx (default: from the file name, else csv).")
@click.option("--lang", type=click.Choice(["id", "en"]), help="Language (default: the workshop's).")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@friendly
def export_risks(path: Path, output: Path | None, fmt: str | None, lang: str | None, force: bool) -> None:
    """Write the risk register of PATH, with the heatmap in Markdown."""
    from core.risk_export import render_csv, render_markdown
    from data.risks import read_snapshot

    fmt = format_for(fmt, output, SHEET_FORMATS, "csv")
    if fmt == "xlsx":
        from tui.cli.sheets import write_registers

        write_registers(path, ("risks",), output, lang, force)
        return
    found, language = read_snapshot(path)
    language = lang or language
    render = render_markdown if fmt == "md" else render_csv
    write_out(render(found, translator(language), language), output, force)

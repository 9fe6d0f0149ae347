"""``rembuk export risks``: the risk register as CSV (for spreadsheets) or Markdown (for the book).

CSV is written as bytes, so its CRLF line ends and byte-order mark reach the file unchanged on
every platform. The format follows ``--format``, else the output file's suffix, else CSV.
"""

from __future__ import annotations

from pathlib import Path

import click

from core.i18n import translator
from tui.cli.errors import friendly
from tui.cli.output import write_out

FORMATS = ("csv", "md", "xlsx")


def _format(fmt: str | None, output: Path | None) -> str:
    """The chosen format: the option, else the output's suffix, else CSV."""
    if fmt:
        return fmt
    suffix = output.suffix.lower().lstrip(".") if output else ""
    return {"md": "md", "markdown": "md", "xlsx": "xlsx"}.get(suffix, "csv")


@click.command("risks")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File to write (default: stdout).")
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="csv, md or xlsx (default: from the file name, else csv).")
@click.option("--lang", type=click.Choice(["id", "en"]), help="Language (default: the workshop's).")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@friendly
def export_risks(path: Path, output: Path | None, fmt: str | None, lang: str | None, force: bool) -> None:
    """Write the risk register of PATH, with the heatmap in Markdown."""
    from core.risk_export import render_csv, render_markdown
    from data.risks import read_snapshot

    if _format(fmt, output) == "xlsx":
        from tui.cli.sheets import write_registers

        write_registers(path, ("risks",), output, lang, force)
        return
    found, language = read_snapshot(path)
    language = lang or language
    render = render_markdown if _format(fmt, output) == "md" else render_csv
    write_out(render(found, translator(language), language), output, force)

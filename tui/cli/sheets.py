"""The CLI's spreadsheets: ``rembuk export registers``, ``rembuk template`` and ``rembuk import-sheet``.

``export registers`` writes the registers as one workbook, a sheet each; ``template`` writes a
blank sheet an agency fills in; ``import-sheet`` reads one back (``.xlsx``, ``.xls``, ``.ods``,
``.csv``), refusing the whole file if any row is refused unless ``--skip-refused`` is given.
"""

from __future__ import annotations

from pathlib import Path

import click

from core.sheets.registers import REGISTERS
from tui.cli.errors import fail, friendly
from tui.cli.exports import export
from tui.cli.output import write_out


def write_registers(path: Path, names: tuple[str, ...], output: Path | None, lang: str | None,
                    force: bool) -> None:
    """Write the registers ``names`` of the workshop at ``path`` to ``output`` as one workbook."""
    from core.i18n import _
    from data.sheets import registers_workbook
    from data.workshops import reading

    if output is None:
        fail(_("cli.error.binary_needs_output", format="xlsx"))
    with reading(path) as store:
        data = registers_workbook(store, names, lang)
    write_out(data, output, force)


@export.command("registers")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="Workbook (.xlsx) to write.")
@click.option("--only", "names", multiple=True, type=click.Choice(list(REGISTERS)),
              help="Only this register (repeat for several; default: all, one sheet each).")
@click.option("--lang", type=click.Choice(["id", "en"]), help="Language (default: the workshop's).")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@friendly
def export_registers(path: Path, output: Path, names: tuple[str, ...], lang: str | None, force: bool) -> None:
    """Write the registers of PATH (innovations, action plans, risks, follow-ups, data requests) as .xlsx."""
    write_registers(path, names or tuple(REGISTERS), output, lang, force)

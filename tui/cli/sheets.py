"""The CLI's spreadsheets: ``rembuk export registers``, ``rembuk template`` and ``rembuk import-sheet``.

``export registers`` writes the registers as one workbook, a sheet each; ``template`` writes a
blank sheet an agency fills in; ``import-sheet`` reads one back (``.xlsx``, ``.xls``, ``.ods``,
``.csv``), refusing the whole file if any row is refused unless ``--skip-refused`` is given.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from core.sheets import REGISTER_NAMES
from core.sheets.columns import KINDS
from tui.cli.errors import fail, friendly
from tui.cli.exports import export
from tui.cli.output import write_out

if TYPE_CHECKING:
    from data.sheet_import import SheetImport


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
@click.option("--only", "names", multiple=True, type=click.Choice(list(REGISTER_NAMES)),
              help="Only this register (repeat for several; default: all, one sheet each).")
@click.option("--lang", type=click.Choice(["id", "en"]), help="Language (default: the workshop's).")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@friendly
def export_registers(path: Path, output: Path, names: tuple[str, ...], lang: str | None, force: bool) -> None:
    """Write the registers of PATH (innovations, action plans, risks, follow-ups, data requests) as .xlsx."""
    write_registers(path, names or REGISTER_NAMES, output, lang, force)


@click.command("template")
@click.argument("kind", type=click.Choice(list(KINDS)))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="Workbook (.xlsx) to write.")
@click.option("--workshop", type=click.Path(path_type=Path),
              help="Take the drop-down lists (agencies, …) from this workshop (default: the reference lists only).")
@click.option("--lang", type=click.Choice(["id", "en"]), help="Language (default: the workshop's, else the UI's).")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@friendly
def template(kind: str, output: Path, workshop: Path | None, lang: str | None, force: bool) -> None:
    """Write a blank KIND sheet (innovations, actions, risks) for an agency to fill in."""
    from core.i18n import current_language
    from core.sheets.template import template_workbook
    from data.sheets import reference_bundle
    from data.workshops import read_bundle

    bundle = read_bundle(workshop) if workshop else reference_bundle()
    language = lang or (bundle.workshop.language if workshop else current_language())
    write_out(template_workbook(kind, bundle, language), output, force)


@click.command("import-sheet")
@click.argument("workshop", type=click.Path(path_type=Path))
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--skip-refused", is_flag=True,
              help="Import the good rows and write the refused ones, with why, to a file to send back.")
@click.option("--refused", "refused_path", type=click.Path(path_type=Path),
              help="Where --skip-refused writes the refused rows (default: FILE-refused.xlsx beside FILE).")
@click.option("--dry-run", is_flag=True, help="Say what would be imported; write nothing.")
@click.option("--lang", type=click.Choice(["id", "en"]), help="Language of the refusals (default: the workshop's).")
@friendly
def import_sheet(workshop: Path, file: Path, skip_refused: bool, refused_path: Path | None, dry_run: bool,
                 lang: str | None) -> None:
    """Import an agency's FILE (.xlsx, .xls, .ods, .csv) of innovations, action plans or risks into WORKSHOP."""
    from core.i18n import _
    from data.sheet_import import apply_plan, plan_file
    from data.sheet_import import refused_path as default_refused
    from data.store import WorkshopStore

    store = WorkshopStore.open(workshop)
    try:
        found = plan_file(store, file, lang)
        report(found)
        refused = bool(found.plan.refusals)
        if dry_run:
            return
        if refused and not skip_refused:
            fail(_("sheets.cli.nothing_written", count=len(_refused_rows(found))))
        apply_plan(store, found.plan)
        click.echo(_("sheets.cli.imported", path=file), err=True)
        if refused:
            say_refused(found, refused_path or default_refused(file), lang or store.workshop().language)
    finally:
        store.close()


MAX_REFUSAL_LINES = 40
"""More refusals than this are counted, not listed (the refused-rows file has them all)."""


def report(found: SheetImport) -> None:
    """Each refusal by sheet and cell, then a line per sheet: added, changed, unchanged, refused."""
    from core.i18n import _

    lines = [refusal.line() for refusal in found.plan.refusals]
    for line in lines[:MAX_REFUSAL_LINES]:
        click.echo(line, err=True)
    if len(lines) > MAX_REFUSAL_LINES:
        click.echo(_("sheets.cli.more_refusals", count=len(lines) - MAX_REFUSAL_LINES), err=True)
    for sheet in found.sheets:
        added, changed, unchanged, refused = found.plan.counts(sheet.name)
        click.echo(_("sheets.cli.summary", sheet=sheet.name, added=added, changed=changed,
                     unchanged=unchanged, refused=refused), err=True)


def _refused_rows(found: SheetImport) -> list[tuple[str, int]]:
    return [(sheet, row) for sheet, rows in found.plan.refused_rows.items() for row in rows]


def say_refused(found: SheetImport, path: Path, lang: str) -> None:
    """Write the refused rows, with why, to ``path`` to send back to the agency, and say where."""
    from core.i18n import _
    from data.sheet_import import write_refused

    write_refused(found, path, lang)
    click.echo(_("sheets.cli.refused_written", path=path), err=True)

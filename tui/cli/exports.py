"""The CLI's file commands: export, import, check and schema. None of them starts the UI."""

from __future__ import annotations

from pathlib import Path

import click

from core.i18n import _
from tui.cli.documents import commitments, masterplan, minutes
from tui.cli.errors import fail, friendly


@click.group()
def export() -> None:
    """Write the minutes, the masterplan draft or a bundle of a workshop."""


export.add_command(minutes)
export.add_command(commitments)
export.add_command(masterplan)


@export.command("bundle")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="Bundle file to write.")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@friendly
def export_bundle(path: Path, output: Path, force: bool) -> None:
    """Write all of PATH as one JSON bundle (lossless; see `rembuk schema`)."""
    from data.exports import export_file
    from data.workshops import write_bundle_file

    try:
        write_bundle_file(path, lambda: export_file(output, overwrite=force))  # streamed, never held whole
    except FileExistsError:
        fail(_("cli.error.output_exists", path=output))
    click.echo(_("cli.written", path=output), err=True)


@click.command("import")
@click.argument("bundle", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="Workshop file to create.")
@click.option("--shared", is_flag=True, help="Make the new file group-shared.")
@friendly
def import_(bundle: Path, output: Path, shared: bool) -> None:
    """Create the workshop file OUTPUT from a JSON BUNDLE."""
    from data.workshops import import_bundle

    import_bundle(bundle, output, shared).close()
    click.echo(_("cli.created", path=output), err=True)


@click.command()
@click.argument("path", type=click.Path(path_type=Path))
@friendly
def check(path: Path) -> None:
    """Check PATH: SQLite integrity, schema version, and that every row is valid."""
    from data.check import check_workshop

    report = check_workshop(path)
    for line in report.lines:
        click.echo(line)
    if not report.ok:
        raise SystemExit(1)


@click.command()
def schema() -> None:
    """Print the JSON Schema of the bundle format."""
    from data.bundle import schema as bundle_schema

    click.echo(bundle_schema(), nl=False)

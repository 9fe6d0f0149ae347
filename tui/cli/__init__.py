"""The ``rembuk`` command line (click). Thin: each command opens a store and calls ``data`` or
``core``; heavy imports (textual) happen only inside the commands that start the app.

Every failure a user can cause ends in one translated line on stderr and exit code 2.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import click

import tui.cli.loading  # noqa: F401  (first of ours: settings for start-up time)
from core.i18n import _, resolve_language, set_language
from tui.cli.errors import fail, friendly
from tui.cli.help import RembukGroup
from tui.cli.setup_options import header_options, header_values


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("rembuk")
    except PackageNotFoundError:
        return "0+unknown"


def _print_version(ctx: click.Context, _param: click.Parameter, asked: bool) -> None:
    """``--version``: looked up only when asked (reading the package metadata costs start-up time)."""
    if asked and not ctx.resilient_parsing:
        click.echo(f"rembuk {_version()}")
        ctx.exit()


@click.group(cls=RembukGroup, invoke_without_command=True)
@click.option("--lang", type=click.Choice(["id", "en"]), help="UI language (default: REMBUK_LANG, then the locale).")
@click.option("--as", "name", metavar="NAME", help="This terminal's name in the room and on its notes "
              "(default: your login name).")
@click.option("--role", type=click.Choice(["facilitator", "notulis", "participant"]), default="facilitator",
              show_default=True, help="A facilitator's terminal drives the follow views if nobody else does.")
@click.option("--no-blink", is_flag=True, help="Text cursors do not blink (settings.toml: cursor_blink = false).")
@click.option("--slow-link", is_flag=True, help="Over a slow or metered link: write as little as possible; "
              "for now, cursors do not blink (settings.toml: slow_link = true).")
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="Show the version and exit.")
@click.pass_context
def main(ctx: click.Context, lang: str | None, name: str | None, role: str, no_blink: bool = False,
         slow_link: bool = False) -> None:
    """rembuk: run smart-city masterplan workshops together, from a terminal.

    Without a command, opens (or creates) your default workshop.
    """
    set_language(resolve_language(lang))
    ctx.obj = ({"role": role} | ({"name": name} if name else {}) | ({"cursor_blink": False} if no_blink else {})
               | ({"slow_link": True} if slow_link else {}))
    if ctx.invoked_subcommand is None:
        from tui.settings import data_dir

        _run_app(data_dir() / "workshop.rembuk", create=True)


RESTARTS = 3
"""How many times a run ended by an unexpected error is started again before giving up."""


def _run_app(path: Path, create: bool = False) -> None:
    """Open the workshop at ``path`` in the app and run it until the user quits.

    A run ended by an unexpected error (the app keeps the typing as drafts first) is started
    again at once over the same file, with a line saying so, so the room keeps its session.
    """
    gc.disable()  # no collection while the app's modules load (on again once the app is made)
    from core.i18n import current_language
    from data.check import verify_in_background

    verified = verify_in_background(path) if path.exists() else None  # while the app's modules load

    from tui.app import make_app
    from tui.failures import failure_line

    room = click.get_current_context().find_root().obj or {}
    for restart in range(RESTARTS + 1):
        early = verified if not restart else None  # a restart checks the file again, now
        app = friendly(make_app)(path, language=current_language(), create=create, verified=early, **room)
        gc.freeze()  # what loading made stays: no collection walks it again (a full one took over 100 ms here)
        gc.enable()
        if restart:
            app.call_later(app.notify, _("app.restarted"), severity="warning", timeout=15)
        app.run()
        app.leave_room()
        if app.failure is None:
            break
        app.store.close()
    else:
        fail(failure_line(app.failure))
    if app.return_code:
        sys.exit(app.return_code)


@main.command("open")
@click.argument("path", type=click.Path(path_type=Path))
def open_(path: Path) -> None:
    """Open the workshop file PATH."""
    _run_app(path)


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--region", default=None, help="Kabupaten/kota, e.g. 'Kabupaten Serang'.")
@click.option("--stage", type=click.Choice(["I", "II", "III", "IV"]), default=None,
              help="The Bimtek stage (default: I, or the stage after --from's).")
@click.option("--lang", "workshop_lang", type=click.Choice(["id", "en"]), default=None,
              help="The workshop's language, the minutes' default (default: id, or --from's).")
@click.option("--from", "previous", type=click.Path(path_type=Path), default=None,
              help="The previous stage's workshop: carry its agencies, people, innovations, plans, "
                   "risks, quick wins and open follow-ups into this one.")
@header_options
@click.option("--demo", is_flag=True, help="Fill it with the demo workshop (Kabupaten Serang, Bimtek II).")
@click.option("--shared", is_flag=True, help="Make the file group-readable and writable, for co-facilitators.")
@click.option("--no-open", is_flag=True,
              help="Create the file and return, without opening the app (always so when not run in a terminal).")
@friendly
def new(path: Path, region: str | None, stage: str | None, workshop_lang: str | None, previous: Path | None,
        demo: bool, shared: bool, no_open: bool, agency_list: str, **header: object) -> None:
    """Create a new workshop file at PATH and open it (in a terminal; a script just gets the file)."""
    from data.setup import save_setup
    from tui.cli.new import create_new

    given = {"region": region, "stage": stage, "language": workshop_lang, **header_values(header)}
    values = {name: value for name, value in given.items() if value is not None}
    store = create_new(path, values, previous=previous, agency_list=agency_list, demo=demo, shared=shared)
    try:
        if not demo:
            save_setup(store, store.workshop())  # the people it names join the register, with their roles
    finally:
        store.close()
    click.echo(_("cli.created", path=path), err=True)
    if not no_open and _in_a_terminal():
        _run_app(path)


def _in_a_terminal() -> bool:
    """Whether someone is at a terminal: a script or provisioning job has no tty to run the app on."""
    return sys.stdin.isatty() and sys.stdout.isatty()


@main.command()
@click.option("--fresh", is_flag=True, help="Build the demo anew (the old file is kept as .bak).")
@friendly
def demo(fresh: bool) -> None:
    """Open the demo workshop (Kabupaten Serang, Bimtek II), creating it the first time."""
    from data.workshop_files import ensure_demo
    from tui.settings import data_dir

    _run_app(ensure_demo(data_dir() / "demo.rembuk", fresh))


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
def follow(path: Path) -> None:
    """Follow the driving terminal on PATH, for the projector (read-only; q quits)."""
    from core.i18n import current_language
    from tui.follow_app import make_follow_app

    friendly(make_follow_app)(path, language=current_language()).run()


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on. Any other than this machine's needs the token URL printed.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@friendly
def serve(path: Path, host: str, port: int) -> None:
    """Serve the follow view of PATH to a browser (a projector laptop), read-only."""
    from core.i18n import current_language
    from data.store import WorkshopStore
    from tui.serve import FollowServer

    WorkshopStore.open(path, readonly=True).close()  # a bad file: one line now, not one per browser
    FollowServer(path.resolve(), current_language(), host, port, _("follow.title")).serve()


from tui.cli.exports import check, export, import_, schema  # noqa: E402  (commands defined there)
from tui.cli.risks import export_risks  # noqa: E402

export.add_command(export_risks)
import tui.cli.actions  # noqa: E402,F401  (adds `export actions` and `export roadmap`)
from tui.cli.sheets import import_sheet, template  # noqa: E402  (and `export registers`)

for _command in (export, import_, check, schema, template, import_sheet):
    main.add_command(_command)


"""How the CLI reports failures: one translated line on stderr and exit code 2, never a traceback."""

from __future__ import annotations

import functools
import sys

import click

from core.i18n import _

EXIT_USER_ERROR = 2


def friendly(command):
    """Turn StoreErrors and OS errors into one line on stderr and a non-zero exit."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        from data.errors import StoreError
        from tui.settings import SettingsError

        try:
            return command(*args, **kwargs)
        except (StoreError, SettingsError) as exc:
            fail(str(exc))
        except OSError as exc:
            fail(_("cli.error.os", path=exc.filename or "", detail=exc.strerror or str(exc)))
        except Exception as exc:  # noqa: BLE001 - the user gets one line; the log keeps the rest
            fail(_("cli.error.unexpected", error=type(exc).__name__, log=_log(exc)))

    return wrapper


def _log(exc: BaseException) -> str:
    """Append the traceback to rembuk.log in the data directory; return the log's path."""
    import traceback

    from tui.settings import data_dir

    log = data_dir() / "rembuk.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("a", encoding="utf-8") as out:
        out.write("".join(traceback.format_exception(exc)))
    return str(log)


def fail(line: str) -> None:
    """Print one line and exit with :data:`EXIT_USER_ERROR`."""
    click.echo(f"rembuk: {line}", err=True)
    sys.exit(EXIT_USER_ERROR)



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

        try:
            return command(*args, **kwargs)
        except StoreError as exc:
            fail(str(exc))
        except OSError as exc:
            fail(_("cli.error.os", path=exc.filename or "", detail=exc.strerror or str(exc)))

    return wrapper


def fail(line: str) -> None:
    """Print one line and exit with :data:`EXIT_USER_ERROR`."""
    click.echo(f"rembuk: {line}", err=True)
    sys.exit(EXIT_USER_ERROR)



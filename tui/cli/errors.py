"""How the CLI reports failures: one translated line on stderr and exit code 2, never a traceback."""

from __future__ import annotations

import functools
import sys

import click

EXIT_USER_ERROR = 2


def friendly(command):
    """Turn StoreErrors and OS errors into one line on stderr and a non-zero exit."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        from tui.failures import failure_line

        try:
            return command(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - the user gets one line; the log keeps the rest
            fail(failure_line(exc))

    return wrapper



def fail(line: str) -> None:
    """Print one line and exit with :data:`EXIT_USER_ERROR`."""
    click.echo(f"rembuk: {line}", err=True)
    sys.exit(EXIT_USER_ERROR)



"""How a failure reaches the user: one translated line, with the traceback kept in rembuk.log.

The CLI and the app share this: a :class:`~data.errors.StoreError` (or a settings error) already
says what to do, so its text is the line; anything else is unexpected, and the line names the
log that holds its traceback. Nothing here raises: a failure while reporting a failure must not
be what ends the session.
"""

from __future__ import annotations

import errno
import traceback
from pathlib import Path

from core.i18n import _, catalog, current_language
from data.errors import StoreError, quoted


def log_traceback(exc: BaseException) -> Path:
    """Append ``exc``'s traceback to rembuk.log in the data directory; return the log's path."""
    from tui.settings import data_dir

    log = data_dir() / "rembuk.log"
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as out:
            out.write("".join(traceback.format_exception(exc)))
    except OSError:
        pass  # a full or read-only disk: the one line still reaches the user
    return log


def os_reason(exc: OSError) -> str:
    """Why the system refused, in the user's language (the C library says it in English)."""
    name = errno.errorcode.get(exc.errno or 0, "")
    key = f"os.error.{name}"
    return _(key) if name and key in catalog(current_language()) else quoted(exc.strerror or str(exc))


def failure_line(exc: BaseException) -> str:
    """The one line a user reads for ``exc``, in the current language."""
    from tui.settings import SettingsError

    if isinstance(exc, StoreError | SettingsError):
        return str(exc)
    if isinstance(exc, OSError):
        return _("cli.error.os", path=exc.filename or "", detail=os_reason(exc))
    return _("cli.error.unexpected", error=type(exc).__name__, log=str(log_traceback(exc)))

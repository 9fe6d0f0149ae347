"""The header options of ``rembuk new``: a workshop prepared from a script, fields checked as the
set-up form checks them (:class:`core.setup.WorkshopSetup`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click
from pydantic import ValidationError

from core.i18n import _, current_language, translator
from core.validation import field_errors
from data.reference import AGENCY_LISTS

OPTIONS: list[tuple[str, str, dict[str, Any]]] = [
    ("organiser", "--organiser", {"help": "The organising agency (Instansi)."}),
    ("title", "--title", {"help": "The meeting's title (Judul)."}),
    ("event", "--event", {"help": "The event line (Acara); default: the stage and region."}),
    ("dates", "--date", {"multiple": True, "help": "A workshop day, 2024-07-02 or 2/7/2024 (repeat for more)."}),
    ("start_time", "--start", {"help": "Planned start time, e.g. 08.30."}),
    ("end_time", "--end", {"help": "Planned end time, e.g. 16.00."}),
    ("time_zone", "--zone", {"type": click.Choice(["WIB", "WITA", "WIT"]),
                             "help": "The region's time zone (default WIB)."}),
    ("venue", "--venue", {"help": "Where it takes place (Tempat)."}),
    ("chair", "--chair", {"help": "Who chairs it (Pimpinan rapat)."}),
    ("speakers", "--speaker", {"multiple": True, "help": "A speaker (Narasumber; repeat for more)."}),
    ("facilitator", "--facilitator", {"help": "The moderator/facilitator."}),
    ("minute_taker", "--minute-taker", {"help": "The minute-taker (Notulis)."}),
    ("next_stage_date", "--next-stage-date", {"help": "The date of the next stage."}),
    ("horizon_start", "--horizon-start", {"type": int, "help": "The masterplan's first year (default 2025)."}),
    ("horizon_end", "--horizon-end", {"type": int, "help": "The masterplan's last year (default 2034)."}),
]
"""Model field, option, click settings: the header fields ``rembuk new`` takes."""


def header_options(command: Callable) -> Callable:
    """Add the header options and ``--agencies`` to a click command."""
    for field, flag, settings in reversed(OPTIONS):
        command = click.option(flag, field, default=None, **settings)(command)
    return click.option("--agencies", "agency_list", type=click.Choice(list(AGENCY_LISTS)), default="kabupaten",
                        show_default=True, help="The agency list to start from (none: an empty list).")(command)


def header_values(options: dict[str, Any]) -> dict[str, Any]:
    """The header fields given on the command line, as :class:`WorkshopSetup` takes them."""
    values = {field: options.pop(field) for field, _flag, _settings in OPTIONS}
    values["dates"] = ",".join(values["dates"] or ())
    values["speakers"] = list(values["speakers"] or ())
    return {field: value for field, value in values.items() if value not in (None, "", [])}


def refused(exc: ValidationError) -> str:
    """The first refused option and why, as one line."""
    flags = {field: flag for field, flag, _settings in OPTIONS}
    field, message = next(iter(field_errors(exc, translator(current_language())).items()))
    return _("setup.cli.refused", option=flags.get(field, field), message=message)

"""``rembuk --help`` in the user's language: every command's help comes from the catalogs.

Click reads help from docstrings and ``help=`` at import, in English, before any option is
parsed. :class:`RembukGroup` resolves the language from the command line (``--lang``, then
``REMBUK_LANG``, then the locale) before click starts, and replaces each command's and
option's help with its catalog entry: ``cli.help.<command path>`` for a command
(``cli.help.export.minutes``), ``cli.help.<command path>.opt.<option>`` for an option, or
the shared ``cli.help.opt.<option>``. Click's own words (``Usage:``, ``Options``, the help
option's line) go through :class:`TranslatedFormatter`. The docstrings stay as the English
that a reader of the code sees; a test checks that every command and option has its entry.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import click

from core.i18n import _, catalog, current_language, resolve_language, set_language

CLICK_WORDS = {
    "Usage: ": "cli.help.usage",
    "Options": "cli.help.options",
    "Commands": "cli.help.commands",
    "Show this message and exit.": "cli.help.help_option",
}
"""Click's own strings that a help page shows, and their catalog keys."""


CLICK_MESSAGES = {
    "Error: {message}": "cli.click.error",
    "Try '{command} {option}' for help.": "cli.click.try_help",
    "Invalid value: {message}": "cli.click.invalid_value",
    "Invalid value for {param_hint}: {message}": "cli.click.invalid_value_for",
    "Missing argument": "cli.click.missing_argument",
    "Missing option": "cli.click.missing_option",
    "Missing parameter": "cli.click.missing_parameter",
    "No such option {name!r}.": "cli.click.no_such_option",
    "No such command {name!r}.": "cli.click.no_such_command",
    "Got unexpected extra argument ({args})": "cli.click.extra_argument",
    "Got unexpected extra arguments ({args})": "cli.click.extra_arguments",
    "Option {name!r} requires an argument.": "cli.click.needs_argument",
    "Option {name!r} requires {nargs} arguments.": "cli.click.needs_arguments",
    "Did you mean {possibility}?": "cli.click.did_you_mean",
    "(Did you mean one of: {possibilities}?)": "cli.click.did_you_mean_one_of",
    "{value!r} is not {choice}.": "cli.click.not_choice",
    "{value!r} is not one of {choices}.": "cli.click.not_one_of",
    "{value!r} is not a valid {number_type}.": "cli.click.not_a_number",
    "required": "cli.click.required",
}
"""Click's usage errors (``rembuk open --lnag``) and their catalog keys: click asks
:func:`gettext.gettext` for them, as templates it then fills in."""

CLICK_MODULES = ("core", "exceptions", "parser", "types")
"""The click modules whose messages go through :func:`click_gettext`."""


def click_gettext(message: str) -> str:
    """Click's ``_``: its template in the user's language, where the catalogs have it."""
    key = CLICK_MESSAGES.get(message)
    return (_translated([key], message) or message) if key else message


def click_ngettext(singular: str, plural: str, count: int) -> str:
    """Click's ``ngettext``, through :func:`click_gettext`."""
    return click_gettext(singular if count == 1 else plural)


def translate_click_messages() -> None:
    """Have click say its usage errors in the user's language (it imported ``gettext``'s own)."""
    import importlib

    for name in CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        names = vars(module)
        if "_" in names:
            names["_"] = click_gettext
        if "ngettext" in names:
            names["ngettext"] = click_ngettext


def _word(text: str) -> str:
    key = CLICK_WORDS.get(text)
    return _(key) if key else text.replace("[default: ", "[" + _("cli.help.default") + ": ")


class TranslatedFormatter(click.HelpFormatter):
    """Click's help formatter, with click's own headings and lines in the user's language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, _word(prefix or "Usage: "))

    def write_heading(self, heading: str) -> None:
        super().write_heading(_word(heading))

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, _word(text)) for term, text in rows], col_max, col_spacing)


class TranslatedContext(click.Context):
    """A context whose help pages use :class:`TranslatedFormatter`."""

    formatter_class = TranslatedFormatter


def language_in(args: Sequence[str]) -> str | None:
    """The value of ``--lang`` given before the subcommand, if any."""
    for number, arg in enumerate(args):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and number + 1 < len(args):
            return args[number + 1]
        if not arg.startswith("-"):
            return None
    return None


def commands(command: click.Command, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    """Every command under ``command`` (itself first), with its path of names."""
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in sorted(command.commands.items()):
            yield from commands(sub, (*path, name))


def help_keys(path: tuple[str, ...], option: str | None = None) -> list[str]:
    """The catalog keys tried, in order, for a command's (or one of its options') help."""
    where = ".".join(path) or "rembuk"
    if option is None:
        return [f"cli.help.{where}"]
    return [f"cli.help.{where}.opt.{option}", f"cli.help.opt.{option}"]


def _translated(keys: list[str], fallback: str | None) -> str | None:
    strings = catalog(current_language())
    return next((strings[key] for key in keys if key in strings), fallback)


def translate_tree(root: click.Command) -> None:
    """Put the current language's help on every command and option under ``root``."""
    for path, command in commands(root):
        command.context_class = TranslatedContext
        command.help = _translated(help_keys(path), command.help)
        command.short_help = None  # made again from the translated help
        for param in command.params:
            if isinstance(param, click.Option) and param.help and param.name:
                param.help = _translated(help_keys(path, param.name), param.help)


class RembukGroup(click.Group):
    """The root command: sets the language and translates the help before click parses anything."""

    def main(self, args: Sequence[str] | None = None, *rest: Any, **options: Any) -> Any:
        arguments = list(sys.argv[1:] if args is None else args)
        language = language_in(arguments)
        set_language(resolve_language(language if language in ("id", "en") else None))
        translate_tree(self)
        translate_click_messages()
        return super().main(arguments, *rest, **options)

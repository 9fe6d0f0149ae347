"""``rembuk --help`` and every subcommand's help speak the user's language."""

from __future__ import annotations

import os
import subprocess

import click
import pytest

from core.i18n import catalog
from tests.reliability.helpers import REMBUK
from tui.cli import main
from tui.cli.help import commands, help_keys


def run_rembuk(args: tuple[str, ...], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``rembuk ARGS`` with only the language variables of ``env`` set."""
    environ = {k: v for k, v in os.environ.items() if k not in ("REMBUK_LANG", "LANG", "LC_ALL")}
    return subprocess.run([REMBUK, *args], capture_output=True, text=True, env={**environ, **env}, timeout=60)


def rembuk_help(*args: str, **env: str) -> str:
    result = run_rembuk(args, env)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_command_and_option_has_help_in_both_languages(lang):
    strings = catalog(lang)
    for path, command in commands(main):
        assert help_keys(path)[0] in strings, path
        for param in command.params:
            if isinstance(param, click.Option) and param.help:
                assert any(key in strings for key in help_keys(path, param.name)), (path, param.name)


def test_help_is_indonesian_when_the_language_is():
    page = rembuk_help("--help", REMBUK_LANG="id")
    assert "Cara pakai:" in page and "Buka berkas lokakarya PATH." in page and "Opsi:" in page
    assert "Open the workshop" not in page and "Show this message" not in page


def test_a_subcommand_follows_lang_given_before_it():
    page = rembuk_help("--lang", "id", "export", "minutes", "--help", LANG="en_US.UTF-8")
    assert "Tulis notulen PATH" in page and "dari nama berkas keluaran" in page and "Timpa berkas" in page


def test_a_required_option_is_marked_in_the_users_language():
    page = rembuk_help("--lang", "id", "import", "--help")
    assert "[wajib]" in page and "[required]" not in page
    assert "[required]" in rembuk_help("--lang", "en", "import", "--help")


def test_help_stays_english_in_english():
    page = rembuk_help("new", "--help", REMBUK_LANG="en")
    assert "Usage:" in page and "Create a new workshop file at PATH" in page


def rembuk_refused(*args: str, **env: str) -> str:
    result = run_rembuk(args, env)
    assert result.returncode == 2, result.stderr
    return result.stderr


def test_a_mistyped_command_line_is_refused_in_indonesian():
    """Click's own usage errors (an unknown option, a wrong choice, a missing argument) follow the
    language, as the help does."""
    assert "Kesalahan: Tidak ada opsi '--lnag'." in rembuk_refused("open", "--lnag", "x", REMBUK_LANG="id")
    refused = rembuk_refused("opn", "x", REMBUK_LANG="id")
    assert "Tidak ada perintah 'opn'. Maksud Anda 'open'?" in refused and "Lihat 'rembuk --help'" in refused
    assert "'V' bukan salah satu dari 'I', 'II', 'III', 'IV'" in rembuk_refused("new", "x", "--stage", "V",
                                                                                 REMBUK_LANG="id")
    assert "Error: No such option '--lnag'." in rembuk_refused("open", "--lnag", "x", REMBUK_LANG="en")

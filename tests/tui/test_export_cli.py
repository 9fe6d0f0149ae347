"""`rembuk export minutes|masterplan --format md|html`, run as a user runs it."""

from __future__ import annotations

import threading
from pathlib import Path

import click
import pytest

from tests.tui.test_cli import assert_one_clear_line, rembuk
from tui.cli.documents import progress


@pytest.mark.parametrize("document", ["minutes", "masterplan"])
def test_html_to_a_file_and_markdown_to_stdout(demo_path: Path, tmp_path: Path, document: str) -> None:
    out = tmp_path / f"{document}.html"
    result = rembuk("export", document, str(demo_path), "--format", "html", "-o", str(out), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == f"Wrote {out}"
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en">' in html
    markdown = rembuk("export", document, str(demo_path))
    assert markdown.returncode == 0 and markdown.stdout.startswith("# ")
    assert ("Notulen Rapat" if document == "minutes" else "Masterplan Smart City") in markdown.stdout


def test_exports_are_the_same_bytes_every_time(demo_path: Path) -> None:
    first = rembuk("export", "masterplan", str(demo_path), "--format", "html").stdout
    assert first and rembuk("export", "masterplan", str(demo_path), "--format", "html").stdout == first


def test_masterplan_never_overwrites_without_force(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    out.write_text("mine", encoding="utf-8")
    assert_one_clear_line(rembuk("export", "masterplan", str(demo_path), "-o", str(out)), "--force")
    assert out.read_text(encoding="utf-8") == "mine"
    assert rembuk("export", "masterplan", str(demo_path), "-o", str(out), "--force").returncode == 0
    assert out.read_text(encoding="utf-8").startswith("# Masterplan Smart City Kabupaten Serang")


def test_a_bad_format_is_refused_by_click(demo_path: Path) -> None:
    result = rembuk("export", "minutes", str(demo_path), "--format", "pdf")
    assert result.returncode == 2 and "pdf" in result.stderr


def test_a_slow_export_says_so_and_says_when_it_is_done(capsys: pytest.CaptureFixture[str]) -> None:
    """Past the threshold, one line on stderr; when done, another. A fast one prints nothing."""
    printed = ""
    with progress("minutes", after=0.0):
        for _ in range(500):  # the timer thread prints; poll for it, at most 5 s
            printed += capsys.readouterr().err
            if printed:
                break
            threading.Event().wait(0.01)
    assert printed == "Exporting the minutes…\n"
    assert capsys.readouterr().err == "Done.\n"
    with progress("minutes"):
        click.echo("fast")
    assert capsys.readouterr().err == ""

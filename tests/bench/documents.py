"""Documents and sheets as a user exports and imports them: Markdown beside Word and PDF, and a
3,000-row sheet read in.

For the demo and the stress workshop (`data.stress`, 1×), `rembuk export minutes` runs as a
subprocess in each format (md, docx, pdf; PDF through LibreOffice when it is installed), and
so does `rembuk export masterplan --format docx`. Then a sheet of 3,000 innovations (made
with openpyxl, untimed) is imported into a new workshop with `rembuk import-sheet`. Each is
timed from spawn to exit with its peak RSS (`files.timed`). This reports; it asserts nothing.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tests.bench.files import timed
from tests.bench.scenarios import rembuk_executable

SHEET_ROWS = 3000


@dataclass(frozen=True)
class DocumentRun:
    """One timed command on one workshop."""

    workshop: str
    command: str
    seconds: float
    peak_rss_bytes: int


def _workshops(scratch: Path, env: dict[str, str]) -> dict[str, Path]:
    demo, stress = scratch / "demo.rembuk", scratch / "stress.rembuk"
    rembuk = rembuk_executable()
    subprocess.run([rembuk, "new", str(demo), "--demo", "--no-open"], check=True, capture_output=True, env=env)
    subprocess.run([sys.executable, "-m", "data.stress", str(stress)], check=True, capture_output=True, env=env)
    return {"demo": demo, "stress": stress}


def _sheet(path: Path) -> None:
    """A sheet of :data:`SHEET_ROWS` new innovations across the elements and agencies."""
    import openpyxl

    from data.reference import default_agencies, reference_data

    elements = [e.code for e in reference_data().elements]
    agencies = [a.abbreviation for a in default_agencies()]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Inovasi"
    sheet.append(["Inovasi", "Elemen", "Status", "Perangkat daerah pengampu", "Jangka waktu", "Permasalahan"])
    for n in range(SHEET_ROWS):
        sheet.append([f"Inovasi kiriman {n}", elements[n % len(elements)], "Baru", agencies[n % len(agencies)],
                      "Jangka pendek", f"Permasalahan nomor {n} yang diajukan perangkat daerah"])
    book.save(path)


def _commands(name: str, workshop: Path, scratch: Path) -> list[tuple[str, list[str]]]:
    rembuk = rembuk_executable()
    formats = ["md", "docx", *(["pdf"] if shutil.which("soffice") else [])]
    commands = [(f"export minutes --format {fmt}",
                 [rembuk, "export", "minutes", str(workshop), "--format", fmt, "-o", str(scratch / f"{name}.{fmt}"),
                  "--force"]) for fmt in formats]
    commands.append(("export masterplan --format docx",
                     [rembuk, "export", "masterplan", str(workshop), "--format", "docx", "-o",
                      str(scratch / f"{name}-masterplan.docx"), "--force"]))
    return commands


def measure(runs: int = 1, progress: bool = False) -> list[DocumentRun]:
    """Every document command on the demo and the stress workshop, and the sheet import."""
    results = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="rembuk-bench-docs-") as folder:
            scratch = Path(folder)
            env = {**os.environ, "HOME": folder, "XDG_DATA_HOME": f"{folder}/data"}
            for name, workshop in _workshops(scratch, env).items():
                for command, argv in _commands(name, workshop, scratch):
                    results.append(_timed(name, command, argv, env))
                    if progress:
                        print(f"documents: {name} {command} {results[-1].seconds:.1f} s", file=sys.stderr)
            results.append(_import(scratch, env))
    return results


def _timed(workshop: str, command: str, argv: list[str], env: dict[str, str]) -> DocumentRun:
    """One command timed; one that fails (LibreOffice giving up on a huge document) is reported
    as not finished rather than ending the benchmark."""
    try:
        return DocumentRun(workshop, command, *timed(argv, env))
    except RuntimeError:
        return DocumentRun(workshop, command, float("nan"), 0)


def _import(scratch: Path, env: dict[str, str]) -> DocumentRun:
    sheet, target = scratch / "kiriman.xlsx", scratch / "kosong.rembuk"
    _sheet(sheet)
    rembuk = rembuk_executable()
    subprocess.run([rembuk, "new", str(target), "--region", "Kabupaten Pandeglang", "--no-open"], check=True,
                   capture_output=True, env=env)
    return DocumentRun("new workshop", f"import-sheet ({SHEET_ROWS:,} rows)",
                       *timed([rembuk, "import-sheet", str(target), str(sheet)], env))


def render(results: list[DocumentRun]) -> list[str]:
    """The report's section: one row per workshop and command, medians over the runs."""
    lines = [
        "## Documents and sheets",
        "",
        "`rembuk export minutes` as Markdown, Word and PDF (LibreOffice headless) and the masterplan as "
        f"Word, for the demo and the stress workshop; then `rembuk import-sheet` of {SHEET_ROWS:,} "
        "innovations into a new workshop. Each a subprocess, spawn to exit; peak RSS. Medians.",
        "",
        "| Workshop | Command | Median s | Peak RSS MiB | n |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    groups: dict[tuple[str, str], list[DocumentRun]] = {}
    for run in results:
        groups.setdefault((run.workshop, run.command), []).append(run)
    for (workshop, command), runs in groups.items():
        seconds = statistics.median(r.seconds for r in runs)
        rss = statistics.median(r.peak_rss_bytes for r in runs) / 2**20
        shown = "did not finish" if seconds != seconds else f"{seconds:.2f}"  # NaN: it failed
        lines.append(f"| {workshop} | {command} | {shown} | {rss:.0f} | {len(runs)} |")
    return lines


if __name__ == "__main__":
    print("\n".join(render(measure(progress=True))))

"""The layering is mechanical: every module is in an import-linter layer, and SQL stays in data/."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("core", "data", "tui", "screens")
SQL = re.compile(r"\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|ORDER BY|WHERE|COLLATE)\b|\w+ (=|IN|LIKE) \?")


def _modules() -> list[str]:
    found = []
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if parts[-1] != "__init__":
                found.append(".".join(parts))
    return found


def _layers() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    [contract] = [c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    return [name.strip() for layer in contract["layers"] for name in layer.split(":")]


def test_every_module_is_in_a_layer():
    layers = _layers()
    outside = [m for m in _modules() if not any(m == layer or m.startswith(layer + ".") for layer in layers)]
    assert outside == []


def sql_outside_data(root: Path) -> list[str]:
    """Where string constants in tui/ and screens/ look like SQL."""
    found = []
    for package in ("tui", "screens"):
        for path in (root / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value):
                    found.append(f"{path.relative_to(root)}:{node.lineno}")
    return found


def test_no_sql_text_outside_data():
    assert sql_outside_data(ROOT) == []

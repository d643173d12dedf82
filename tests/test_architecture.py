"""The floors of .importlinter cover the whole code: a new module must be given a floor before it lands."""

from __future__ import annotations

import ast
import configparser
import pkgutil
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def floors() -> list[list[str]]:
    parser = configparser.ConfigParser()
    parser.read(ROOT / ".importlinter")
    layers = parser["importlinter:contract:floors"]["layers"].strip().splitlines()
    return [[name.strip() for name in re.split(r"[|:]", line) if name.strip()] for line in layers]


def modules(package: str) -> list[str]:
    found = [package]
    for info in pkgutil.walk_packages([str(ROOT / package.replace(".", "/"))], prefix=f"{package}."):
        found.append(info.name)
    return found


def test_every_module_stands_on_exactly_one_floor():
    placed = [name for floor in floors() for name in floor]
    assert len(placed) == len(set(placed)), "a module is listed on two floors"
    roots = {"pipeline", "graph", "filters"}  # the packages themselves hold no code of a floor
    unplaced = []
    for module in (m for package in sorted(roots) for m in modules(package)):
        if module in roots or module == "pipeline.stages":
            continue
        owners = [name for name in placed if module == name or module.startswith(f"{name}.")]
        if len(owners) != 1:
            unplaced.append((module, owners))
    assert not unplaced, f"modules without exactly one floor in .importlinter: {unplaced}"


def test_the_package_roots_hold_no_code():
    """Code in a package's __init__ would stand on no floor: the roots hold a docstring (and the version)."""
    for package in ("pipeline", "graph", "filters", "pipeline/stages"):
        tree = ast.parse((ROOT / package / "__init__.py").read_text())
        for node in tree.body:
            docstring = isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
            version = isinstance(node, ast.Assign) and [t.id for t in node.targets] == ["__version__"]
            assert docstring or version, (package, ast.dump(node)[:80])

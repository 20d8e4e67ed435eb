"""The imports between the parts of a package, read with `ast`, checked against its layers.

A part ("unit") is a top-level module or subpackage of the package (`hoagiai.legal`,
`hoagiai.site`; "" is the package's own `__init__.py`), or a module named on its own in
the layer table (`hoagiai.safety.feature`, which sits higher than the rest of
`hoagiai.safety`). Every import counts, wherever it is written (inside a function or under
TYPE_CHECKING too).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

Layer = tuple[str, Sequence[str]]  # (name, units), the layers listed top to bottom


@dataclass(frozen=True)
class Import:
    """`importer` (a module) imports `imported` (a module or a name in one) at `line`."""

    path: Path
    line: int
    importer: str
    imported: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.importer} imports {self.imported}"


def module_name(package_dir: Path, path: Path) -> str:
    parts = list(path.relative_to(package_dir.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(package_dir: Path) -> Iterator[Import]:
    """Every import written in the package's modules."""
    for path in sorted(package_dir.rglob("*.py")):
        importer = module_name(package_dir, path)
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield Import(path, node.lineno, importer, alias.name)
            elif isinstance(node, ast.ImportFrom):
                base = _absolute(importer, is_package, node.level, node.module)
                yield Import(path, node.lineno, importer, base)
                for alias in node.names:
                    yield Import(path, node.lineno, importer, f"{base}.{alias.name}")


def _absolute(importer: str, is_package: bool, level: int, module: str | None) -> str:
    if not level:
        return module or ""
    parts = importer.split(".")
    base = parts if is_package else parts[:-1]
    base = base[:len(base) - (level - 1)]
    return ".".join([*base, module] if module else base)


def unit_of(module: str, units: Sequence[str]) -> str | None:
    """The most specific unit holding `module`, None when it is outside every unit. The
    package itself (its `__init__.py`) holds only itself."""
    package = module.split(".")[0]
    holders = [unit for unit in units
               if module == unit or (unit != package and module.startswith(unit + "."))]
    return max(holders, key=len) if holders else None


@dataclass(frozen=True)
class Findings:
    upward: list[str]  # a lower layer importing a higher one
    forbidden: list[str]  # a module outside `allowed_in` importing a forbidden library
    cycles: list[list[str]]  # units importing each other, directly or not
    unplaced: list[str]  # modules in no layer


def check(package_dir: Path, layers: Sequence[Layer], forbidden: Sequence[str],
          allowed_in: str) -> Findings:
    """Check the package at `package_dir` against `layers`; `forbidden` libraries may be
    imported only inside the unit `allowed_in`."""
    package = package_dir.name
    rank = {f"{package}.{unit}" if unit else package: number
            for number, (_, units) in enumerate(layers) for unit in units}
    units = list(rank)
    layer_names = {unit: layers[number][0] for unit, number in rank.items()}
    upward: list[str] = []
    found_forbidden: list[str] = []
    modules = [module_name(package_dir, path) for path in package_dir.rglob("*.py")]
    unplaced = {module for module in modules if unit_of(module, units) is None}
    edges: dict[str, set[str]] = {unit: set() for unit in units}
    for found in imports(package_dir):
        source = unit_of(found.importer, units)
        if source is None:
            continue
        top = found.imported.split(".")[0]
        if top in forbidden and not (found.importer + ".").startswith(
                f"{package}.{allowed_in}."):
            found_forbidden.append(str(found))
        if top != package:
            continue
        target = unit_of(found.imported, units)
        # Every import runs the package's own __init__.py first: importing it is no dependency.
        if target is None or target in (source, package):
            continue
        edges[source].add(target)
        if rank[target] < rank[source]:
            upward.append(f"{found} ({layer_names[source]} → {layer_names[target]})")
    return Findings(sorted(set(upward)), sorted(set(found_forbidden)), _cycles(edges),
                    sorted(unplaced))


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one unit (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(unit: str) -> None:
        index[unit] = low[unit] = len(index)
        stack.append(unit)
        on_stack.add(unit)
        for target in sorted(edges.get(unit, ())):
            if target not in index:
                visit(target)
                low[unit] = min(low[unit], low[target])
            elif target in on_stack:
                low[unit] = min(low[unit], index[target])
        if low[unit] == index[unit]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == unit:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for unit in sorted(edges):
        if unit not in index:
            visit(unit)
    return groups

"""The project's own import graph, read with :mod:`ast` (nothing is imported).

Every ``import`` and ``from … import`` of a module counts, those inside functions
included, and so does each parent package's ``__init__`` (Python runs it before the
module). :func:`reached` follows the graph from one module; the build's code
fingerprint (:func:`ita_dash.build.code_fingerprint`) hashes the source of every
module it reaches, so no hand-kept list can miss one.
"""

from __future__ import annotations

import ast
import hashlib
from pathlib import Path

PACKAGE = "ita_dash"
PACKAGE_DIR = Path(__file__).resolve().parent


def module_path(name: str, package_dir: Path = PACKAGE_DIR) -> Path | None:
    """The file of a module of the package (``ita_dash.store.files``), or None."""
    parts = name.split(".")
    if parts[0] != PACKAGE:
        return None
    base = package_dir.joinpath(*parts[1:])
    for path in (base.with_suffix(".py") if len(parts) > 1 else None, base / "__init__.py"):
        if path is not None and path.is_file():
            return path
    return None


def _parents(name: str) -> list[str]:
    """``a.b.c`` -> ``a``, ``a.b``: the packages whose ``__init__`` runs first."""
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def imports_of(name: str, package_dir: Path = PACKAGE_DIR) -> set[str]:
    """The package's modules that module ``name`` imports anywhere in its source."""
    path = module_path(name, package_dir)
    if path is None:
        return set()
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_bytes(), filename=str(path))
    found: set[str] = set()
    for node in _statements(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = name.split(".")
                anchor = anchor[:len(anchor) - node.level + (1 if is_package else 0)]
                base = ".".join(anchor + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            found.add(base)
            # ``from ita_dash.store import files``: a submodule, when one has that name
            found.update(f"{base}.{alias.name}" for alias in node.names
                         if module_path(f"{base}.{alias.name}", package_dir) is not None)
    return {m for m in found if module_path(m, package_dir) is not None}


def _statements(tree: ast.AST) -> list[ast.stmt]:
    """Every statement, nested ones included (an import is a statement: expressions,
    most of a module's nodes, are not walked)."""
    found: list[ast.stmt] = []
    todo: list[ast.AST] = [tree]
    while todo:
        node = todo.pop()
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.stmt | ast.excepthandler | ast.match_case):
                todo.append(child)
                if isinstance(child, ast.stmt):
                    found.append(child)
    return found


def reached(start: str, package_dir: Path = PACKAGE_DIR) -> dict[str, Path]:
    """Every module of the package that importing ``start`` runs: module name -> file."""
    seen: dict[str, Path] = {}
    todo = [start]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        path = module_path(name, package_dir)
        if path is None:
            continue
        seen[name] = path
        todo.extend(imports_of(name, package_dir) | set(_parents(name)))
    return dict(sorted(seen.items()))


def source_fingerprint(start: str, package_dir: Path = PACKAGE_DIR) -> str:
    """A hash of the source of every module importing ``start`` runs (name and bytes)."""
    digest = hashlib.sha256()
    for name, path in reached(start, package_dir).items():
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]

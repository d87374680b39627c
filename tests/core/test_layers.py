"""The layer contract: every module of ita_dash/, app.py and pages/ sits in one layer and
imports only from its own layer or lower ones, with no import circle at all.

Imports are read with ``ast`` (imports inside functions and ``TYPE_CHECKING`` blocks count).
The layers, lowest first, are written down here and in docs/ARCHITECTURE.md.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# lowest first; a module's layer is that of the longest prefix naming it (a package's
# modules too), '=' naming one module only
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("basics", ("=ita_dash", "ita_dash.config", "ita_dash.thai", "ita_dash.thailand",
                "ita_dash.palette", "ita_dash.escape", "ita_dash.problems",
                "ita_dash.safe_files", "ita_dash.lock", "ita_dash.schema", "ita_dash.scope",
                "ita_dash.demo", "ita_dash.timing", "ita_dash.auth", "ita_dash.session_cookie",
                "ita_dash.cells", "ita_dash.rows", "ita_dash.i18n", "ita_dash.images",
                "ita_dash.module_graph")),
    ("framework", ("ita_dash.framework",)),
    ("rules", ("ita_dash.rules",)),
    ("loader", ("ita_dash.loader", "ita_dash.generators")),
    ("store", ("ita_dash.store",)),
    ("build", ("ita_dash.derive", "ita_dash.page_tables", "ita_dash.build",
               "ita_dash.build_check", "ita_dash.publish", "ita_dash.db")),
    ("importer", ("ita_dash.importer",)),
    ("editing", ("ita_dash.editing",)),
    ("queries", ("ita_dash.queries", "ita_dash.bench_reference", "ita_dash.whatif")),
    ("presentation", ("ita_dash.charts", "ita_dash.tables", "ita_dash.deck", "ita_dash.report")),
    ("apps", ("ita_dash.ui", "ita_dash.cli", "ita_dash.__main__", "ita_dash.import_cli",
              "ita_dash.deck.cli", "ita_dash.report.cli", "ita_dash.bench", "ita_dash.bench_import", "app", "pages")),
]


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def project_modules(root: Path = ROOT) -> dict[str, Path]:
    files = [*(root / "ita_dash").rglob("*.py"), root / "app.py",
             *sorted((root / "pages").glob("*.py"))]
    return {module_name(p, root): p for p in files if p.exists()}


def imports_of(path: Path, name: str, modules: dict[str, Path]) -> set[str]:
    """The project modules ``name`` imports (a package's __init__ counts for its submodules)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*up, base] if base else up)
            targets = [f"{base}.{alias.name}" for alias in node.names]
            if not all(t in modules for t in targets):  # names defined in ``base`` itself
                targets.append(base)
        else:
            continue
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def layer_of(name: str) -> int:
    best, layer = -1, -1
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            exact = prefix.startswith("=")
            prefix = prefix.lstrip("=")
            if (name == prefix or (not exact and name.startswith(prefix + "."))) \
                    and len(prefix) > best:
                best, layer = len(prefix), index
    return layer


def violations(root: Path = ROOT) -> list[str]:
    """Every module without a layer and every import of a higher layer."""
    modules = project_modules(root)
    found = []
    for name, path in sorted(modules.items()):
        own = layer_of(name)
        if own < 0:
            found.append(f"{name}: no layer (add it to LAYERS)")
            continue
        for target in sorted(imports_of(path, name, modules)):
            if layer_of(target) > own:
                found.append(f"{name} ({LAYERS[own][0]}) imports {target} "
                             f"({LAYERS[layer_of(target)][0]})")
    return found


def circles(root: Path = ROOT) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    modules = project_modules(root)
    graph = {name: imports_of(path, name, modules) for name, path in modules.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return found


def test_every_module_imports_only_its_layer_or_lower() -> None:
    assert violations() == []


def test_no_import_circle() -> None:
    assert circles() == []


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    for folder in ("ita_dash", "pages"):
        for path in (ROOT / folder).rglob("*.py"):
            target = tmp_path / path.relative_to(ROOT)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "app.py").write_text((ROOT / "app.py").read_text(encoding="utf-8"))
    return tmp_path


def test_the_contract_fails_on_an_upward_import_inside_a_function(project_copy: Path) -> None:
    """An import of the query layer inside a function of the rules is caught, and so is the
    circle it makes when the query layer imports the rules back."""
    rules = project_copy / "ita_dash" / "rules.py"
    rules.write_text(rules.read_text(encoding="utf-8")
                     + "\n\ndef _late():\n    from ita_dash import queries\n    return queries\n",
                     encoding="utf-8")
    assert violations(project_copy) == ["ita_dash.rules (rules) imports ita_dash.queries (queries)"]
    queries = project_copy / "ita_dash" / "queries.py"
    queries.write_text(queries.read_text(encoding="utf-8") + "\nfrom ita_dash import rules\n",
                       encoding="utf-8")
    assert ["ita_dash.queries", "ita_dash.rules"] in circles(project_copy)


def test_a_module_without_a_layer_is_reported(project_copy: Path) -> None:
    (project_copy / "ita_dash" / "stray.py").write_text("X = 1\n", encoding="utf-8")
    assert violations(project_copy) == ["ita_dash.stray: no layer (add it to LAYERS)"]

"""The build's code fingerprint covers every module the build runs (its import graph)."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ita_dash import build, module_graph
from ita_dash.config import DEFAULT_DATA_DIR, PACKAGE_DIR

START = build.BUILD_MODULE


def defining(function: str, package_dir: Path = PACKAGE_DIR) -> str:
    """The module of the package that defines ``function`` (found by name: modules move)."""
    pattern = re.compile(rf"^def {function}\(", re.MULTILINE)
    found = [path for path in package_dir.rglob("*.py")
             if pattern.search(path.read_text(encoding="utf-8"))]
    assert len(found) == 1, found
    relative = found[0].relative_to(package_dir.parent).with_suffix("")
    return ".".join(relative.parts)


def edit_function(package_dir: Path, function: str) -> None:
    """Add a harmless statement at the start of ``function``'s body (after its docstring)."""
    path = module_graph.module_path(defining(function, package_dir), package_dir)
    assert path is not None
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    [node] = [n for n in ast.walk(ast.parse("".join(lines)))
              if isinstance(n, ast.FunctionDef) and n.name == function]
    first = node.body[0]
    documented = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
    at = first.end_lineno if documented else first.lineno - 1
    assert at is not None
    lines.insert(at, " " * first.col_offset + "_ = None  # edited\n")
    path.write_text("".join(lines), encoding="utf-8")


def test_the_build_reaches_name_keys_number_parsing_and_cell_text() -> None:
    reached = module_graph.reached(START)
    for function in ("name_key", "parse_number", "cell_text", "refresh_derived",
                     "load_source_data", "populate"):
        assert defining(function) in reached, function
    assert {"ita_dash", "ita_dash.store", "ita_dash.generators.national"} <= set(reached)
    assert "ita_dash.charts" not in reached  # the pages' code does not shape a build


def test_changing_any_module_the_build_runs_changes_the_fingerprint(tmp_path: Path) -> None:
    package = tmp_path / "ita_dash"
    shutil.copytree(PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    before = module_graph.source_fingerprint(START, package)
    assert before == build.code_fingerprint()
    reached = module_graph.reached(START, package)
    for name, path in reached.items():
        text = path.read_bytes()
        path.write_bytes(text + b"\n# a change\n")
        assert module_graph.source_fingerprint(START, package) != before, name
        path.write_bytes(text)
    outside = package / "charts.py"
    outside.write_bytes(outside.read_bytes() + b"\n# not the build's\n")
    assert module_graph.source_fingerprint(START, package) == before


def test_imports_inside_functions_relative_ones_and_parent_packages_count(tmp_path: Path) -> None:
    package = tmp_path / "ita_dash"
    (package / "sub" / "deep").mkdir(parents=True)
    files = {
        "__init__.py": "",
        "start.py": "def f():\n    if True:\n        from ita_dash.sub.deep import leaf\n",
        "sub/__init__.py": "from . import helper\n",
        "sub/helper.py": "try:\n    import os\nexcept ImportError:\n    from .. import other\n",
        "sub/deep/__init__.py": "",
        "sub/deep/leaf.py": "from ..helper import x\nfrom ita_dash import third\n",
        "other.py": "", "third.py": "", "unused.py": "",
    }
    for name, text in files.items():
        (package / name).write_text(text, encoding="utf-8")
    assert list(module_graph.reached("ita_dash.start", package)) == [
        "ita_dash", "ita_dash.other", "ita_dash.start", "ita_dash.sub", "ita_dash.sub.deep",
        "ita_dash.sub.deep.leaf", "ita_dash.sub.helper", "ita_dash.third"]


def _run(project: Path, places: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ITA_")}
    env.update(PYTHONPATH=str(project), ITA_DB_PATH=str(places / "db" / "ita.duckdb"),
               ITA_STORE_DIR=str(places / "store"), ITA_DATA_DIR=str(project / "data"))
    done = subprocess.run([sys.executable, "-m", "ita_dash", *args], cwd=project, env=env,  # noqa: S603
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return done


@pytest.mark.e2e
def test_editing_name_key_or_number_parsing_makes_the_next_command_rebuild(
        tmp_path: Path) -> None:
    project, places = tmp_path / "project", tmp_path / "places"
    shutil.copytree(PACKAGE_DIR, project / "ita_dash",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(DEFAULT_DATA_DIR, project / "data",
                    ignore=shutil.ignore_patterns("ita.duckdb", "ita.builds", "*.wal"))
    link = places / "db" / "ita.duckdb"
    out = str(tmp_path / "real.csv")

    def published() -> str:
        return Path(os.readlink(link)).stem

    _run(project, places, "export", "--dataset", "real", "--out", out)
    first = published()
    _run(project, places, "export", "--dataset", "real", "--out", out)
    assert published() == first  # nothing changed: the same build is read
    fingerprints = [first]
    for function in ("name_key", "parse_number"):
        edit_function(project / "ita_dash", function)
        _run(project, places, "export", "--dataset", "real", "--out", out)
        assert published() not in fingerprints, function
        fingerprints.append(published())
    builds = {p.stem for p in (places / "db" / "ita.builds").glob("*.duckdb")}
    assert builds == set(fingerprints)

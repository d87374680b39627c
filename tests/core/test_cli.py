"""The command line: build and export."""

from __future__ import annotations

import re
import subprocess
import sys

import pandas as pd

from ita_dash.cli import main
from ita_dash.config import PROJECT_DIR


def test_build_and_export(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ITA_DB_PATH", str(tmp_path / "cli.duckdb"))
    assert main(["build", "--dataset", "real"]) == 0
    out = tmp_path / "real.csv"
    assert main(["export", "--dataset", "real", "--out", str(out)]) == 0
    frame = pd.read_csv(out)
    assert list(frame.columns) == ["unit_name_th", "fiscal_year", "framework", "code", "score",
                                   "source"]
    top = frame[(frame["code"] == "ITA") & (frame["fiscal_year"] == 2564)]
    assert top.sort_values("score").iloc[-1][["unit_name_th", "score"]].tolist() == [
        "สำนักงานเขตบางซื่อ", 72.45]
    assert "wrote 181 scores" in capsys.readouterr().out


COMMANDS = ["build", "export", "bench", "import", "import-history", "undo", "import-template",
            "framework-template", "import-framework", "bench-import", "editor-password", "deck",
            "report"]


def _python(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=PROJECT_DIR, capture_output=True,  # noqa: S603
                          text=True, timeout=120, check=False)


def test_help_lists_every_command():
    done = _python("-m", "ita_dash", "--help")
    assert done.returncode == 0, done.stderr
    listed = re.search(r"\{([a-z,-]+)\}", done.stdout)
    assert listed is not None and listed.group(1).split(",") == COMMANDS
    for command in COMMANDS:
        assert re.search(rf"^\s+{command}\s+\S", done.stdout, re.MULTILINE), command


def test_a_missing_command_module_fails_loudly():
    """A command module that cannot be imported is an error, not a command left out."""
    done = _python("-c", "import sys; sys.modules['ita_dash.deck.cli'] = None; "
                         "from ita_dash.cli import main; main(['--help'])")
    assert done.returncode != 0 and "ita_dash.deck.cli" in done.stderr
    assert "deck" not in done.stdout

"""Import every hostile and malformed file (tests/importer/hostile_cases.py and the corpus
tests/importer/bad_files/) with the command line, one process each, into a scratch copy
of the database; print each file's exit code, seconds and peak memory (its own process
and the workbook-reading child), and whether the stored data stayed byte-identical.

    python scripts/hostile_check.py [--db data/ita.duckdb]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.importer.hostile_cases import BOUNDED, WRONG  # noqa: E402
from tests.importer.xlsx_cases import BAD_XLSX  # noqa: E402


def files(out: Path) -> list[Path]:
    made = []
    for name, (make, *_rest) in {**BOUNDED, **WRONG, **BAD_XLSX}.items():
        path = out / name
        path.write_bytes(make())
        made.append(path)
    corpus = ROOT / "tests" / "importer" / "bad_files"
    return made + sorted(p for p in corpus.iterdir() if p.name != "EXPECTED.csv")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default=os.environ.get("ITA_DB_PATH", str(ROOT / "data" /
                                                                           "ita.duckdb")))
    args = parser.parse_args()
    worst_s = worst_mb = 0.0
    with tempfile.TemporaryDirectory(prefix="ita-hostile-") as tmp:
        db = Path(tmp) / "ita.duckdb"
        shutil.copy(args.db, db)
        env = {**os.environ, "ITA_DB_PATH": str(db), "PYTHONPATH": str(ROOT)}
        paths = files(Path(tmp))
        for path in paths:
            before = digest(db)
            start = time.perf_counter()
            child = subprocess.Popen([sys.executable, "-m", "ita_dash", "import", str(path),  # noqa: S603
                                      "--dataset", "real"], env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            out, _ = child.communicate()
            seconds = time.perf_counter() - start
            peak = _peak_mb()
            text = out.decode(errors="replace")
            same = digest(db) == before
            worst_s, worst_mb = max(worst_s, seconds), max(worst_mb, peak)
            flag = "" if child.returncode == 1 and same and "Traceback" not in text else "  <--"
            print(f"{path.name:40s} exit {child.returncode} {seconds:6.1f} s {peak:7.0f} MB peak so far "
                  f"stored {'same' if same else 'CHANGED'}{flag}", flush=True)
    print(f"{len(paths)} files; slowest {worst_s:.1f} s; peak memory {worst_mb:.0f} MB")
    return 0


def _peak_mb() -> float:
    """The largest resident set of any finished child process so far (MB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


if __name__ == "__main__":
    raise SystemExit(main())

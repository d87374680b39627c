"""Workbooks are read in children forked by one helper process (``readers._Zygote``): the
same table as in-process, one helper for many reads, a dead helper started again, a child
that does not answer in time killed and the read refused."""

from __future__ import annotations

import os
import time

import pytest

from ita_dash.importer import readers
from ita_dash.importer.limits import LimitError
from ita_dash.importer.report import Report
from tests.importer.xlsx_cases import HEADER, UNIT, workbook

DATA = workbook([HEADER, [UNIT, 2567, "ITA", 80.5], [UNIT, 2567, "IIT", 91]])


def read() -> readers.RawTable:
    report = Report("a.xlsx")
    table = readers.read_xlsx_isolated(DATA, "a.xlsx", report, 2**20)
    assert table is not None and not report.has_errors, report.lines()
    return table


def gone(pid: int) -> bool:
    """True once ``pid`` has exited and been reaped (by the helper)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def test_one_helper_forks_a_child_per_read(monkeypatch: pytest.MonkeyPatch,
                                           reader_children: list[int]) -> None:
    children = reader_children
    monkeypatch.setenv("ITA_IMPORT_ISOLATE", "0")
    in_process = read().frame
    monkeypatch.setenv("ITA_IMPORT_ISOLATE", "1")
    first = read().frame
    assert first.equals(in_process) and first[3].tolist() == [80.5, 91]
    helper = readers._ZYGOTE._process
    assert helper is not None
    assert read().frame.equals(first)
    assert readers._ZYGOTE._process is helper and len(set(children)) == 2
    assert helper.pid not in children and all(gone(pid) for pid in children)

    helper.kill()  # a helper that died is started again at the next read
    helper.wait()
    assert read().frame.equals(first)
    assert readers._ZYGOTE._process is not None and readers._ZYGOTE._process.pid != helper.pid

    # no answer within the reading time and the start allowance: the child is killed
    monkeypatch.setenv("ITA_IMPORT_READ_SECONDS", "0")
    monkeypatch.setattr(readers, "CHILD_START_S", 0.0)
    with pytest.raises(LimitError):
        readers.read_xlsx_isolated(DATA, "a.xlsx", Report("a.xlsx"), 2**20)
    assert gone(children[-1])

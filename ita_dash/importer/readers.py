"""Read an uploaded file (XLSX or CSV) into a raw table with its header row found.

The kind of file is decided from its content, not its name. CSV must be UTF-8
(with or without BOM) or Thai Windows/TIS-620 (cp874), separated by commas,
tabs or semicolons; text that decodes as cp874 but is not Thai (e.g. Latin-1)
is refused rather than guessed. XLSX is read with openpyxl in read-only mode
from the first visible sheet (hidden sheets are named in a note), merged cells
filled with their top-left value, percent-formatted cells read as the
percentage shown. Title rows above the header are skipped: the header is the
first row naming the unit and the year columns.

Every file is read within bounds (:mod:`ita_dash.importer.limits`), checked while
reading, so any upload is accepted or refused in seconds with bounded memory.
"""

from __future__ import annotations

import contextlib
import csv
import io
import logging
import os
import pickle
import re
import select
import signal
import socket
import subprocess
import sys
import threading
import time
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from ita_dash.cells import HIDDEN, cell_text, parse_number
from ita_dash.importer import limits
from ita_dash.importer.columns import FIELD_HEADERS, field_of, is_header_row
from ita_dash.importer.limits import LimitError
from ita_dash.importer.report import Report
from ita_dash.thai import has_invisible

LOG = logging.getLogger(__name__)
T = TypeVar("T")
DEFAULT_MAX_MB = 20.0
HEADER_SEARCH_ROWS = 40
CHILD_MEMORY = 1536 * 2**20  # memory a child reading a workbook may add to what it starts with
CHILD_START_S = 8.0  # time allowed for the child to start, beyond the reading time
UNZIPPED_FACTOR = 25  # an XLSX may unpack to at most this many times the upload limit
DELIMITERS = (",", "\t", ";")
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?"')
TAGS_PER_CELL = 16  # a cell is at most <c><is><r><rPr>…</rPr><t>…</t></r></is></c>
TEXT_RUN_BYTES = 64 * 1024  # far above CELL_CHARS characters, however encoded
_CELL = re.compile(rb"<(?:\w+:)?c[\s>/]")
# Latin-1 decoded as cp874: a Thai mark right after a Latin letter or digit ("Café" ->
# "Caf้"), a leading vowel after a Latin letter and before no consonant, or Thai characters
# wedged between Latin letters ("España" -> "Espa๑a")
_NOT_THAI = re.compile("(?<=[A-Za-z0-9])[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]"
                       "|(?<=[A-Za-z])[\u0e40-\u0e44](?![\u0e01-\u0e2e])"
                       "|[A-Za-z][\u0e01-\u0e5b]+[A-Za-z]")
# a code column header (ITA, IIT_W, 5, 9.1, I12, O 11 ...) in a long file: a mixed layout
_CODE_HEADER = re.compile(r"(ITA|[IEO]IT(_W)?|[IEO]?\d{1,3}(\.\d{1,3})*)")


@dataclass
class RawTable:
    """The cells below the header row, as read (object values), with their row numbers."""

    file_name: str
    kind: str  # "csv" or "xlsx"
    encoding: str | None
    sheet: str | None
    header_row: int  # 1-based row (line) number of the header in the file
    headers: list[str]
    frame: pd.DataFrame  # positional columns 0..n-1 plus "_row"
    # what each column became (a field, a code, "ignore"): set by the mapping
    # (:mod:`ita_dash.importer.mapping`); None: the headers as written
    targets: list[str] | None = None


def max_upload_bytes() -> int:
    """The upload size limit in bytes (ITA_IMPORT_MAX_MB, default 20 MB)."""
    try:
        mb = float(os.environ.get("ITA_IMPORT_MAX_MB", DEFAULT_MAX_MB))
    except ValueError:
        mb = DEFAULT_MAX_MB
    return int(mb * 1024 * 1024)


def read_table(data: bytes, file_name: str, report: Report, max_bytes: int | None = None,
               sheet: str | None = None) -> RawTable | None:
    """Read ``data``; on any problem add it to ``report`` and return None.

    ``sheet`` names the worksheet of an XLSX file to read (default: the first visible
    sheet with a header row)."""
    limit = max_upload_bytes() if max_bytes is None else max_bytes
    if len(data) > limit:
        report.add("error", None, None, f"{len(data) / 1048576:.1f} MB",
                   f"ไฟล์ใหญ่เกินกำหนด ({limit / 1048576:g} MB)",
                   f"file is larger than the limit ({limit / 1048576:g} MB)")
        return None
    if not data.strip():
        report.add("error", None, None, None, "ไฟล์ว่างเปล่า", "the file is empty")
        return None
    kind = sniff_kind(data, file_name, report)
    deadline = limits.Deadline()
    try:
        if kind == "xlsx":
            raw = read_xlsx_isolated(data, file_name, report, limit, sheet)
        elif kind == "csv":
            raw = read_csv(data, file_name, report, deadline)
        else:
            return None
    except LimitError as exc:
        exc.report(report)
        return None
    except MemoryError:
        report.add("error", None, None, None, "ไฟล์ใช้หน่วยความจำเกินกำหนด ให้แบ่งไฟล์เป็นส่วนเล็กลง",
                   "reading the file needs too much memory: split it into smaller files")
        return None
    except Exception:  # noqa: BLE001 - never a raw exception on a page: a message and the log
        LOG.exception("cannot read %s", file_name)
        report.add("error", None, None, None, "อ่านไฟล์ไม่ได้ (ไฟล์เสียหายหรือรูปแบบไม่ถูกต้อง)",
                   "the file cannot be read (damaged or not in a known format)")
        return None
    if raw is None:
        return None
    return checked(raw, report)


def sniff_kind(data: bytes, file_name: str, report: Report) -> str | None:
    """'xlsx', 'csv', or None (reported) for anything else."""
    name = file_name.lower()
    if data.startswith(b"PK\x03\x04"):
        return "xlsx"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        report.add("error", None, None, file_name,
                   "ไฟล์ Excel รุ่นเก่า (.xls) ไม่รองรับ ให้บันทึกเป็น .xlsx หรือ CSV",
                   "old Excel files (.xls) are not supported: save as .xlsx or CSV")
        return None
    if name.endswith((".xlsx", ".xlsm")):
        report.add("error", None, None, file_name, "ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx) ที่ถูกต้อง",
                   "this is not a valid Excel (.xlsx) file")
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        report.add("error", None, None, "UTF-16",
                   "การเข้ารหัสไม่ถูกต้อง (UTF-16) ให้บันทึกเป็น CSV UTF-8",
                   "wrong encoding (UTF-16): save as CSV UTF-8")
        return None
    if b"\x00" in data[:65536]:
        report.add("error", None, None, file_name,
                   "ไม่ใช่ไฟล์ข้อความ CSV หรือ Excel (พบข้อมูลไบนารี)",
                   "not a CSV text file or an Excel workbook (binary content)")
        return None
    return "csv"


# ------------------------------------------------------------------------------ CSV


def decode(data: bytes, report: Report) -> tuple[str, str] | None:
    """UTF-8, else cp874 if the text is Thai; anything else is refused, never guessed."""
    try:
        return data.decode("utf-8-sig"), "utf-8-sig"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError:
        report.add("error", None, None, None,
                   "อ่านการเข้ารหัสไม่ได้ ให้บันทึกเป็น UTF-8 หรือ TIS-620 (cp874)",
                   "unknown text encoding: save as UTF-8 or TIS-620 (cp874)")
        return None
    odd = _NOT_THAI.search(text)
    if odd is not None:
        line = text.count("\n", 0, odd.start()) + 1
        report.add("error", line, None, text[max(0, odd.start() - 10):odd.end() + 10],
                   "ไฟล์ไม่ใช่ UTF-8 และไม่ใช่ข้อความภาษาไทย TIS-620 (cp874) ที่ถูกต้อง "
                   "(เช่น Latin-1) ให้บันทึกเป็น CSV UTF-8",
                   "unknown text encoding: not UTF-8 and not valid Thai TIS-620 (cp874) text "
                   "(e.g. Latin-1): save as CSV UTF-8")
        return None
    return text, "cp874"


def csv_records(text: str, delimiter: str) -> Iterator[list[str]]:
    """The records of ``text``, each checked against the column and cell-length bounds."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    record = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "field larger" in str(exc):
                raise LimitError(limits.CELL_CHARS, record + 1) from None
            raise LimitError(limits.BROKEN_CSV, record + 1, None, str(exc)) from None
        record += 1
        if len(row) > limits.COLUMNS.value:
            raise LimitError(limits.COLUMNS, record, None, f"{len(row):,}")
        if row and max(map(len, row)) > limits.CELL_CHARS.value:
            column = max(range(len(row)), key=lambda i: len(row[i]))
            raise LimitError(limits.CELL_CHARS, record, f"#{column + 1}",
                             row[column][:60])
        yield row


def find_csv_header(text: str) -> tuple[str, int, list[list[str]], Iterator[list[str]]] | None:
    """(delimiter, 0-based record index of the header, the records read, the rest)."""
    problem: LimitError | None = None
    for delimiter in DELIMITERS:
        records = csv_records(text, delimiter)
        head: list[list[str]] = []
        try:
            for row in records:
                head.append(row)
                if len(head) == HEADER_SEARCH_ROWS:
                    break
        except LimitError as exc:
            problem = problem or exc
            continue
        index = header_index([[cell_text(c) for c in row] for row in head])
        if index is not None:
            return delimiter, index, head, records
    if problem is not None:
        raise problem
    return None


def header_index(rows: list[list[str]]) -> int | None:
    """The header row: the first row naming unit and year, or the last of several in a row
    (a two-level header whose upper cells are merged down)."""
    for i, cells in enumerate(rows):
        if is_header_row(cells):
            while i + 1 < len(rows) and is_header_row(rows[i + 1]):
                i += 1
            return i
    return None


def read_csv(data: bytes, file_name: str, report: Report,
             deadline: limits.Deadline | None = None) -> RawTable | None:
    deadline = deadline or limits.Deadline()
    decoded = decode(data, report)
    if decoded is None:
        return None
    text, encoding = decoded
    found = find_csv_header(text)
    if found is None:
        report_no_header(report)
        return None
    _delimiter, index, head, records = found
    headers = [cell_text(c) for c in head[index]]
    body = head[index + 1:]
    cells = sum(map(len, body))
    for row in records:
        body.append(row)
        cells += len(row)
        if len(body) % 8192 == 0:
            if len(body) > limits.ROWS.value:
                raise LimitError(limits.ROWS, index + 1 + len(body))
            if cells > limits.CELLS.value:
                raise LimitError(limits.CELLS, index + 1 + len(body))
            deadline.check(index + 1 + len(body))
    if cells > limits.CELLS.value:
        raise LimitError(limits.CELLS, index + 1 + len(body))
    if len(body) > limits.ROWS.value:
        raise LimitError(limits.ROWS, index + 1 + len(body))
    width = max(len(headers), max((len(r) for r in body), default=0))
    body = [r + [""] * (width - len(r)) if len(r) < width else r for r in body]
    frame = pd.DataFrame(body, columns=range(width), dtype=object) if body \
        else pd.DataFrame(columns=range(width), dtype=object)
    for extra in range(frame.shape[1], len(headers)):
        frame[extra] = ""
    headers = headers + [""] * (frame.shape[1] - len(headers))  # cells beyond the header
    frame = frame.fillna("")
    frame["_row"] = range(index + 2, index + 2 + len(frame))
    return RawTable(file_name, "csv", encoding, None, index + 1, headers, drop_blank(frame))


def report_no_header(report: Report) -> None:
    unit = " / ".join(FIELD_HEADERS["unit"][:1] + FIELD_HEADERS["unit"][3:4])
    year = " / ".join(FIELD_HEADERS["year"][:1] + FIELD_HEADERS["year"][2:3])
    report.add("error", None, None, None,
               f"ไม่พบแถวหัวตารางใน {HEADER_SEARCH_ROWS} แถวแรก (ต้องมีคอลัมน์ {unit} และ {year})",
               f"no header row in the first {HEADER_SEARCH_ROWS} rows "
               f"(columns {unit} and {year} are required)")


def drop_blank(frame: pd.DataFrame) -> pd.DataFrame:
    """Remove rows whose every cell is empty (a cell of spaces is not empty)."""
    blank = np.ones(len(frame), dtype=bool)
    for column in frame.columns:
        if column == "_row":
            continue
        values = frame[column].to_numpy(dtype=object)
        blank &= pd.isna(values) | (values == "")
    return frame.loc[~blank].reset_index(drop=True)


# ------------------------------------------------------------------- every table


def checked(raw: RawTable, report: Report) -> RawTable | None:
    """Refuse what would be read wrongly: duplicate or mixed columns, long names, no rows;
    note invisible characters (they are removed from names)."""
    fields: dict[str, list[int]] = {}
    for i, header in enumerate(raw.headers):
        f = field_of(header) if header else None
        if f is not None:
            fields.setdefault(f, []).append(i)
    ok = True
    for where in fields.values():
        named = {raw.headers[i] for i in where}
        if len(where) > 1 and len(named) > 1:  # the same header twice is reported later
            ok = False
            report.add("error", raw.header_row, ", ".join(raw.headers[i] for i in where), None,
                       "มีหลายคอลัมน์สำหรับข้อมูลเดียวกัน ให้เหลือคอลัมน์เดียว",
                       "several columns hold the same field: keep only one")
    if "code" in fields and "score" in fields:
        wide = [h for h in raw.headers
                if h and field_of(h) is None and _CODE_HEADER.fullmatch(h.replace(" ", "").upper())]
        if wide:
            ok = False
            report.add("error", raw.header_row, ", ".join(wide[:10]), None,
                       "ไฟล์ผสมสองรูปแบบ: มีคอลัมน์ รหัส/คะแนน และคอลัมน์รายรหัสด้วย ให้ใช้แบบเดียว",
                       "mixed layouts: code and score columns and also one column per code; "
                       "use one layout")
    for i in fields.get("unit", []):
        names = raw.frame[i]
        lengths = names.map(lambda v: len(v) if isinstance(v, str) else 0)
        long = lengths > limits.NAME_CHARS.value
        if long.any():
            ok = False
            first = long.to_numpy().nonzero()[0][0]
            th, en = limits.NAME_CHARS.message()
            report.add("error", int(raw.frame["_row"].iloc[first]), raw.headers[i],
                       names.iloc[first], th, en)
    note_invisible(raw, report)
    if raw.frame.empty and ok:
        report.add("error", raw.header_row, None, None, "ไม่มีแถวข้อมูลใต้หัวตาราง",
                   "the file has no data rows below the header")
        return None
    return raw if ok else None


def note_invisible(raw: RawTable, report: Report) -> None:
    """A warning per column holding zero-width or control characters (they are removed)."""
    for i, header in enumerate(raw.headers):
        values = raw.frame[i]
        uniques = pd.unique(values.to_numpy(dtype=object))
        hits = {v for v in uniques if isinstance(v, str) and has_invisible(v)
                and parse_number(v) is not HIDDEN}  # numbers get their own error, not this
        if hits:
            first = values.isin(hits).to_numpy().nonzero()[0][0]
            report.add("warning", int(raw.frame["_row"].iloc[first]), header or f"#{i + 1}",
                       values.iloc[first],
                       "พบอักขระที่มองไม่เห็น (zero-width/ควบคุม) ระบบลบออกแล้ว ตรวจชื่อให้ถูกต้อง",
                       "invisible (zero-width or control) characters were removed: "
                       "check the name")


# ----------------------------------------------------------------------------- XLSX


# A sheet as read for a template: its title and its rows of values (see sheet_rows)
Sheet = tuple[str, list[list[object]]]


def read_workbook(data: bytes, report: Report, limit: int, read: Callable[[Any], T], *,
                  checked: bool = False) -> T | None:
    """Open a workbook within bounds and ``read(book)`` (``checked``: :func:`check_zip`
    passed already); a workbook that cannot be opened or read is reported, None."""
    if not checked and check_zip(data, report, limit) is None:
        return None
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except LimitError:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure means "not a workbook we can read"
        report.add("error", None, None, type(exc).__name__,
                   "เปิดไฟล์ Excel ไม่ได้ (ไฟล์เสียหรือไม่ใช่ .xlsx)",
                   "the Excel file cannot be opened (damaged or not .xlsx)")
        return None
    try:
        return read(book)
    except (LimitError, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged part found while reading
        report.add("error", None, None, type(exc).__name__,
                   "อ่านไฟล์ Excel ไม่ได้ (ไฟล์เสียหาย)", "the Excel file cannot be read (damaged)")
        return None
    finally:
        book.close()


def read_xlsx(data: bytes, file_name: str, report: Report, limit: int,
              deadline: limits.Deadline | None = None, sheet: str | None = None, *,
              checked: bool = False) -> RawTable | None:
    """Read a score workbook: the table of ``sheet`` or of the first visible sheet with a
    header row (``checked``: :func:`check_zip` passed already)."""
    bound = deadline or limits.Deadline()
    return read_workbook(data, report, limit,
                         lambda book: read_book(book, file_name, report, bound, sheet),
                         checked=checked)


def read_sheets(data: bytes, report: Report, limit: int, deadline: limits.Deadline | None = None,
                skip: tuple[str, ...] = (), *, checked: bool = False) -> list[Sheet] | None:
    """Every visible sheet of a workbook but those named in ``skip``, as rows of values
    (:func:`sheet_rows`: the same bounds as a score file), e.g. the framework template."""
    bound = deadline or limits.Deadline()

    def every_sheet(book: Any) -> list[Sheet]:
        found = []
        for sheet in book.worksheets:
            if sheet.title in skip or sheet.sheet_state != "visible":
                continue
            sheet.reset_dimensions()  # do not trust the stored dimension
            found.append((str(sheet.title), list(sheet_rows(sheet, bound))))
        return found

    return read_workbook(data, report, limit, every_sheet, checked=checked)


def read_xlsx_isolated(data: bytes, file_name: str, report: Report, limit: int,
                       sheet: str | None = None) -> RawTable | None:
    """:func:`read_xlsx` in a child process limited in memory and time (an XML parser
    cannot be stopped from inside); in this process when ITA_IMPORT_ISOLATE=0."""
    found = _isolated("table", data, file_name, report, limit, sheet)
    return found if isinstance(found, RawTable) else None


def read_sheets_isolated(data: bytes, file_name: str, report: Report, limit: int,
                         skip: tuple[str, ...] = ()) -> list[Sheet] | None:
    """:func:`read_sheets` in the same bounded child process as a score workbook."""
    found = _isolated("sheets", data, file_name, report, limit, skip)
    return found if isinstance(found, list) else None


def _read_in_process(task: str, data: bytes, file_name: str, report: Report, limit: int,
                     arg: Any, deadline: limits.Deadline, *, checked: bool) -> object:
    if task == "sheets":
        return read_sheets(data, report, limit, deadline, arg, checked=checked)
    return read_xlsx(data, file_name, report, limit, deadline, arg, checked=checked)


def _isolated(task: str, data: bytes, file_name: str, report: Report, limit: int,
              arg: Any) -> object:
    """Run a workbook reader (``task``: "table" or "sheets") in a child process limited in
    memory and time; in this process when ITA_IMPORT_ISOLATE=0. LimitError when the child
    runs out of time.

    The child is forked by a helper process that imported this module once
    (:class:`_Zygote`)."""
    seconds = limits.read_seconds()
    if os.environ.get("ITA_IMPORT_ISOLATE", "1") == "0" or os.name != "posix":
        return _read_in_process(task, data, file_name, report, limit, arg,
                                limits.Deadline(seconds), checked=False)
    if check_zip(data, report, limit) is None:  # bounded checks first, without a child
        return None
    job = pickle.dumps((task, data, file_name, limit, arg, seconds),
                       protocol=pickle.HIGHEST_PROTOCOL)
    out: bytes | None = b""
    ours, theirs = socket.socketpair()
    try:
        pid = _ZYGOTE.fork(theirs)
        theirs.close()
        ours.sendall(len(job).to_bytes(8, "big") + job)
        # the child's own deadline is checked between rows; this one bounds everything,
        # with room for the child to start
        out = _receive(ours, time.monotonic() + seconds + CHILD_START_S)
        if out is None:
            _kill(pid)
            raise LimitError(limits.Limit(int(seconds), limits.SECONDS.th, limits.SECONDS.en))
    except OSError as exc:  # the helper process or the child died before it answered
        LOG.error("reading %s: no answer from the child: %s", file_name, exc)
    finally:
        ours.close()
        theirs.close()
    answer = pickle.loads(out) if out else None  # noqa: S301 - from our own child process
    if not isinstance(answer, tuple):
        LOG.error("reading %s failed in the child: %s", file_name,
                  answer if isinstance(answer, str) else "no answer")
        report.add("error", None, None, None, "ไฟล์ใช้หน่วยความจำเกินกำหนดหรือเสียหาย อ่านไม่ได้",
                   "the file cannot be read: it needs too much memory or is damaged")
        return None
    found, parts = answer
    report.add_parts(parts)
    return found


def _receive(sock: socket.socket, deadline: float) -> bytes | None:
    """Everything ``sock`` sends until it closes; None when ``deadline`` passes first."""
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([sock], [], [], left)[0]:
            return None
        chunk = sock.recv(1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


class _Zygote:
    """A helper process that has imported this module once and forks one child per
    workbook to read (single-threaded, so forking it is safe): a read costs a fork, not a
    new interpreter importing pandas and openpyxl (0.6 s of CPU each time). Started on
    first use, started again if it died; it exits when this process does."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._control: socket.socket | None = None

    def fork(self, job: socket.socket) -> int:
        """Start a child that reads its job from ``job`` and answers on it: its pid."""
        with self._lock:
            for attempt in (1, 2):
                try:
                    control = self._started()
                    socket.send_fds(control, [b"j"], [job.fileno()])
                    pid = _recv_exact(control, 8)
                    return int.from_bytes(pid, "big")
                except OSError:
                    self._stop()
                    if attempt == 2:
                        raise
        raise AssertionError("unreachable")

    def _started(self) -> socket.socket:
        if self._process is not None and self._process.poll() is None and self._control:
            return self._control
        self._stop()
        ours, theirs = socket.socketpair()
        root = str(Path(__file__).resolve().parents[2])
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            p for p in (root, os.environ.get("PYTHONPATH", "")) if p)}
        self._process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-c", "from ita_dash.importer.readers import zygote_main; "
             f"zygote_main({theirs.fileno()})"], pass_fds=[theirs.fileno()], env=env,
            stdin=subprocess.DEVNULL)
        theirs.close()
        self._control = ours
        return ours

    def _stop(self) -> None:
        if self._control is not None:
            self._control.close()
        if self._process is not None:
            self._process.kill()
            self._process.wait()
        self._process = self._control = None


_ZYGOTE = _Zygote()


def _recv_exact(sock: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    return data


def zygote_main(control_fd: int) -> None:
    """The helper process of :class:`_Zygote`: for each job socket it is sent, fork a
    child that reads the job and answers (children are reaped by the system)."""
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    control = socket.socket(fileno=control_fd)
    while True:
        try:
            message, fds, _flags, _address = socket.recv_fds(control, 16, 1)
        except OSError:
            return
        if not message or not fds:
            return  # the server process is gone
        pid = os.fork()
        if pid == 0:
            control.close()
            _child_serve(socket.socket(fileno=fds[0]))
            os._exit(0)
        os.close(fds[0])
        control.sendall(pid.to_bytes(8, "big"))


def _child_serve(job: socket.socket) -> None:
    """A child of the helper: read the job, answer (what was read, report parts) pickled,
    or a traceback (text) if it fails."""
    try:
        size = int.from_bytes(_recv_exact(job, 8), "big")
        answer: object = _child_read(pickle.loads(_recv_exact(job, size)))  # noqa: S301
    except BaseException:  # noqa: BLE001 - told to the parent, which logs it
        import traceback

        answer = traceback.format_exc()
    job.sendall(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))
    job.close()


def _child_read(job: tuple[Any, ...]) -> tuple[object, list[Any]]:
    import resource

    task, data, file_name, limit, arg, seconds = job
    try:
        with open("/proc/self/statm") as statm:
            used = int(statm.read().split()[0]) * resource.getpagesize()
        resource.setrlimit(resource.RLIMIT_AS, (used + CHILD_MEMORY, used + CHILD_MEMORY))
    except (OSError, ValueError):
        pass
    report = Report(file_name)
    raw: object
    try:
        raw = _read_in_process(task, data, file_name, report, limit, arg,
                               limits.Deadline(seconds), checked=True)
    except LimitError as exc:
        exc.report(report)
        raw = None
    except MemoryError:
        raw = None
        report.clear()
        report.add("error", None, None, None, "ไฟล์ใช้หน่วยความจำเกินกำหนด ให้แบ่งไฟล์เป็นส่วนเล็กลง",
                   "reading the file needs too much memory: split it into smaller files")
    return raw, report.parts()


def check_zip(data: bytes, report: Report, limit: int) -> dict[str, int] | None:
    """Check the parts' unpacked sizes (as declared: zipfile never unpacks more) and scan
    each worksheet, streaming, for its cell count and merged ranges."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > limits.ZIP_MEMBERS.value:
                raise LimitError(limits.ZIP_MEMBERS, None, None, f"{len(infos):,}")
            unpacked = sum(info.file_size for info in infos)
            if unpacked > limit * UNZIPPED_FACTOR:
                report.add("error", None, None, f"{unpacked / 1048576:.0f} MB",
                           "ไฟล์ Excel คลายออกแล้วใหญ่เกินกำหนด",
                           "the Excel file unpacks to too much data")
                return None
            for info in infos:
                name = info.filename.lower()
                if name.endswith("sharedstrings.xml"):
                    bound = limits.SHARED_STRINGS_MB
                elif "worksheets/" in name and name.endswith(".xml"):
                    bound = limits.SHEET_MB
                else:
                    bound = limits.PART_MB
                if info.file_size > bound.value * 1048576:
                    raise LimitError(bound, None, None, f"{info.file_size / 1048576:.0f} MB")
            return {info.filename: scan_part(archive, info) for info in infos
                    if info.filename.lower().endswith(".xml")
                    and ("worksheets/" in info.filename.lower()
                         or info.filename.lower().endswith("sharedstrings.xml"))}
    except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError, RuntimeError):
        report.add("error", None, None, None, "ไฟล์ Excel เสียหาย (zip ไม่สมบูรณ์)",
                   "the Excel file is damaged (broken zip)")
        return None


def xml_chunks(source: object) -> Iterator[bytes]:
    """An XML part in pieces cut after a '>' (so no tag is split), each checked for a text
    run (between two tags) longer than any cell may be."""
    tail = b""
    while chunk := source.read(1 << 20):  # type: ignore[attr-defined]
        text = tail + chunk
        limit = max(0, len(text) - 512)
        cut = text.rfind(b">", 0, limit) + 1 or limit
        if max(map(len, text[:cut].split(b"<"))) > TEXT_RUN_BYTES:
            raise LimitError(limits.CELL_CHARS)
        yield text[:cut]
        tail = text[cut:]
    if max(map(len, tail.split(b"<"))) > TEXT_RUN_BYTES:
        raise LimitError(limits.CELL_CHARS)
    yield tail


def scan_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
    """The number of cells of a worksheet; refuse too many cells or merged ranges, and
    text longer than a cell may be (worksheets and shared strings)."""
    cells = ranges = area = tags = 0
    worksheet = "worksheets/" in info.filename.lower()
    with archive.open(info) as source:
        for part in xml_chunks(source):
            cells += len(_CELL.findall(part))
            tags += part.count(b"<")
            if worksheet and tags > TAGS_PER_CELL * cells + limits.OTHER_TAGS.value:
                raise LimitError(limits.OTHER_TAGS, None, None, info.filename)
            if cells > limits.CELLS.value:
                raise LimitError(limits.CELLS, None, None, info.filename)
            for found in _MERGE.findall(part):
                top, left, bottom, right = merge_box(found)
                ranges += 1
                area += (bottom - top + 1) * (right - left + 1)
                if ranges > limits.MERGED_RANGES.value:
                    raise LimitError(limits.MERGED_RANGES, None, None, info.filename)
                if area > limits.MERGED_CELLS.value or bottom > limits.ROWS.value \
                        or right > limits.COLUMNS.value:
                    raise LimitError(limits.MERGED_CELLS, top, None,
                                     b":".join(x for x in (found[0] + found[1],
                                                           found[2] + found[3]) if x).decode())
    return cells


def merge_box(found: tuple[bytes, bytes, bytes, bytes]) -> tuple[int, int, int, int]:
    """(top, left, bottom, right) of a merged range as matched by ``_MERGE``."""
    from openpyxl.utils import column_index_from_string

    c1, r1, c2, r2 = found
    top, left = int(r1), column_index_from_string(c1.decode())
    bottom = int(r2) if r2 else top
    right = column_index_from_string(c2.decode()) if c2 else left
    return min(top, bottom), min(left, right), max(top, bottom), max(left, right)


def read_book(book: object, file_name: str, report: Report, deadline: limits.Deadline,
              wanted: str | None = None) -> RawTable | None:
    sheets = list(book.worksheets)  # type: ignore[attr-defined]
    if wanted is not None:
        chosen = [s for s in sheets if s.title == wanted]
        if not chosen:
            report.add("error", None, None, wanted, "ไม่พบแผ่นงานชื่อนี้ในไฟล์ (มี: "
                       + ", ".join(s.title for s in sheets) + ")",
                       "no sheet of this name in the file (sheets: "
                       + ", ".join(s.title for s in sheets) + ")")
            return None
        sheets = chosen
    else:
        hidden = [s.title for s in sheets if s.sheet_state != "visible"]
        if hidden:
            report.add("warning", None, None, ", ".join(hidden),
                       "แผ่นงานที่ซ่อนอยู่ไม่ได้นำเข้า (ระบุชื่อแผ่นงานหากต้องการ)",
                       "hidden sheets were not read (name the sheet to read one)")
        sheets = [s for s in sheets if s.sheet_state == "visible"]
    for sheet in sheets:
        sheet.reset_dimensions()  # do not trust the stored dimension
        rows = sheet_rows(sheet, deadline)
        head = [row for _, row in zip(range(HEADER_SEARCH_ROWS), rows, strict=False)]
        merges = merged_ranges(sheet)
        fill_merged(head, merges)
        texts = [[cell_text(c) for c in row] for row in head]
        index = header_index(texts)
        if index is not None:
            return sheet_table(sheet, file_name, index, texts[index], head, rows, merges,
                               deadline)
    report_no_header(report)
    return None


def sheet_rows(sheet: object, deadline: limits.Deadline) -> Iterator[list[object]]:
    """The sheet's rows as values, within bounds: percent cells as the percentage shown,
    formulas as their text (``=...``), long text refused."""
    cap, width = limits.CELL_CHARS.value, limits.COLUMNS.value
    for number, row in enumerate(sheet.iter_rows(min_row=1), start=1):  # type: ignore[attr-defined]
        if len(row) > width:
            raise LimitError(limits.COLUMNS, number, None, f"{len(row):,}")
        if number > limits.ROWS.value:
            raise LimitError(limits.ROWS, number)
        if number % 64 == 0:
            deadline.check(number)
        values: list[object] = []
        for cell in row:
            value = getattr(cell, "value", None)
            if value is None:
                values.append(None)
            elif isinstance(value, str):
                if len(value) > cap:
                    raise LimitError(limits.CELL_CHARS, number, getattr(cell, "coordinate", None),
                                     value[:60])
                values.append(value)
            elif isinstance(value, int | float) and not isinstance(value, bool):
                values.append(percent_shown(value, cell.number_format))
            elif hasattr(value, "text"):  # ArrayFormula, DataTableFormula
                text = str(getattr(value, "text", "") or "")  # openpyxl keeps its "="
                values.append((text if text.startswith("=") else "=" + text)[:cap])
            else:
                values.append(value)
        yield values


def percent_shown(value: float, number_format: str | None) -> float:
    """A cell formatted as a percentage holds a fraction (0.8767 shown as 87.67 %):
    read it as the figure shown."""
    if number_format and "%" in number_format.replace('\\%', "").replace('"%"', ""):
        return round(float(value) * 100, 9)
    return value


def sheet_table(sheet: object, file_name: str, index: int, headers: list[str],
                head: list[list[object]], rest: Iterator[list[object]],
                merges: list[tuple[int, int, int, int]], deadline: limits.Deadline) -> RawTable:
    rows = head + list(rest)
    if merges:
        fill_merged(rows, merges)
    width = max(len(headers), max((len(r) for r in rows[index + 1:]), default=0))
    body = [r + [None] * (width - len(r)) if len(r) < width else r for r in rows[index + 1:]]
    frame = pd.DataFrame(body, columns=range(width), dtype=object) if body \
        else pd.DataFrame(columns=range(width), dtype=object)
    frame["_row"] = range(index + 2, index + 2 + len(frame))
    headers = headers + [""] * (width - len(headers))
    title = str(getattr(sheet, "title", ""))
    return RawTable(file_name, "xlsx", None, title, index + 1, headers, drop_blank(frame))


def merged_ranges(sheet: object) -> list[tuple[int, int, int, int]]:
    """(min_row, min_col, max_row, max_col) of every merged range (1-based); the sheet was
    scanned before (:func:`scan_part`), so their number and extent are bounded."""
    found: list[tuple[bytes, bytes, bytes, bytes]] = []
    try:
        with sheet._get_source() as source:  # type: ignore[attr-defined]
            for part in xml_chunks(source):
                found += _MERGE.findall(part)
    except (AttributeError, OSError, KeyError):
        return []
    return [merge_box(f) for f in found]


def fill_merged(rows: list[list], merges: list[tuple[int, int, int, int]]) -> None:
    """Give every cell of a merged range the value of its top-left cell (in place)."""
    for r1, c1, r2, c2 in merges:
        if r1 > len(rows):
            continue
        top = rows[r1 - 1]
        value = top[c1 - 1] if c1 - 1 < len(top) else None
        for r in range(r1, min(r2, len(rows)) + 1):
            row = rows[r - 1]
            if len(row) < c2:
                row.extend([None] * (c2 - len(row)))
            for c in range(c1, c2 + 1):
                row[c - 1] = value

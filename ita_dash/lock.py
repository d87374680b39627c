"""One writer at a time: builds, imports and undos take an exclusive file lock.

The lock is an ``flock`` on a file beside the published database, so the kernel
releases it when its holder exits, even after ``kill -9``. A writer that finds the
lock taken says so (Thai and English) and waits; past ``timeout`` it gives up with
:class:`BusyError`, a message, never a traceback.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

WAIT_TH = "มีการสร้างฐานข้อมูลหรือนำเข้าข้อมูลอื่นกำลังทำงานอยู่ กำลังรอให้เสร็จก่อน…"
WAIT_EN = "another build or import is running; waiting for it to finish…"


class BusyError(Exception):
    """The writer lock was not free within the time allowed."""

    def __init__(self, seconds: float):
        self.th = (f"มีการสร้างฐานข้อมูลหรือนำเข้าข้อมูลอื่นทำงานอยู่นานเกิน {seconds:.0f} วินาที "
                   "ไม่มีการเปลี่ยนแปลงใด ๆ กรุณาลองใหม่ภายหลัง")
        self.en = (f"another build or import has been running for over {seconds:.0f} s; "
                   "nothing was changed, try again later")
        super().__init__(f"{self.en} / {self.th}")


def _open(lock_path: Path) -> int:
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    return os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)


def _say_waiting() -> None:
    print(f"{WAIT_EN} / {WAIT_TH}", flush=True)


@contextmanager
def writer_lock(lock_path: Path, *, timeout: float = 900.0,
                on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the exclusive writer lock for the ``with`` block (``on_wait`` is called once if
    another writer holds it; by default a Thai/English line on standard output)."""
    fd = _open(lock_path)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            (on_wait or _say_waiting)()
            deadline = time.monotonic() + timeout
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise BusyError(timeout) from None
                    time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


@contextmanager
def try_writer_lock(lock_path: Path) -> Iterator[bool]:
    """Take the writer lock only if it is free now; yield whether it was taken."""
    fd = _open(lock_path)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)

"""What commits and undos of scores and frameworks share: the result, the refusal, the time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ita_dash.problems import Bilingual
from ita_dash.publish import Build


class UndoError(Bilingual):
    """An import cannot be undone (unknown, already undone, or needed by a later one)."""


@dataclass(frozen=True)
class Committed:
    import_id: str
    build: Build


def now() -> str:
    return dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")

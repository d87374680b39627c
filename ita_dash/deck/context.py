"""What every slide of a deck needs to know: unit, year, scope, dataset, source line.

Also the checks that turn a bad request (unknown unit, a year without data)
into a :class:`DeckError` with a Thai and an English message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd

from ita_dash import queries
from ita_dash.deck.text import shorten
from ita_dash.framework.model import Registry
from ita_dash.i18n import has, t
from ita_dash.problems import Bilingual
from ita_dash.scope import Scope
from ita_dash.thai import format_be_year

Con = duckdb.DuckDBPyConnection
# read(query, **params): a query's result; the pages pass their cached reader (results shared
# by every view), the command line the queries run straight on its connection
Read = Callable[..., Any]
DISTRICT_GROUP_SET = "bkk_district_group"
MAX_DOCS = 2


class DeckError(Bilingual, ValueError):
    """A deck cannot be made; ``th`` and ``en`` say why."""


@dataclass(frozen=True)
class Context:
    dataset: str
    dataset_label: str
    is_synthetic: bool
    unit_id: str
    unit_name: str  # full name, e.g. สำนักงานเขตสัมพันธวงศ์
    unit_short: str  # e.g. สัมพันธวงศ์
    year: int
    lang: str
    scope: Scope
    scope_name: str
    framework_id: str
    framework_name: str
    framework_names: dict[str, str]  # every framework id -> its name in ``lang``
    source: str
    today: dt.date
    prev_year: int | None = None  # the unit's previous scored year (unit_years.prev_year)

    def col(self, base: str) -> str:
        """The column of a query frame in the deck's language: ``label_th`` / ``label_en``."""
        return f"{base}_{'th' if self.lang == 'th' else 'en'}"

    def year_text(self, year: int | None = None) -> str:
        return format_be_year(self.year if year is None else year, self.lang)

    def t(self, key: str, **values: object) -> str:
        return t(f"deck.{key}", self.lang, **values)


def reader(con: Con, read: Read | None = None) -> Read:
    """``read``, else the queries run on ``con``."""
    if read is not None:
        return read

    def direct(query: Callable[..., Any], **params: Any) -> Any:
        return query(con, **params)

    return direct


def resolve_unit(con: Con, name: str) -> str:
    """The unit id for a Thai or English name, alias or id; :class:`DeckError` when unknown."""
    unit_id = queries.find_unit(con, name=name)
    if unit_id is None:
        raise DeckError(f"ไม่พบหน่วยงาน {name!r} "
                        "(ลองใช้ชื่อ เช่น 'เขตสัมพันธวงศ์' หรือรหัสหน่วยงาน)",
                        f"unknown unit {name!r} (try a name such as 'เขตสัมพันธวงศ์' or a unit id)")
    return unit_id


def check_year(con: Con, *, dataset: str, unit_id: str, year: int,
               read: Read | None = None) -> None:
    """Raise :class:`DeckError` unless the unit has data in ``year`` of ``dataset``."""
    history = reader(con, read)(queries.unit_history, dataset=dataset, unit_id=unit_id)
    years = [int(y) for y in history["fiscal_year"]]
    if year in years:
        return
    listed = ", ".join(str(y) for y in years) or "–"
    raise DeckError(f"{unit_id} ไม่มีข้อมูลปี {year} ในชุดข้อมูล {dataset} (ปีที่มี: {listed})",
                    f"{unit_id} has no data for {year} in dataset {dataset} "
                    f"(years with data: {listed})")


def default_scope(con: Con, *, unit_id: str, read: Read | None = None) -> Scope:
    """The unit's Bangkok district group, else its first group, else its unit type."""
    read = reader(con, read)
    groups = read(queries.unit_groups_of, unit_id=unit_id)
    district = groups[groups["group_set"] == DISTRICT_GROUP_SET]
    for frame in (district, groups):
        if not frame.empty:
            return Scope("group", str(frame.iloc[0]["group_id"]))
    unit = read(queries.unit_info, unit_id=unit_id)
    return Scope("unit_type", str(unit.iloc[0]["unit_type"])) if not unit.empty else Scope()


def scope_name(con: Con, scope: Scope, lang: str, read: Read | None = None) -> str:
    """A readable name of a scope: a group's name, 'all units', 'type …'."""
    if scope.kind == "group":
        group = reader(con, read)(queries.group_info, group_id=scope.value)
        if not group.empty:
            return str(group.iloc[0]["name_th" if lang == "th" else "name_en"])
        return scope.value
    if scope.kind == "all":
        return t("deck.all_units", lang)
    if scope.kind == "units":
        return t("deck.selected_units", lang, n=len(scope.units))
    if scope.kind == "unit_type" and has(f"unit_type.{scope.value}"):
        return t(f"unit_type.{scope.value}", lang)
    return t(f"deck.{scope.kind}", lang, value=scope.value)


def _unit_row(read: Read, unit_id: str) -> pd.Series:
    frame = read(queries.unit_info, unit_id=unit_id)
    if frame.empty:
        raise DeckError(f"ไม่พบหน่วยงาน {unit_id!r}", f"unknown unit {unit_id!r}")
    return frame.iloc[0]


def _docs_text(read: Read, *, dataset: str, year: int, scopes: tuple[Scope, ...],
               lang: str) -> str:
    """The source documents of the year's figures, the unit's own first."""
    titles: list[str] = []
    for scope in scopes:
        sources = read(queries.year_sources, dataset=dataset, year=year, scope=scope)
        for r in sources.itertuples():
            title = shorten(str(r.title_th or r.source_id), 90)
            if title not in titles:
                titles.append(title)
    if not titles:
        return t("deck.no_docs", lang)
    text = "; ".join(titles[:MAX_DOCS])
    if len(titles) > MAX_DOCS:
        text += f" (+{len(titles) - MAX_DOCS})"
    return t("deck.from_docs", lang, docs=text)


def source_line(con: Con, *, dataset: str, unit_id: str, year: int, scope: Scope, lang: str,
                framework_name: str, read: Read | None = None) -> str:
    """The one source line of every slide: dataset (or the synthetic warning), documents,
    framework."""
    read = reader(con, read)
    info = read(queries.dataset_info, dataset=dataset).iloc[0]
    if bool(info["is_synthetic"]):
        parts = [t("deck.synthetic", lang)]
    else:
        label = str(info["label_th" if lang == "th" else "label_en"])
        scopes = (Scope.of_units([unit_id]), scope)
        parts = [label, _docs_text(read, dataset=dataset, year=year, scopes=scopes, lang=lang)]
    parts.append(t("deck.framework", lang, name=framework_name))
    return t("deck.source", lang, parts=" · ".join(parts))


def make_context(con: Con, *, dataset: str, unit_id: str, year: int, scope: Scope,
                 lang: str, today: dt.date, read: Read | None = None,
                 registry: Registry | None = None) -> Context:
    """What every slide needs (``read`` and ``registry``: the pages' cached ones)."""
    read = reader(con, read)
    unit = _unit_row(read, unit_id)
    info = read(queries.dataset_info, dataset=dataset).iloc[0]
    history = read(queries.unit_history, dataset=dataset, unit_id=unit_id)
    this_year = history.loc[history["fiscal_year"] == year].iloc[0]
    framework_id = str(this_year["framework_id"])
    prev_year = None if pd.isna(this_year["prev_year"]) else int(this_year["prev_year"])
    frameworks = (registry or Registry(con)).frameworks  # each one's name, as framework_name
    names = {str(f): str(name) for f, name in zip(
        frameworks["framework_id"], frameworks["name_th" if lang == "th" else "name_en"],
        strict=True)}
    framework = names.get(framework_id, framework_id)
    return Context(
        dataset=dataset, dataset_label=str(info["label_th" if lang == "th" else "label_en"]),
        is_synthetic=bool(info["is_synthetic"]), unit_id=unit_id,
        unit_name=str(unit["name_th" if lang == "th" else "name_en"] or unit["name_th"]),
        unit_short=str(unit["short_th" if lang == "th" else "short_en"] or unit["short_th"]),
        year=year, lang=lang, scope=scope, scope_name=scope_name(con, scope, lang, read),
        framework_id=framework_id, framework_name=framework, framework_names=names,
        source=source_line(con, dataset=dataset, unit_id=unit_id, year=year, scope=scope,
                           lang=lang, framework_name=framework, read=read),
        today=today, prev_year=prev_year)


@dataclass(frozen=True)
class DeckData:
    """The query results a deck is made from."""

    ranking: pd.DataFrame
    history: pd.DataFrame
    radar_group: pd.DataFrame
    radar_prev: pd.DataFrame
    weakest: pd.DataFrame
    zero: pd.DataFrame
    recoverable: pd.DataFrame
    items: pd.DataFrame
    national: pd.DataFrame | None = None  # published national results by year


def _radar(read: Read, *, dataset: str, year: int, unit_id: str, compare: str,
           scope: Scope | None = None) -> pd.DataFrame:
    """:func:`ita_dash.queries.radar` from its parts (:func:`ita_dash.queries.radar_read`: a
    group's comparison is read once for all its units, the unit's values once)."""
    return queries.radar_read(read, dataset=dataset, year=year, unit_id=unit_id,
                              compare=compare, scope=scope)


def gather(con: Con, ctx: Context, read: Read | None = None) -> DeckData:
    read = reader(con, read)
    common: dict[str, Any] = {"dataset": ctx.dataset, "year": ctx.year}
    unit: dict[str, Any] = {**common, "unit_id": ctx.unit_id}
    return DeckData(
        ranking=read(queries.rankings, **common, scope=ctx.scope),
        history=read(queries.unit_history, dataset=ctx.dataset, unit_id=ctx.unit_id),
        radar_group=_radar(read, **unit, compare="group_mean", scope=ctx.scope),
        radar_prev=_radar(read, **unit, compare="previous_year"),
        weakest=read(queries.weakest_items, **unit, n=5),
        zero=read(queries.zero_items, **common, scope=Scope.of_units([ctx.unit_id])),
        recoverable=read(queries.points_recoverable, **unit),
        items=read(queries.unit_items, **unit),
        national=read(queries.national_reference, dataset=ctx.dataset),
    )

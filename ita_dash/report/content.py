"""The analysis report of one unit-year, built from the query layer.

:func:`build_report` returns a :class:`~ita_dash.report.model.Report` in the
structure of the coordinators' own documents: a title page, 1 ความเป็นมา (the
assessment, its tools, weights, indicators and scale, from the registry),
2 ผลการประเมิน (:mod:`~ita_dash.report.results`), 3 มาตรการ
(:mod:`~ita_dash.report.actions`) and 4 the figures' sources and what was computed.
A unit-year with totals only gets the shorter document that says what is missing.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from ita_dash.deck.context import Context, check_year, default_scope, make_context
from ita_dash.deck.text import fmt, format_date
from ita_dash.i18n import status_label, t
from ita_dash.report import actions, results
from ita_dash.report.data import ReportData, report_data, rt
from ita_dash.report.model import Para, Report, Section, Table
from ita_dash.scope import Scope

Con = duckdb.DuckDBPyConnection


def build_report(con: Con, *, dataset: str, unit_id: str, year: int, scope: Scope | None = None,
                 lang: str = "th", today: dt.date | None = None) -> Report:
    """The report of ``unit_id`` in ``year``; :class:`~ita_dash.deck.context.DeckError` when the
    unit-year has no data."""
    check_year(con, dataset=dataset, unit_id=unit_id, year=year)
    scope = scope or default_scope(con, unit_id=unit_id)
    ctx = make_context(con, dataset=dataset, unit_id=unit_id, year=year, scope=scope, lang=lang,
                       today=today or dt.date.today())
    data = report_data(con, ctx)
    sections = (*background(ctx, data), *results.sections(ctx, data),
                *actions.sections(ctx, data), *provenance(ctx, data))
    return Report(dataset=dataset, unit_id=unit_id, unit_name=ctx.unit_name, year=year,
                  lang=lang, title=title_lines(ctx), cover_notes=cover_notes(ctx),
                  sections=sections, is_short=data.is_short,
                  missing=results.missing(ctx, data))


def title_lines(ctx: Context) -> tuple[str, ...]:
    return (rt(ctx, "title_1"), rt(ctx, "title_2", unit=ctx.unit_name, year=ctx.year_text()),
            rt(ctx, "title_3", next=ctx.year_text(ctx.year + 1)))


def cover_notes(ctx: Context) -> tuple[str, ...]:
    notes = [rt(ctx, "cover_drafted", dataset=ctx.dataset_label,
                date=format_date(ctx.today, ctx.lang)),
             rt(ctx, "cover_framework", name=ctx.framework_name)]
    if ctx.is_synthetic:
        notes.insert(0, rt(ctx, "synthetic"))
    return tuple(notes)


def _points(value: object) -> str:
    return "–" if value is None or pd.isna(value) else f"{float(value):g}"  # type: ignore[arg-type]


def framework_doc(ctx: Context, data: ReportData) -> str:
    """'<framework> (<its source document>)'."""
    title = data.parts["source_title"].dropna()
    name = str(title.iloc[0]) if not title.empty else str(data.framework["source_id"] or "–")
    return rt(ctx, "framework_doc", name=ctx.framework_name, doc=name)


def framework_source(ctx: Context, data: ReportData) -> str:
    return rt(ctx, "source", text=framework_doc(ctx, data))


def background(ctx: Context, data: ReportData) -> list[Section]:
    fw, parts = data.framework, data.parts
    tools = parts[parts["kind"].isin(["tool", "tool_part"])]
    indicators = parts[parts["kind"] == "indicator"]
    intro = [Para(rt(ctx, "bg_intro")),
             Para(rt(ctx, "bg_unit", unit=ctx.unit_name, year=ctx.year_text(),
                     framework=ctx.framework_name, assessor=str(fw["assessor"]),
                     n_ind=len(indicators) or 10, status=status_label(fw["status"], ctx.lang)))]
    out = [Section("1", rt(ctx, "s1"), tuple(intro))]
    source = framework_source(ctx, data)
    blocks: tuple[Para | Table, ...]
    if tools.empty:
        blocks = (Para(rt(ctx, "bg_no_tools"), "missing"),)
    else:
        rows: tuple[tuple[str, ...], ...] = tuple(
            (str(r.code), data.tr(pd.Series(r._asdict()), "label", ctx.lang),
             _points(r.points), status_label(r.status, ctx.lang)) for r in tools.itertuples())
        blocks = (Para(rt(ctx, "bg_tools")),
                  Table(rt(ctx, "tab_tools", framework=ctx.framework_name), source,
                        (rt(ctx, "col_tool"), rt(ctx, "col_name"), rt(ctx, "col_weight"),
                         rt(ctx, "col_status")), rows, (2.0, 9.0, 2.0, 3.0),
                        (False, False, True, False)))
    out.append(Section("1.1", rt(ctx, "s1_1"), blocks))
    if indicators.empty:
        blocks = (Para(rt(ctx, "bg_no_indicators"), "missing"),)
    else:
        rows = tuple((str(r.code), data.tr(pd.Series(r._asdict()), "label", ctx.lang),
                      str(r.tool), _points(r.points), str(r.n_items) if r.n_items else "–")
                     for r in indicators.itertuples())
        blocks = (Table(rt(ctx, "tab_indicators", framework=ctx.framework_name), source,
                        (rt(ctx, "col_indicator"), rt(ctx, "col_name"), rt(ctx, "col_tool"),
                         rt(ctx, "col_weight"), rt(ctx, "col_n_items")),
                        rows, (2.0, 8.0, 2.0, 2.2, 1.8), (False, False, False, True, True)),)
    out.append(Section("1.2", rt(ctx, "s1_2"), blocks))
    out.append(Section("1.3", rt(ctx, "s1_3"), scale_blocks(ctx, data, source)))
    return out


def scale_blocks(ctx: Context, data: ReportData, source: str) -> tuple:
    if data.scale.empty:
        return (Para(rt(ctx, "bg_no_scale"), "missing"),)
    rows = []
    for r in data.scale.itertuples():
        cond = (rt(ctx, "scale_each_tool", n=_points(r.min_each_tool))
                if pd.notna(r.min_each_tool) else "–")
        label = r.label_th if ctx.lang == "th" else r.label_en
        rows.append((str(label), f"{r.min_total:.2f} – {r.max_total:.2f}", cond,
                     status_label(r.status, ctx.lang)))
    return (Table(rt(ctx, "tab_scale", framework=ctx.framework_name), source,
                  (rt(ctx, "col_level"), rt(ctx, "col_range"), rt(ctx, "col_condition"),
                   rt(ctx, "col_status")), tuple(rows), (3.8, 3.0, 6.2, 3.0),
                  (False, True, False, False)),)


def provenance(ctx: Context, data: ReportData) -> list[Section]:
    """4: the documents the figures come from, and what was computed rather than printed."""
    docs = [Para(f"{r.title_th or r.source_id} ({rt(ctx, 'n_figures', n=int(r.n_figures))})",
                 "bullet") for r in data.sources.itertuples()]
    if ctx.is_synthetic:
        docs = [Para(rt(ctx, "synthetic"), "missing")]
    elif not docs:
        docs = [Para(rt(ctx, "no_docs"), "missing")]
    blocks: list = [Para(rt(ctx, "src_intro", dataset=ctx.dataset_label)), *docs,
                    Para(rt(ctx, "src_framework", doc=framework_doc(ctx, data)), "bullet")]
    blocks += computed_paras(ctx, data)
    table = printed_table(ctx, data)
    if table is not None:
        blocks.append(table)
    for r in data.conflicts.itertuples():
        blocks.append(Para(rt(ctx, "src_conflict", code=r.code or "–", printed=r.printed_values,
                              chosen=r.chosen_value or "–", rule=r.rule), "bullet"))
    for r in data.checks.itertuples():
        blocks.append(Para(rt(ctx, "src_check", code=r.code, printed=r.printed,
                              computed=r.recomputed), "bullet"))
    blocks.append(Para(rt(ctx, "src_review"), "note"))
    return [Section("4", rt(ctx, "s4"), tuple(blocks))]


def computed_paras(ctx: Context, data: ReportData) -> list[Para]:
    row = data.this_year
    out: list[Para] = []
    prov = data.provenance.iloc[0] if not data.provenance.empty else None
    if prov is not None and pd.notna(row["score"]):
        key = "src_total_printed" if prov["score_source"] == "printed" else "src_total_computed"
        out.append(Para(rt(ctx, key, score=fmt(row["score"])), "bullet"))
        if bool(prov["score_unconfirmed"]):
            out.append(Para(rt(ctx, "src_unconfirmed_weights"), "bullet"))
        level_key = ("src_level_printed" if prov["level_source"] == "printed"
                     else "src_level_computed")
        out.append(Para(rt(ctx, level_key, level=data.tr(row, "level", ctx.lang) or "–"),
                        "bullet"))
    total = data.from_items[data.from_items["tool"] == "ITA"]
    if not total.empty and float(total.iloc[0]["points_max"] or 0) > 0:
        t = total.iloc[0]
        out.append(Para(rt(ctx, "src_from_items", n=int(t["n_items"]),
                           points=f"{float(t['points']):.2f}",
                           max=_points(t["points_max"])), "bullet"))
    if data.has_items:
        out.append(Para(rt(ctx, "src_recoverable"), "bullet"))
    out.append(Para(rt(ctx, "src_weighted"), "bullet"))
    return out


def printed_table(ctx: Context, data: ReportData) -> Table | None:
    """Printed beside recomputed value of the total, tools and indicators."""
    frame = data.recomputed[data.recomputed["kind"].isin(["total", "tool", "indicator"])]
    frame = frame[frame["value"].notna()]
    if frame.empty:
        return None
    rows = tuple((str(r.code), data.tr(pd.Series(r._asdict()), "label", ctx.lang),
                  fmt(r.printed), fmt(r.recomputed), fmt(r.value))
                 for r in frame.itertuples())
    return Table(rt(ctx, "tab_printed"), rt(ctx, "source", text=rt(ctx, "src_printed_source")),
                 (rt(ctx, "col_code"), rt(ctx, "col_name"), rt(ctx, "col_printed"),
                  rt(ctx, "col_recomputed"), rt(ctx, "col_used")),
                 rows, (1.6, 7.6, 2.2, 2.4, 2.2), (False, False, True, True, True))


def failure_report(*, dataset: str, unit_id: str, year: int, lang: str, reason: str) -> Report:
    """A one-section document saying why the report could not be drafted (what a download
    button hands over instead of an error on the page)."""
    def say(key: str, **values: object) -> str:
        return t(f"report.{key}", lang, **values)

    section = Section("1", say("failed_title"),
                      (Para(say("failed_text", unit=unit_id, year=year, reason=reason),
                            "missing"),))
    return Report(dataset=dataset, unit_id=unit_id, unit_name=unit_id, year=year, lang=lang,
                  title=(say("title_1"),), cover_notes=(), sections=(section,), is_short=True)

"""``python -m ita_dash report``: the coordinator's analysis report (Word, optionally PDF).

One unit::

    python -m ita_dash report --dataset real --unit เขตสัมพันธวงศ์ --year 2567 \\
        --out out/report.docx --pdf out/report.pdf

Every unit of a scope (one document each, with progress)::

    python -m ita_dash report --dataset demo --scope group:bkk-centralbangkok --year 2567 \\
        --out-dir out/reports [--pdf-too]

Exit codes: 0 written, 2 bad request (unknown unit, year without data, bad scope),
5 the Word file is written but no PDF (LibreOffice missing or failing).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import duckdb

from ita_dash import config
from ita_dash.deck.cli import print_skipped, run_per_unit, scope_arg, units_with_year
from ita_dash.deck.context import resolve_unit
from ita_dash.report.pdf import PdfError
from ita_dash.scope import Scope

NO_PDF = 5


def _write(con: duckdb.DuckDBPyConnection, args: argparse.Namespace, unit_id: str, out: Path,
           scope: Scope | None, pdf: Path | None) -> str:
    # python-docx and matplotlib only when a report is written (every command imports this)
    from ita_dash.report.content import build_report
    from ita_dash.report.docx_writer import write_docx
    from ita_dash.report.pdf import write_pdf

    report = build_report(con, dataset=args.dataset, unit_id=unit_id, year=args.year,
                          scope=scope, lang=args.lang)
    if pdf is None:
        write_docx(report, out)
    else:
        write_pdf(report, out, pdf)
    return " (ฉบับย่อ: มีเฉพาะคะแนนรวม / short: totals only)" if report.is_short else ""


def _single(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> int:
    unit_id = resolve_unit(con, args.unit)
    out, pdf = Path(args.out), Path(args.pdf) if args.pdf else None
    try:
        short = _write(con, args, unit_id, out, scope_arg(args.scope), pdf)
    except PdfError:
        print(f"wrote {out} / เขียนไฟล์ {out} แล้ว")
        raise
    print(f"wrote {out} / เขียนไฟล์ {out} แล้ว{short}")
    if pdf is not None:
        print(f"wrote {pdf} / เขียนไฟล์ {pdf} แล้ว")
    return 0


def _batch(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> int:
    scope, todo, skipped = units_with_year(con, args)
    for i, unit_id in enumerate(todo, 1):
        out = Path(args.out_dir) / f"ita-report-{unit_id}-{args.year}-{args.dataset}.docx"
        short = _write(con, args, unit_id, out, scope,
                       out.with_suffix(".pdf") if args.pdf_too else None)
        print(f"[{i}/{len(todo)}] {out.name}{short}", flush=True)
    print(f"wrote {len(todo)} reports to {args.out_dir} / เขียน {len(todo)} ไฟล์ที่ {args.out_dir}")
    print_skipped(args, skipped)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    return run_per_unit(args, _single, _batch, {PdfError: NO_PDF})


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``report`` command to ``python -m ita_dash``."""
    p = sub.add_parser("report", help="write the coordinator's analysis report (Word, and PDF "
                                      "through LibreOffice) for a unit, or for every unit of a "
                                      "scope")
    p.add_argument("--dataset", choices=config.dataset_names(), required=True)
    p.add_argument("--year", type=int, required=True, help="fiscal year (B.E.), e.g. 2567")
    p.add_argument("--unit", help="unit by Thai or English name, alias or id")
    p.add_argument("--out", help="the .docx to write (with --unit)")
    p.add_argument("--pdf", help="also write a PDF (LibreOffice) to this file (with --unit)")
    p.add_argument("--scope", help="comparison scope, e.g. group:bkk-centralbangkok; with "
                                   "--out-dir: the units to write reports for")
    p.add_argument("--out-dir", help="folder for one report per unit of --scope")
    p.add_argument("--pdf-too", action="store_true",
                   help="with --out-dir: also write a PDF beside each document")
    p.add_argument("--lang", choices=("th", "en"), default="th")
    p.set_defaults(handler=cmd_report)

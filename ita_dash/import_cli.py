"""Command line: ``import``, ``import-history``, ``undo``, ``import-template``,
``framework-template``, ``import-framework``, ``bench-import``.

Registered into ``python -m ita_dash`` by :func:`register`. Exit codes: 0 done,
1 the file has errors (nothing written) or the undo was refused.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from ita_dash import config

if TYPE_CHECKING:
    from ita_dash.editing.pipeline import Outcome
    from ita_dash.importer.mapping import Mapped
    from ita_dash.importer.report import Report

EXIT_ERRORS = 1


def open_db() -> duckdb.DuckDBPyConnection:
    """A read-only connection to the current build (built first when needed)."""
    from ita_dash.db import connect

    return connect()


def cmd_import(args: argparse.Namespace) -> int:
    from ita_dash.auth import cli_actor
    from ita_dash.editing.pipeline import ImportOptions, StaleError, prepare_import, run_import

    path = Path(args.file)
    if not path.is_file():
        print(f"no such file: {path} / ไม่พบไฟล์", file=sys.stderr)
        return EXIT_ERRORS
    from ita_dash.importer.mapping import parse_overrides

    overrides = parse_overrides(Path(args.map_file).read_text(encoding="utf-8-sig")) \
        if args.map_file else {}
    overrides.update(parse_overrides(args.map or ""))
    options = ImportOptions(dataset=args.dataset, add_units=args.add_units, replace=args.replace,
                            max_bytes=int(args.max_mb * 1048576) if args.max_mb else None,
                            sheet=args.sheet, year=args.year, unit=args.unit,
                            overrides=overrides,
                            unit_types=parse_overrides(args.unit_type or ""))
    con = open_db()
    try:
        plan = prepare_import(con, path.read_bytes(), path.name, options)
        outcome = None
        if plan.ok:
            outcome = run_import(con, plan, actor=cli_actor(), dry_run=args.dry_run)
    except StaleError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_ERRORS
    finally:
        con.close()
    if plan.mapping is not None:
        print(mapping_lines(plan.mapping))
    print_report(plan.report, args)
    if outcome is None:
        print(f"{plan.report.count('error')} errors: nothing was written / "
              f"พบข้อผิดพลาด {plan.report.count('error')} รายการ ไม่มีการบันทึกใด ๆ")
        return EXIT_ERRORS
    print(summary_line(outcome))
    return 0


def mapping_lines(mapped: Mapped) -> str:
    """The mapping as printed: per column, what it became and why."""
    lines = [f"mapping / การจับคู่คอลัมน์ (layout {mapped.layout}):"]
    for c in mapped.columns:
        lines.append(f"  {c.header or '-'} -> {c.target or '-'}: {c.why_en} / {c.why_th}")
    return "\n".join(lines)


def print_report(report: Report, args: argparse.Namespace) -> None:
    for line in report.lines(args.limit):
        print(line)
    if args.report:
        out = Path(args.report)
        data = report.to_xlsx_bytes() if out.suffix.lower() == ".xlsx" else report.to_csv_bytes()
        out.write_bytes(data)
        print(f"report written to {out} / บันทึกรายงานที่ {out}")


def summary_line(outcome: Outcome) -> str:
    c = outcome.counts
    figures = (f"{c['new']} new, {c['replace']} replaced, {c['same']} unchanged, "
               f"{c['units_new']} new units, {c.get('levels', 0)} printed levels, "
               f"{c['warnings']} warnings")
    if outcome.dry_run:
        return f"dry run: would write {c['new'] + c['replace']} figures ({figures}); nothing written"
    if outcome.import_id is None:
        return f"nothing to change: every figure is already stored ({figures})"
    return f"imported {outcome.written} figures as {outcome.import_id} ({figures})"


def cmd_history(args: argparse.Namespace) -> int:
    from ita_dash.editing.imports import import_history

    con = open_db()
    try:
        frame = import_history(con, dataset=args.dataset)
    finally:
        con.close()
    if frame.empty:
        print("no imports yet / ยังไม่มีการนำเข้า")
        return 0
    columns = ["import_id", "kind", "dataset", "file_name", "imported_at", "imported_by",
               "row_count", "rows_stored", "rows_replaced", "undone_at"]
    print(frame[columns].to_string(index=False))
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    from ita_dash.auth import cli_actor
    from ita_dash.editing.imports import UndoError, undo_import

    try:
        done = undo_import(args.import_id, actor=cli_actor())
    except UndoError as exc:
        print(f"cannot undo: {exc}", file=sys.stderr)
        return EXIT_ERRORS
    if done.get("frameworks"):
        print(f"undone framework import {args.import_id}: the framework it entered or replaced "
              f"is back as before / ยกเลิกการนำเข้ากรอบการประเมิน {args.import_id} แล้ว")
        return 0
    print(f"undone {args.import_id}: removed {done['removed']} figures, restored "
          f"{done['restored']}, removed {done['units_removed']} units it had added")
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from ita_dash.importer.templates import template_bytes

    con = open_db()
    try:
        data = template_bytes(con, layout=args.layout, fmt=args.format,
                              framework_id=args.framework)
    finally:
        con.close()
    Path(args.out).write_bytes(data)
    print(f"wrote the {args.layout} template to {args.out}")
    return 0


def cmd_framework_template(args: argparse.Namespace) -> int:
    from ita_dash.importer.framework_files import framework_template

    out = Path(args.out)
    fmt = {".xlsx": "xlsx", ".zip": "zip", ".csv": "csv"}.get(out.suffix.lower())
    if fmt is None:
        print("--out must end in .xlsx, .zip or .csv / ชื่อไฟล์ต้องลงท้ายด้วย .xlsx .zip หรือ .csv",
              file=sys.stderr)
        return EXIT_ERRORS
    con = open_db() if args.framework else None
    try:
        files = framework_template(con, framework_id=args.framework, fmt=fmt)
    except ValueError as exc:
        print(f"{exc} / ไม่รู้จักกรอบการประเมินนี้", file=sys.stderr)
        return EXIT_ERRORS
    finally:
        if con is not None:
            con.close()
    for suffix, data in files.items():
        path = out.with_name(out.stem + suffix)
        path.write_bytes(data)
        print(f"wrote {path} / บันทึกแม่แบบกรอบการประเมินที่ {path}")
    return 0


def cmd_import_framework(args: argparse.Namespace) -> int:
    from ita_dash.auth import cli_actor
    from ita_dash.editing.frameworks import FrameworkStale, commit_framework
    from ita_dash.importer.frameworks import prepare_framework_import

    paths = [Path(f) for f in args.files]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        print(f"no such file: {missing[0]} / ไม่พบไฟล์", file=sys.stderr)
        return EXIT_ERRORS
    files = [(p.name, p.read_bytes()) for p in paths]
    con = open_db()
    try:
        plan = prepare_framework_import(con, files)
    finally:
        con.close()
    if plan.ok and not args.dry_run:
        try:
            committed = commit_framework(plan, files, actor=cli_actor())
        except FrameworkStale as exc:
            plan = exc.plan
        else:
            print_report(plan.report, args)
            print(f"imported framework {plan.framework_id} as {committed.import_id} "
                  f"({len(plan.nodes)} nodes, {len(plan.levels)} levels) / นำเข้ากรอบการประเมิน "
                  f"{plan.framework_id} เป็นรายการ {committed.import_id}")
            return 0
    print_report(plan.report, args)
    if not plan.ok:
        print(f"{plan.report.count('error')} errors: nothing was written / "
              f"พบข้อผิดพลาด {plan.report.count('error')} รายการ ไม่มีการบันทึกใด ๆ")
        return EXIT_ERRORS
    print(f"dry run: framework {plan.framework_id} is valid ({len(plan.nodes)} nodes, "
          f"{len(plan.levels)} levels); nothing written / ตรวจแล้วถูกต้อง ยังไม่ได้บันทึก")
    return 0


def cmd_bench_import(args: argparse.Namespace) -> int:
    from ita_dash.bench_import import bench_import

    bench_import(units=args.units, formats=tuple(args.formats))
    return 0


def cmd_editor_password(args: argparse.Namespace) -> int:
    import getpass

    from ita_dash.auth import hash_password

    password = getpass.getpass("editor password: ")
    if len(password) < 10 or password != getpass.getpass("again: "):
        print("passwords differ or are shorter than 10 characters", file=sys.stderr)
        return EXIT_ERRORS
    print("[editors]")
    print(f'password_pbkdf2 = "{hash_password(password)}"')
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add the import commands to the ``python -m ita_dash`` parser."""
    p = sub.add_parser("import", help="import scores from an XLSX or CSV file")
    p.add_argument("file")
    p.add_argument("--dataset", choices=config.dataset_names(), required=True)
    p.add_argument("--add-units", action="store_true", help="add units the database lacks")
    p.add_argument("--replace", action="store_true", help="replace stored figures that differ")
    p.add_argument("--dry-run", action="store_true", help="validate and preview, write nothing")
    p.add_argument("--report", help="write the whole report to this .csv or .xlsx file")
    p.add_argument("--limit", type=int, default=200, help="report lines printed (default 200)")
    p.add_argument("--max-mb", type=float, help="size limit (default ITA_IMPORT_MAX_MB or 20)")
    p.add_argument("--sheet", help="the Excel sheet to read (default: the first visible one)")
    p.add_argument("--year", type=int, help="the fiscal year (B.E.) of a file without a year "
                   "column")
    p.add_argument("--unit", help="the unit of a file without a unit column (one unit's history)")
    p.add_argument("--map", help="what columns become: 'คะแนนรวม=ITA,ระดับ=level,ลำดับ=ignore'")
    p.add_argument("--map-file", help="a mapping file: one 'HEADER=TARGET' a line")
    p.add_argument("--unit-type", help="a new unit's type when its name does not say it or "
                   "says it wrongly: 'NAME=TYPE,...' (e.g. 'คณะทดสอบ=other_state_agency')")
    p.set_defaults(handler=cmd_import)
    h = sub.add_parser("import-history", help="list the imports")
    h.add_argument("--dataset", choices=config.dataset_names())
    h.set_defaults(handler=cmd_history)
    u = sub.add_parser("undo", help="undo an import (restores what it replaced)")
    u.add_argument("import_id")
    u.set_defaults(handler=cmd_undo)
    t = sub.add_parser("import-template", help="write an import template (Thai headers)")
    t.add_argument("--layout", choices=("long", "wide"), default="long")
    t.add_argument("--format", choices=("xlsx", "csv"), default="xlsx")
    t.add_argument("--framework", help="framework of the wide template (default: the latest)")
    t.add_argument("--out", required=True)
    t.set_defaults(handler=cmd_template)
    ft = sub.add_parser("framework-template",
                        help="write the framework template (blank, or an existing framework)")
    ft.add_argument("--out", required=True, help="FILE.xlsx, FILE.zip (three CSVs) or FILE.csv "
                    "(three files FILE-framework.csv, FILE-nodes.csv, FILE-rating_levels.csv)")
    ft.add_argument("--framework", help="pre-fill with this framework (to correct it)")
    ft.set_defaults(handler=cmd_framework_template)
    fi = sub.add_parser("import-framework",
                        help="import a framework from the template (one XLSX or ZIP, or CSVs)")
    fi.add_argument("files", nargs="+", metavar="FILE")
    fi.add_argument("--dry-run", action="store_true", help="check and preview, write nothing")
    fi.add_argument("--report", help="write the whole report to this .csv or .xlsx file")
    fi.add_argument("--limit", type=int, default=200, help="report lines printed (default 200)")
    fi.set_defaults(handler=cmd_import_framework)
    b = sub.add_parser("bench-import", help="time importing a national-scale year")
    b.add_argument("--units", type=int, default=8300)
    b.add_argument("--formats", nargs="+", default=["csv", "csv-long", "xlsx"],
                   choices=("csv", "xlsx", "csv-long", "xlsx-long"))
    b.set_defaults(handler=cmd_bench_import)
    e = sub.add_parser("editor-password", help="print an editor password hash for secrets.toml")
    e.set_defaults(handler=cmd_editor_password)

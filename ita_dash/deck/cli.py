"""``python -m ita_dash deck``: a meeting deck (PPTX, optionally Excel) per unit.

One unit::

    python -m ita_dash deck --dataset real --unit เขตสัมพันธวงศ์ --year 2567 --out out/deck.pptx

Every unit of a scope (one deck each)::

    python -m ita_dash deck --dataset demo --scope group:bkk-centralbangkok --year 2567 \\
        --out-dir out/decks

Exit codes: 0 written, 2 bad request (unknown unit, year without data, bad scope).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import duckdb

from ita_dash import config, queries
from ita_dash.deck.context import DeckError, check_year, resolve_unit
from ita_dash.deck.slides import build_deck
from ita_dash.problems import Bilingual
from ita_dash.scope import Scope


def scope_arg(token: str | None) -> Scope | None:
    if token is None:
        return None
    try:
        return Scope.parse(token)
    except ValueError as exc:
        raise DeckError(f"ขอบเขตไม่ถูกต้อง {token!r} (เช่น group:bkk-centralbangkok หรือ all)",
                        f"bad scope {token!r} (e.g. group:bkk-centralbangkok or all)") from exc


def _write(con: duckdb.DuckDBPyConnection, args: argparse.Namespace, unit_id: str,
           out: Path, scope: Scope | None, xlsx: Path | None) -> Path:
    # the writers (python-pptx, openpyxl) are imported by the deck command alone: every other
    # command started 0.1 s faster without them
    from ita_dash.deck.excel import write_workbook
    from ita_dash.deck.pptx_deck import write_pptx

    deck = build_deck(con, dataset=args.dataset, unit_id=unit_id, year=args.year, scope=scope,
                      lang=args.lang)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_pptx(deck, out)
    if xlsx is not None:
        xlsx.parent.mkdir(parents=True, exist_ok=True)
        write_workbook(deck.tables, xlsx)
    return out


def _single(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> int:
    unit_id = resolve_unit(con, args.unit)
    xlsx = Path(args.xlsx) if args.xlsx else None
    out = _write(con, args, unit_id, Path(args.out), scope_arg(args.scope), xlsx)
    print(f"wrote {out} / เขียนไฟล์ {out} แล้ว")
    return 0


def units_with_year(con: duckdb.DuckDBPyConnection, args: argparse.Namespace
                    ) -> tuple[Scope, list[str], list[str]]:
    """The units of ``--scope`` with data in ``--year`` and those without; DeckError when none
    has (shared by ``deck`` and ``report`` with ``--out-dir``)."""
    scope = scope_arg(args.scope) or Scope()
    todo, skipped = [], []
    for unit_id in queries.units_in_scope(con, dataset=args.dataset, scope=scope)["unit_id"]:
        try:
            check_year(con, dataset=args.dataset, unit_id=unit_id, year=args.year)
            todo.append(str(unit_id))
        except DeckError:
            skipped.append(str(unit_id))
    if not todo:
        raise DeckError(f"ไม่มีหน่วยงานใน {scope.token()} ที่มีข้อมูลปี {args.year}",
                        f"no unit of {scope.token()} has data for {args.year}")
    return scope, todo, skipped


def print_skipped(args: argparse.Namespace, skipped: list[str]) -> None:
    if skipped:
        print(f"no data for {args.year}, skipped / ไม่มีข้อมูลปี {args.year} จึงข้าม: "
              + ", ".join(skipped))


def _batch(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> int:
    scope, todo, skipped = units_with_year(con, args)
    for unit_id in todo:
        out = Path(args.out_dir) / f"ita-{unit_id}-{args.year}-{args.dataset}.pptx"
        _write(con, args, unit_id, out, scope, out.with_suffix(".xlsx") if args.excel else None)
    print(f"wrote {len(todo)} decks to {args.out_dir} / เขียน {len(todo)} ไฟล์ที่ {args.out_dir}")
    print_skipped(args, skipped)
    return 0


def run_per_unit(args: argparse.Namespace,
                 single: Callable[[duckdb.DuckDBPyConnection, argparse.Namespace], int],
                 batch: Callable[[duckdb.DuckDBPyConnection, argparse.Namespace], int],
                 failures: dict[type[Bilingual], int] | None = None) -> int:
    """A command writing a file for one unit (``--unit``, ``--out``) or one per unit of a
    scope (``--scope``, ``--out-dir``): the arguments checked, a connection to the current
    build, a refusal printed in Thai and English with its exit code (2, or ``failures``)."""
    if bool(args.unit) == bool(args.out_dir) or (args.unit and not args.out):
        print("ใช้ --unit กับ --out หรือ --scope กับ --out-dir / "
              "use --unit with --out, or --scope with --out-dir", file=sys.stderr)
        return 2
    from ita_dash.db import connect

    codes: dict[type[Bilingual], int] = {DeckError: 2, **(failures or {})}
    con = connect()
    try:
        return single(con, args) if args.unit else batch(con, args)
    except tuple(codes) as exc:
        print(f"ข้อผิดพลาด: {exc.th}\nerror: {exc.en}", file=sys.stderr)
        return next(code for kind, code in codes.items() if isinstance(exc, kind))
    finally:
        con.close()


def cmd_deck(args: argparse.Namespace) -> int:
    return run_per_unit(args, _single, _batch)


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``deck`` command to ``python -m ita_dash``."""
    p = sub.add_parser("deck", help="write a meeting deck (PowerPoint with native charts) "
                                    "for a unit, or for every unit of a scope")
    p.add_argument("--dataset", choices=config.dataset_names(), required=True)
    p.add_argument("--year", type=int, required=True, help="fiscal year (B.E.), e.g. 2567")
    p.add_argument("--unit", help="unit by Thai or English name, alias or id")
    p.add_argument("--out", help="the .pptx to write (with --unit)")
    p.add_argument("--scope", help="comparison scope, e.g. group:bkk-centralbangkok; with "
                                   "--out-dir: the units to write decks for")
    p.add_argument("--out-dir", help="folder for one deck per unit of --scope")
    p.add_argument("--xlsx", help="also write the deck's tables to this Excel file (--unit)")
    p.add_argument("--excel", action="store_true",
                   help="with --out-dir: also write an Excel workbook beside each deck")
    p.add_argument("--lang", choices=("th", "en"), default="th")
    p.set_defaults(handler=cmd_deck)

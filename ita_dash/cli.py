"""Command line: build, export, bench, and the commands of the importer and the deck."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from ita_dash import config, import_cli
from ita_dash.deck import cli as deck_cli
from ita_dash.lock import BusyError
from ita_dash.problems import DataError
from ita_dash.report import cli as report_cli
from ita_dash.store.files import StoreError

Handler = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, Handler] = {}


def cmd_build(args: argparse.Namespace) -> int:
    import time

    from ita_dash.publish import built_datasets, rebuild

    started = time.perf_counter()
    if args.dataset == "all":
        build = rebuild(full=True)
    else:
        build = rebuild(datasets=[args.dataset])
    print(f"built {build.path.name} ({', '.join(built_datasets(build))}) in "
          f"{time.perf_counter() - started:.1f} s; published as {config.db_path()}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from ita_dash import queries, safe_files
    from ita_dash.db import connect

    con = connect()
    if args.totals:
        frame = queries.export_totals(con, dataset=args.dataset)
        what = "unit-years"
    else:
        frame = queries.export_scores(con, dataset=args.dataset)
        what = "scores"
    safe_files.write_csv(frame, args.out)
    print(f"wrote {len(frame)} {what} of dataset {args.dataset!r} to {args.out}")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from ita_dash.bench import run_bench, run_page_bench

    json_path = Path(args.json) if args.json else None
    if args.pages:
        return run_page_bench(dataset=args.dataset, baseline="demo", repeats=args.repeats,
                              json_path=json_path)
    return run_bench(units=args.units, years=args.years, repeats=args.repeats,
                     db_path=Path(args.db) if args.db else None,
                     with_import=not args.no_import, json_path=json_path)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m ita_dash", description="ITA Dashboard tools")
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="rebuild the database from the files in data/")
    b.add_argument("--dataset", choices=(*config.dataset_names(), "all"), default="all",
                   help="rebuild one dataset (added to the build if new), or everything")
    b.set_defaults(handler=cmd_build)
    e = sub.add_parser("export", help="write every stored score of a dataset to CSV")
    e.add_argument("--dataset", choices=config.dataset_names(), required=True)
    e.add_argument("--out", required=True)
    e.add_argument("--totals", action="store_true",
                   help="one row per unit-year: total, tools and level (printed or computed)")
    e.set_defaults(handler=cmd_export)
    be = sub.add_parser("bench", help="time every query function on a national-scale dataset")
    be.add_argument("--units", type=int, default=8300)
    be.add_argument("--years", type=int, default=10)
    be.add_argument("--repeats", type=int, default=7)
    be.add_argument("--db", help="where to write the benchmark database (default: a temp dir)")
    be.add_argument("--no-import", action="store_true", help="skip the import throughput")
    be.add_argument("--pages", action="store_true",
                    help="time every page's warm rerun on --dataset next to demo (AppTest)")
    be.add_argument("--dataset", default="national-demo", help="dataset for --pages")
    be.add_argument("--json", help="also write the figures as JSON (e.g. bench-output/b.json)")
    be.set_defaults(handler=cmd_bench)
    for extend in EXTENSIONS:
        extend(sub)
    return p


# Sub-commands of other modules, imported by name: a missing one is an ImportError, never a
# command silently left out of ``--help``
EXTENSIONS: tuple[Callable[[argparse._SubParsersAction], None], ...] = (
    import_cli.register, deck_cli.register, report_cli.register)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 2
    except (BusyError, StoreError) as exc:
        print(exc, file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print("stopped / หยุดแล้ว", file=sys.stderr)
        return 130
    except Exception as exc:  # never a raw traceback: a message, the details in a log file
        log = Path(tempfile.gettempdir()) / f"ita-dash-error-{os.getpid()}.log"
        log.write_text(traceback.format_exc(), encoding="utf-8")
        print(f"unexpected error: {type(exc).__name__}: {exc} (details: {log})\n"
              f"เกิดข้อผิดพลาดที่ไม่คาดคิด: {exc} (รายละเอียด: {log})", file=sys.stderr)
        return 4

"""Load test: N simulated users of the running dashboard, over Streamlit's own websocket.

Each session opens ``/_stcore/stream`` as the browser does and sends ``BackMsg.rerun_script``
with a ``ClientState`` (the page's URL path and its query string, as a page link or a filter
change in the sidebar writes into the URL). An interaction is timed from sending that request
to the run's ``script_finished`` message (all of the page's elements have arrived by then).
Each session acts every 2.5-7.5 s (``--every-min``/``--every-max``, drawn uniformly; at least
1 s of think time after a slow answer), half the time changing a filter on the current page
(year, scope or unit), half the time opening another page, among every page (presentation and
compare too). Units are drawn uniformly from *all* the dataset's scored units and years from
the dataset's years (read from the current build), so at national scale almost every view is
one nobody has opened yet. A view asked for the first time in a level (page, dataset, year,
scope, unit) counts as *cold*, a repeat as *warm*; both are printed apart. Exceptions shown on
a page are counted as errors, answers later than ``--timeout`` as timeouts. The URL a session
sends never names the language, so the app writes its resolved filters back into the URL on
every run; a session whose answer names another dataset, year or unit than it asked for
counts as a *leak* (one session shown another's filters).

``--fresh-server PORT`` starts ``streamlit run app.py`` on that port before each level (cold
caches) and stops it after, reading its CPU time itself.

Bounded: at most 200 sessions, loopback addresses only, each level stops by itself after
``--duration`` seconds (plus at most ``--timeout`` seconds for the last answers)::

    python scripts/loadtest.py --sessions 1,10,25,50 --url http://127.0.0.1:8610 --duration 60
    python scripts/loadtest.py --dataset national-demo --sessions 10,50 --fresh-server 8751

Each session sends its own ``ita_route`` cookie, as a browser does behind ``deploy/`` (nginx
keeps a session on one replica by that cookie), so ``--url http://127.0.0.1:8620`` measures
the replicas behind nginx. Prints p50/p95/max per page and overall for each level, the throughput, and (with
``--server-pid``) the server's CPU seconds per interaction read from ``/proc``. Writes the
figures as JSON under ``bench-output/`` (ignored by git) unless ``--json ''``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlparse

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

MAX_SESSIONS = 200
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
PAGES = ("overview", "groups", "unit_profile", "weakest_indicators", "zero_items", "about",
         "presentation", "compare")
PROJECT = Path(__file__).resolve().parents[1]
DONE = {ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY,
        ForwardMsg.ScriptFinishedStatus.FINISHED_WITH_COMPILE_ERROR}


@dataclass
class Params:
    """What a simulated user can choose: the dataset's years, scopes and units."""

    dataset: str
    years: list[int]
    scopes: list[str]
    units: list[str]


def params_from_db(dataset: str) -> Params:
    """Years, scopes and every scored unit of ``dataset`` from the current build (read-only)."""
    sys.path.insert(0, str(PROJECT))
    from ita_dash import db  # the project's reader API

    con = db.open_read_only(db.ensure_current())
    try:
        years = [r[0] for r in con.execute(
            "SELECT DISTINCT fiscal_year FROM unit_years WHERE dataset = ? ORDER BY 1",
            [dataset]).fetchall()]
        groups = [f"group:{r[0]}" for r in con.execute(
            "SELECT DISTINCT m.group_id FROM group_members m JOIN unit_years y USING (unit_id) "
            "WHERE y.dataset = ? ORDER BY 1", [dataset]).fetchall()]
        units = [r[0] for r in con.execute(
            "SELECT DISTINCT unit_id FROM unit_years WHERE dataset = ? AND score IS NOT NULL "
            "ORDER BY 1", [dataset]).fetchall()]
    finally:
        con.close()
    if not units:
        raise SystemExit(f"loadtest: dataset {dataset} has no scored units in the current build")
    return Params(dataset, years, ["all", *groups], units)


@dataclass
class Sample:
    page: str
    action: str  # first | filter | open
    seconds: float
    ok: bool
    errors: int = 0
    bytes: int = 0
    cold: bool = True
    leak: bool = False
    echoes: int = 0  # URLs the app wrote back (the filters it resolved), compared


@dataclass
class Level:
    sessions: int
    duration_s: float
    samples: list[Sample] = field(default_factory=list)
    failed_sessions: int = 0
    seen: set[tuple[str, ...]] = field(default_factory=set)
    server_cpu_s: float | None = None
    load_before: tuple[float, float, float] = (0.0, 0.0, 0.0)
    load_after: tuple[float, float, float] = (0.0, 0.0, 0.0)


def ws_url(http_url: str) -> str:
    parsed = urlparse(http_url)
    if parsed.hostname not in LOOPBACK:
        raise SystemExit(f"loadtest: only loopback addresses are allowed, not {parsed.hostname}")
    scheme = "wss" if parsed.scheme == "https" else "ws"
    base = parsed.path.rstrip("/")
    return f"{scheme}://{parsed.netloc}{base}/_stcore/stream"


def rerun_request(page: str, query: dict[str, str]) -> bytes:
    msg = BackMsg()
    msg.rerun_script.page_name = page
    msg.rerun_script.query_string = urlencode(query)
    return msg.SerializeToString()


CHECKED = ("dataset", "year", "unit")  # filters the app echoes into the URL, compared


def leaked(asked: dict[str, str], echoed: list[str]) -> bool:
    """True when a URL the app wrote back names another dataset, year or unit than asked."""
    for text in echoed:
        got = {k: v[0] for k, v in parse_qs(text).items()}
        if any(k in asked and k in got and got[k] != asked[k] for k in CHECKED):
            return True
    return False


async def interact(ws: websockets.ClientConnection, page: str, query: dict[str, str],
                   action: str, timeout: float) -> Sample:
    """Send one rerun request; wait for the run's script_finished message (a timeout is a
    failed sample with no errors)."""
    t0 = time.perf_counter()
    await ws.send(rerun_request(page, query))
    errors, size, echoed = 0, 0, []
    deadline = t0 + timeout
    while True:
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            return Sample(page, action, time.perf_counter() - t0, False, errors, size)
        try:
            raw = await asyncio.wait_for(ws.recv(), remaining)
        except TimeoutError:
            return Sample(page, action, time.perf_counter() - t0, False, errors, size)
        size += len(raw)
        msg = ForwardMsg()
        msg.ParseFromString(raw)
        kind = msg.WhichOneof("type")
        if kind == "delta" and msg.delta.WhichOneof("type") == "new_element" \
                and msg.delta.new_element.WhichOneof("type") == "exception":
            errors += 1
        elif kind == "page_info_changed":
            echoed.append(msg.page_info_changed.query_string)
        elif kind == "script_finished" and msg.script_finished in DONE:
            return Sample(page, action, time.perf_counter() - t0, errors == 0, errors, size,
                          leak=leaked(query, echoed), echoes=len(echoed))


class User:
    """One simulated user: a page and its filters, changed at random (seeded)."""

    def __init__(self, params: Params, seed: int) -> None:
        self.params = params
        self.rng = random.Random(seed)
        # a browser's cookie: nginx (deploy/) keeps each session on one replica by it
        self.cookie = f"ita_route=loadtest-{seed}"
        self.page = self.rng.choice(PAGES)
        self.query = {"dataset": params.dataset, "year": str(self.rng.choice(params.years)),
                      "scope": self.rng.choice(params.scopes),
                      "unit": self.rng.choice(params.units)}
        self.others = self.rng.sample(params.units, min(2, len(params.units)))

    def request(self) -> dict[str, str]:
        """The URL of the current view (compare: the unit and two others as the scope)."""
        query = dict(self.query)
        if self.page == "compare":
            query["scope"] = "units:" + ",".join(dict.fromkeys([query["unit"], *self.others]))
        return query

    def view(self) -> tuple[str, ...]:
        return (self.page, *self.request().values())

    def next_action(self) -> str:
        if self.rng.random() < 0.5:
            self.page = self.rng.choice([p for p in PAGES if p != self.page])
            return "open"
        name = self.rng.choice(["year", "scope", "unit"])
        if name == "unit":
            self.others = self.rng.sample(self.params.units, min(2, len(self.params.units)))
        pool = {"year": [str(y) for y in self.params.years], "scope": self.params.scopes,
                "unit": self.params.units}[name]
        self.query[name] = self.rng.choice([v for v in pool if v != self.query[name]] or pool)
        return "filter"


async def run_session(url: str, user: User, level: Level, *, start_delay: float,
                      stop_at: float, every: tuple[float, float], timeout: float) -> None:
    await asyncio.sleep(start_delay)
    try:
        async with websockets.connect(url, subprotocols=["streamlit"], max_size=None,  # type: ignore[list-item]
                                      open_timeout=timeout, compression=None,
                                      additional_headers={"Cookie": user.cookie}) as ws:
            action = "first"
            while time.monotonic() < stop_at:
                started = time.monotonic()
                view = user.view()
                sample = await interact(ws, user.page, user.request(), action, timeout)
                sample.cold = view not in level.seen
                level.seen.add(view)
                level.samples.append(sample)
                if not sample.ok and sample.errors == 0:
                    break  # timed out: the session is stuck, stop it
                pause = user.rng.uniform(*every) - (time.monotonic() - started)
                await asyncio.sleep(max(pause, 1.0))
                action = user.next_action()
    except (TimeoutError, OSError, websockets.WebSocketException) as exc:
        level.failed_sessions += 1
        print(f"  session failed: {type(exc).__name__}: {exc}", file=sys.stderr)


def cpu_seconds(pids: list[int]) -> float | None:
    """utime + stime of the given processes, from /proc (None when unreadable)."""
    if not pids:
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        total += (int(fields[11]) + int(fields[12])) / ticks
    return total


async def run_level(url: str, params: Params, n: int, *, duration: float,
                    every: tuple[float, float],
                    timeout: float, seed: int, pids: list[int]) -> Level:
    level = Level(n, duration, load_before=os.getloadavg())
    cpu0 = cpu_seconds(pids)
    stop_at = time.monotonic() + duration
    tasks = [run_session(url, User(params, seed * 1000 + i), level,
                         start_delay=every[1] * i / n, stop_at=stop_at, every=every,
                         timeout=timeout) for i in range(n)]
    try:
        await asyncio.wait_for(asyncio.gather(*tasks), duration + timeout + every[1] + 5)
    except TimeoutError:
        print("  level stopped at its time bound", file=sys.stderr)
    cpu1 = cpu_seconds(pids)
    level.server_cpu_s = None if cpu0 is None or cpu1 is None else cpu1 - cpu0
    level.load_after = os.getloadavg()
    return level


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def summarize(level: Level) -> dict[str, object]:
    measured = [s for s in level.samples if s.action != "first"]
    rows: dict[str, dict[str, float]] = {}
    groups: dict[str, list[Sample]] = {
        "ALL (filter + open)": measured,
        "cold (view new)": [s for s in level.samples if s.cold],
        "warm (view seen)": [s for s in level.samples if not s.cold],
        "first load": [s for s in level.samples if s.action == "first"]}
    for page in PAGES:
        groups[page] = [s for s in measured if s.page == page]
    for name, samples in groups.items():
        times = [s.seconds for s in samples if s.ok]
        rows[name] = {"n": len(samples), "failed": sum(not s.ok for s in samples),
                      "errors": sum(s.errors > 0 for s in samples),
                      "timeouts": sum(not s.ok and not s.errors for s in samples),
                      "leaks": sum(s.leak for s in samples),
                      "checked": sum(s.echoes > 0 for s in samples),
                      "p50_s": pct(times, 0.5), "p95_s": pct(times, 0.95),
                      "max_s": max(times, default=float("nan")),
                      "mean_kb": statistics.fmean([s.bytes for s in samples]) / 1024
                      if samples else float("nan")}
    done = len(level.samples)
    cpu = level.server_cpu_s
    return {"sessions": level.sessions, "duration_s": level.duration_s,
            "interactions": done, "throughput_per_s": done / level.duration_s,
            "failed_sessions": level.failed_sessions,
            "server_cpu_s": cpu, "server_cpu_ms_per_interaction":
                None if cpu is None or not done else 1000 * cpu / done,
            "load_before": level.load_before, "load_after": level.load_after, "rows": rows}


def print_summary(summary: dict[str, object]) -> None:
    cpu = summary["server_cpu_ms_per_interaction"]
    cpu_text = "" if cpu is None else f", server CPU {cpu:.0f} ms/interaction"
    load = summary["load_before"]
    print(f"\n== {summary['sessions']} sessions, {summary['duration_s']:.0f} s: "
          f"{summary['interactions']} interactions, {summary['throughput_per_s']:.2f}/s"
          f"{cpu_text}; failed sessions {summary['failed_sessions']}; views shown with "
          f"another session's filters {summary['rows']['ALL (filter + open)']['leaks']} "  # type: ignore[index]
          f"(of {summary['rows']['ALL (filter + open)']['checked']} checked); "  # type: ignore[index]
          f"load average before {load[0]:.2f}")  # type: ignore[index]
    print(f"{'interaction':22s} {'n':>5s} {'err':>4s} {'t/o':>4s} {'p50 s':>7s} {'p95 s':>7s} "
          f"{'max s':>7s} {'KiB':>7s}")
    for name, row in summary["rows"].items():  # type: ignore[attr-defined]
        print(f"{name:22s} {row['n']:5d} {row['errors']:4d} {row['timeouts']:4d} "
              f"{row['p50_s']:7.2f} {row['p95_s']:7.2f} {row['max_s']:7.2f} "
              f"{row['mean_kb']:7.0f}")


async def warm_up(url: str, params: Params, timeout: float) -> None:
    """One session opens every page once (imports and the first caches; not measured)."""
    async with websockets.connect(url, subprotocols=["streamlit"], max_size=None,  # type: ignore[list-item]
                                  open_timeout=timeout) as ws:
        for page in PAGES:
            query = {"dataset": params.dataset, "year": str(params.years[-1])}
            await interact(ws, page, query, "first", timeout)


def start_server(port: int, log: Path) -> subprocess.Popen[bytes]:
    """``streamlit run app.py`` on ``port`` (the project's .streamlit/config.toml), up and
    answering its health check; its output goes to ``log``."""
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true",
           "--browser.gatherUsageStats", "false"]
    with log.open("ab") as out:
        process = subprocess.Popen(cmd, cwd=PROJECT, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"loadtest: the server exited with {process.returncode} ({log})")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    return process
        except OSError:
            time.sleep(0.5)
    stop_server(process)
    raise SystemExit(f"loadtest: the server did not answer on port {port} ({log})")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    """Stop the server this script started (its own process group)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8610")
    parser.add_argument("--sessions", default="1,10,25,50", help="levels, e.g. 1,10,25,50")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds per level")
    parser.add_argument("--every-min", type=float, default=2.5, help="least seconds between actions")
    parser.add_argument("--every-max", type=float, default=7.5, help="most seconds between actions")
    parser.add_argument("--timeout", type=float, default=60.0, help="bound per interaction")
    parser.add_argument("--dataset", default="demo", help="units and years drawn from it")
    parser.add_argument("--fresh-server", type=int, default=0, metavar="PORT",
                        help="start streamlit run app.py on PORT for each level (cold caches) "
                             "and stop it after; --url and --server-pid are then ignored")
    parser.add_argument("--warm-up", action="store_true",
                        help="open every page once before the first level (not measured)")
    parser.add_argument("--server-pid", default="", help="comma-separated pids to read CPU of")
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--pause", type=float, default=5.0, help="idle seconds between levels")
    parser.add_argument("--label", default="", help="a note stored with the JSON figures")
    parser.add_argument("--json", default="bench-output/loadtest-{time}.json")
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]

    levels = [int(x) for x in args.sessions.split(",") if x.strip()]
    if any(n < 1 or n > MAX_SESSIONS for n in levels):
        raise SystemExit(f"loadtest: sessions must be 1..{MAX_SESSIONS}")
    if not 1 <= args.duration <= 600:
        raise SystemExit("loadtest: --duration must be 1..600 s")
    if not 0.5 <= args.every_min <= args.every_max:
        raise SystemExit("loadtest: need 0.5 <= --every-min <= --every-max")
    every = (args.every_min, args.every_max)
    fresh = args.fresh_server
    url = ws_url(f"http://127.0.0.1:{fresh}" if fresh else args.url)
    params = params_from_db(args.dataset)
    pids = [int(p) for p in args.server_pid.split(",") if p.strip()]

    print(f"loadtest {url}: levels {levels}, {args.duration:.0f} s each, acting every "
          f"{every[0]:.1f}-{every[1]:.1f} s, dataset {params.dataset} ({len(params.units):,} "
          f"units drawn uniformly, {len(params.years)} years), every page; "
          f"{'a fresh server per level; ' if fresh else ''}{os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.2f}")
    summaries = []
    log = PROJECT / "bench-output" / f"loadtest-server-{fresh}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    for i, n in enumerate(levels):
        if i:
            time.sleep(args.pause)
        server = start_server(fresh, log) if fresh else None
        try:
            if args.warm_up and (server is not None or i == 0):
                asyncio.run(warm_up(url, params, args.timeout))
            level = asyncio.run(run_level(
                url, params, n, duration=args.duration, every=every, timeout=args.timeout,
                seed=args.seed, pids=[server.pid] if server is not None else pids))
        finally:
            if server is not None:
                stop_server(server)
        summary = summarize(level)
        print_summary(summary)
        summaries.append(summary)
    if args.json:
        out = Path(args.json.replace("{time}", time.strftime("%Y%m%d-%H%M%S")))
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps({"url": args.url, "args": vars(args), "label": args.label,
                                   "levels": summaries},
                                  indent=1))
        print(f"\nfigures written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

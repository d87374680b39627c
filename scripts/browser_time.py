"""Time to first chart in headless Chromium: dashboard pages against a bare Plotly page.

Starts (in the same run) the dashboard and ``scripts/bare_chart_app.py`` on two loopback
ports, unless ``--app-url``/``--bare-url`` point at running ones, then loads each page
``--loads`` times in a fresh browser context (empty browser cache, warm server) and
measures from navigation to the first Plotly chart drawn (``.js-plotly-plot .main-svg``
visible), to the first element of the page shown, and to every chart drawn with the
script finished. Prints medians (min-max),
the ratio to the bare page's median, and what the first screen holds: charts, traces,
charts above the fold (1440 x 900), the page's height.

    python scripts/browser_time.py --loads 5 --dataset demo
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from contextlib import ExitStack
from pathlib import Path

from playwright.sync_api import sync_playwright

PROJECT_DIR = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
VIEWPORT = {"width": 1440, "height": 900}
PAGES = ("overview", "groups", "unit_profile", "weakest_indicators", "zero_items")
FIRST_CHART = ".js-plotly-plot .main-svg"
FIRST_ELEMENT = '[data-testid="stMain"] [data-testid="stElementContainer"]'
SHAPE_JS = """() => {
  const charts = [...document.querySelectorAll('.js-plotly-plot')];
  const fold = window.innerHeight;
  const main = document.querySelector('[data-testid="stMain"]');
  const traces = c => (c.data || []).length;
  const len = a => (a && typeof a.length === 'number') ? a.length : 0;
  const cells = z => len(z) && len(z[0]) ? [...z].reduce((n, row) => n + len(row), 0) : len(z);
  const points = c => (c._fullData || c.data || []).reduce((n, t) =>
      n + Math.max(len(t.x), len(t.y), cells(t.z), len(t.r)), 0);
  const above = charts.filter(c => c.getBoundingClientRect().top < fold);
  return {charts: charts.length, traces: charts.reduce((n, c) => n + traces(c), 0),
          points: charts.reduce((n, c) => n + points(c), 0),
          charts_above_fold: above.length,
          traces_above_fold: above.reduce((n, c) => n + traces(c), 0),
          dataframes: document.querySelectorAll('[data-testid="stDataFrame"]').length,
          height_px: Math.ceil(main ? main.scrollHeight : document.body.scrollHeight)};
}"""
ALL_DRAWN_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
  return app && app.getAttribute('data-test-script-state') === 'notRunning'
      && charts.length > 0 && charts.every(c => c.querySelector('.main-svg'));
}"""


def start(script: str, port: int, log: Path) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
           "--server.port", str(port), "--server.address", "127.0.0.1",
           "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"]
    with log.open("wb") as out:
        process = subprocess.Popen(cmd, cwd=PROJECT_DIR, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{script} exited; see {log}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                return process
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise SystemExit(f"{script} did not answer on port {port}")


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def load_once(browser, url: str, timeout_ms: float) -> dict[str, object]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    try:
        t0 = time.perf_counter()
        page.goto(url, wait_until="commit", timeout=timeout_ms)
        page.wait_for_selector(FIRST_ELEMENT, state="visible", timeout=timeout_ms)
        element = time.perf_counter() - t0
        page.wait_for_selector(FIRST_CHART, state="visible", timeout=timeout_ms)
        first = time.perf_counter() - t0
        page.wait_for_function(ALL_DRAWN_JS, timeout=timeout_ms, polling=50)
        every = time.perf_counter() - t0
        shape = page.evaluate(SHAPE_JS)
        return {"first_element_s": element, "first_chart_s": first, "all_charts_s": every,
                **shape}
    finally:
        context.close()


def summarize(loads: list[dict[str, object]]) -> dict[str, object]:
    first = [float(x["first_chart_s"]) for x in loads]  # type: ignore[arg-type]
    every = [float(x["all_charts_s"]) for x in loads]  # type: ignore[arg-type]
    element = [float(x["first_element_s"]) for x in loads]  # type: ignore[arg-type]
    return {"first_median_s": statistics.median(first), "first_min_s": min(first),
            "first_max_s": max(first), "all_median_s": statistics.median(every),
            "element_median_s": statistics.median(element),
            **{k: int(v) for k, v in loads[-1].items()  # type: ignore[call-overload]
               if k not in ("first_element_s", "first_chart_s", "all_charts_s")}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--loads", type=int, default=5)
    parser.add_argument("--dataset", default="demo")
    parser.add_argument("--query", default="", help="extra query string, e.g. year=2567")
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--app-url", help="a running dashboard (else one is started)")
    parser.add_argument("--bare-url", help="a running bare chart page (else one is started)")
    parser.add_argument("--app-port", type=int, default=8616)
    parser.add_argument("--bare-port", type=int, default=8617)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--json", default="bench-output/browser-time-{time}.json")
    args = parser.parse_args(argv)
    if not 1 <= args.loads <= 20:
        raise SystemExit("browser_time: --loads must be 1..20")
    log_dir = PROJECT_DIR / "bench-output"
    log_dir.mkdir(exist_ok=True)
    with ExitStack() as stack:
        app_url, bare_url = args.app_url, args.bare_url
        if not app_url:
            proc = start("app.py", args.app_port, log_dir / "browser-time-app.log")
            stack.callback(stop, proc)
            app_url = f"http://127.0.0.1:{args.app_port}"
        if not bare_url:
            proc = start("scripts/bare_chart_app.py", args.bare_port,
                         log_dir / "browser-time-bare.log")
            stack.callback(stop, proc)
            bare_url = f"http://127.0.0.1:{args.bare_port}"
        play = stack.enter_context(sync_playwright())
        browser = play.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        stack.callback(browser.close)
        query = f"dataset={args.dataset}" + (f"&{args.query}" if args.query else "")
        targets = {"bare chart (floor)": bare_url + "/",
                   **{p: f"{app_url}/{p}?{query}" for p in args.pages.split(",") if p}}
        for url in targets.values():  # warm the servers' caches; not measured
            load_once(browser, url, args.timeout * 1000)
        loads: dict[str, list[dict[str, object]]] = {name: [] for name in targets}
        for _ in range(args.loads):  # interleaved, so a busy moment hits every page alike
            for name, url in targets.items():
                loads[name].append(load_once(browser, url, args.timeout * 1000))
        results: dict[str, dict[str, object]] = {name: {"loads": v} for name, v in loads.items()}
    floor = None
    print(f"time to first chart, {args.loads} loads each (fresh browser context, warm server), "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'page':20s} {'first chart s: median (min-max)':>32s} {'ratio':>6s} {'1st el':>6s} "
          f"{'all s':>6s} "
          f"{'charts':>6s} {'traces':>6s} {'points':>7s} {'above fold':>10s} {'height px':>9s}")
    for name, result in results.items():
        summary = summarize(result["loads"])  # type: ignore[arg-type]
        result.update(summary)
        floor = floor or float(summary["first_median_s"])  # type: ignore[arg-type]
        result["ratio"] = float(summary["first_median_s"]) / floor  # type: ignore[arg-type]
        print(f"{name:20s} {summary['first_median_s']:14.2f} ({summary['first_min_s']:.2f}-"
              f"{summary['first_max_s']:.2f}){'':8s} {result['ratio']:6.2f} "
              f"{summary['element_median_s']:6.2f} "
              f"{summary['all_median_s']:6.2f} {summary['charts']:6d} {summary['traces']:6d} "
              f"{summary['points']:7d} {summary['charts_above_fold']:4d} charts "
              f"{summary['height_px']:9d}")
    if args.json:
        out = PROJECT_DIR / args.json.replace("{time}", time.strftime("%Y%m%d-%H%M%S"))
        out.write_text(json.dumps({"dataset": args.dataset, "loads": args.loads,
                                   "results": results}, indent=1))
        print(f"figures written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

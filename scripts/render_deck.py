"""Render meeting decks to PDF and PNG pages to look at them (LibreOffice + pdftoppm).

    python scripts/render_deck.py out/deck.pptx                      # an existing deck
    python scripts/render_deck.py --dataset real --unit เขตสัมพันธวงศ์ --year 2567
    python scripts/render_deck.py --samples                          # the review set

Writes ``<out-dir>/<deck>.pdf`` and ``<deck>-<n>.png`` (default out/render in the project folder, 50 dpi) and,
for several pages, a contact sheet ``<deck>-sheet.png``. Needs ``soffice`` and
``pdftoppm``; Sarabun comes from the fontpkg-sarabun package (see ita_dash.deck.render).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ita_dash.config import PROJECT_DIR  # noqa: E402
from ita_dash.deck import render  # noqa: E402
from ita_dash.deck.context import resolve_unit  # noqa: E402
from ita_dash.deck.pptx_deck import write_pptx  # noqa: E402
from ita_dash.deck.slides import build_deck  # noqa: E402
from ita_dash.scope import Scope  # noqa: E402

# (dataset, unit, year, scope, lang): real and demo, full and sparse data, Thai and English.
SAMPLES = (
    ("real", "เขตสัมพันธวงศ์", 2567, None, "th"),
    ("real", "เขตตลิ่งชัน", 2565, None, "th"),
    ("real", "เทศบาลตำบลเขวาใหญ่", 2568, None, "th"),
    ("real", "เขตจตุจักร", 2564, "group:peer-2564-ten", "th"),
    ("demo", "เขตสัมพันธวงศ์", 2567, None, "th"),
    ("demo", "bkk-bangkhae", 2568, "all", "en"),
)


def contact_sheet(pngs: list[Path], out: Path, columns: int = 2) -> Path | None:
    """All pages on one image (needs Pillow); None when Pillow is missing."""
    try:
        from PIL import Image
    except ModuleNotFoundError:
        return None
    images = [Image.open(p) for p in pngs]
    w, h = images[0].size
    rows = -(-len(images) // columns)
    sheet = Image.new("RGB", (w * columns, h * rows), "white")
    for i, image in enumerate(images):
        sheet.paste(image, ((i % columns) * w, (i // columns) * h))
    sheet.save(out)
    return out


def make_deck(dataset: str, unit: str, year: int, scope: str | None, lang: str,
              out_dir: Path) -> Path:
    from ita_dash.db import connect

    con = connect(read_only=True)
    try:
        unit_id = resolve_unit(con, unit)
        deck = build_deck(con, dataset=dataset, unit_id=unit_id, year=year, lang=lang,
                          scope=Scope.parse(scope) if scope else None, today=dt.date.today())
    finally:
        con.close()
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{deck.file_stem()}-{lang}.pptx"
    write_pptx(deck, path)
    return path


def render_one(pptx: Path, out_dir: Path, dpi: int) -> None:
    pngs = render.render(pptx, out_dir, dpi)
    sheet = contact_sheet(pngs, out_dir / f"{pptx.stem}-sheet.png") if len(pngs) > 1 else None
    print(f"{pptx}: {len(pngs)} pages -> {out_dir}" + (f" (sheet {sheet})" if sheet else ""))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("pptx", nargs="?", help="an existing .pptx to render")
    p.add_argument("--dataset", default="real")
    p.add_argument("--unit")
    p.add_argument("--year", type=int)
    p.add_argument("--scope")
    p.add_argument("--lang", default="th")
    p.add_argument("--samples", action="store_true", help="render the review set of decks")
    p.add_argument("--out-dir", default=str(PROJECT_DIR / "out" / "render"),
                   help="where the PDF and PNG pages go (default: out/render in the project)")
    p.add_argument("--dpi", type=int, default=50)
    args = p.parse_args(argv)
    if not render.available():
        print("soffice and pdftoppm are needed", file=sys.stderr)
        return 2
    out_dir = Path(args.out_dir)
    if args.pptx:
        decks = [Path(args.pptx)]
    elif args.samples:
        decks = [make_deck(*sample, out_dir) for sample in SAMPLES]
    elif args.unit and args.year:
        decks = [make_deck(args.dataset, args.unit, args.year, args.scope, args.lang, out_dir)]
    else:
        p.error("give a .pptx, --samples, or --unit and --year")
    for deck in decks:
        render_one(deck, out_dir, args.dpi)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Sarabun for the whole app, served by Streamlit's static file serving.

``.streamlit/config.toml`` declares the font faces (``app/static/Sarabun-*.ttf``);
the files are copied from the installed ``fontpkg-sarabun`` package into
``static/`` (git-ignored) when missing. Nothing is downloaded at run time.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ita_dash.config import PROJECT_DIR

STATIC_DIR = PROJECT_DIR / "static"
FONT_FILES = ("Sarabun-Regular.ttf", "Sarabun-Italic.ttf", "Sarabun-Medium.ttf",
              "Sarabun-SemiBold.ttf", "Sarabun-Bold.ttf", "Sarabun-BoldItalic.ttf")


def package_font_dir() -> Path:
    import fontpkg_sarabun

    return Path(fontpkg_sarabun.ROOT) / "files"


def ensure_static_fonts(target: Path = STATIC_DIR) -> list[Path]:
    """Copy the Sarabun files into ``target`` unless an identical-size copy is there."""
    source = package_font_dir()
    target.mkdir(parents=True, exist_ok=True)
    copied = []
    for name in FONT_FILES:
        src, dst = source / name, target / name
        if not dst.exists() or dst.stat().st_size != src.stat().st_size:
            tmp = dst.with_suffix(".tmp")
            shutil.copyfile(src, tmp)
            tmp.replace(dst)
            copied.append(dst)
    return copied

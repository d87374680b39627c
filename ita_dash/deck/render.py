"""Render a deck to PDF (LibreOffice headless) and to PNG pages (pdftoppm), for checking by eye.

Sarabun (from the ``fontpkg-sarabun`` package) is made visible to LibreOffice
through a private fontconfig file, so the render uses the deck's own font
without installing anything system-wide.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

SOFFICE_TIMEOUT = 180


def available() -> bool:
    """True when both LibreOffice and pdftoppm are installed."""
    return shutil.which("soffice") is not None and shutil.which("pdftoppm") is not None


def sarabun_dir() -> Path | None:
    try:
        import fontpkg_sarabun
    except ModuleNotFoundError:
        return None
    return Path(fontpkg_sarabun.ROOT) / "files"


def fontconfig_env(work: Path) -> dict[str, str]:
    """The environment for LibreOffice with Sarabun added to the system fonts."""
    env = dict(os.environ)
    work = work.resolve()  # LibreOffice changes directory: every path must be absolute
    fonts = sarabun_dir()
    if fonts is None:
        return env
    conf = work / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{fonts}</dir>\n  <cachedir>{work / 'fc-cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8")
    env["FONTCONFIG_FILE"] = str(conf)
    return env


def to_pdf(pptx: Path, out_dir: Path) -> Path:
    """Convert ``pptx`` to PDF in ``out_dir`` with a private LibreOffice profile."""
    out_dir = out_dir.resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    work = out_dir / ".render"
    work.mkdir(exist_ok=True)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{work / 'profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(out_dir), str(pptx.resolve())],
        check=True, capture_output=True, timeout=SOFFICE_TIMEOUT, env=fontconfig_env(work))
    pdf = out_dir / (pptx.stem + ".pdf")
    if not pdf.exists():
        raise RuntimeError(f"LibreOffice wrote no PDF for {pptx}")
    return pdf


def to_png(pdf: Path, out_dir: Path, dpi: int = 50) -> list[Path]:
    """One PNG per page of ``pdf`` (``<stem>-1.png`` …)."""
    for old in _pages(out_dir, pdf.stem):  # pages of an earlier, longer render
        old.unlink()
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(out_dir / pdf.stem)],
                   check=True, capture_output=True, timeout=120)
    return _pages(out_dir, pdf.stem)


def _pages(out_dir: Path, stem: str) -> list[Path]:
    pages = [p for p in out_dir.glob(f"{stem}-*.png") if p.stem[len(stem) + 1:].isdigit()]
    return sorted(pages, key=lambda p: int(p.stem[len(stem) + 1:]))


def render(pptx: Path, out_dir: Path, dpi: int = 50) -> list[Path]:
    """PPTX -> PDF -> PNG pages in ``out_dir``; returns the PNG paths."""
    return to_png(to_pdf(pptx, out_dir), out_dir, dpi)


def pdf_fonts(pdf: Path) -> str:
    """``pdffonts`` output (which fonts the PDF embeds), or '' when pdffonts is missing."""
    if shutil.which("pdffonts") is None:
        return ""
    return subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True,
                          text=True).stdout

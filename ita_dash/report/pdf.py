"""DOCX -> PDF with LibreOffice (headless), Sarabun visible to it through a private fontconfig
file (as the deck's renderer does), so the PDF embeds the document's own Thai font."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from ita_dash.deck.render import SOFFICE_TIMEOUT, fontconfig_env
from ita_dash.problems import Bilingual

if TYPE_CHECKING:
    from ita_dash.report.model import Report

SOFFICE_NAMES = ("soffice", "libreoffice")


class PdfError(Bilingual, RuntimeError):
    """The PDF cannot be made; ``th`` and ``en`` say why."""


def soffice() -> str | None:
    """The LibreOffice command, or None when LibreOffice is not installed."""
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def to_pdf(docx: Path, pdf: Path) -> Path:
    """Convert ``docx`` into ``pdf`` (written whole or not at all)."""
    command = soffice()
    if command is None:
        raise PdfError("ไม่พบ LibreOffice (soffice) จึงสร้าง PDF ไม่ได้ ติดตั้งด้วย "
                       "apt-get install libreoffice-writer แล้วลองอีกครั้ง (ไฟล์ Word เขียนไว้แล้ว)",
                       "LibreOffice (soffice) is not installed, so no PDF was made; install it "
                       "(apt-get install libreoffice-writer) and try again (the Word file is "
                       "written)")
    pdf.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="ita-report-pdf-") as tmp:
        work = Path(tmp)
        try:
            subprocess.run(
                [command, f"-env:UserInstallation=file://{work / 'profile'}", "--headless",
                 "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(work),
                 str(docx.resolve())],
                check=True, capture_output=True, timeout=SOFFICE_TIMEOUT,
                env=fontconfig_env(work))
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            detail = getattr(exc, "stderr", b"") or b""
            raise PdfError(f"LibreOffice แปลงเป็น PDF ไม่สำเร็จ: {detail.decode(errors='replace')[:300]}",
                           f"LibreOffice failed to convert to PDF: "
                           f"{detail.decode(errors='replace')[:300]}") from exc
        made = work / (docx.stem + ".pdf")
        if not made.exists():
            raise PdfError("LibreOffice ไม่ได้เขียนไฟล์ PDF", "LibreOffice wrote no PDF")
        tmp_pdf = pdf.with_name(f".{pdf.name}.tmp")
        shutil.copyfile(made, tmp_pdf)
        tmp_pdf.replace(pdf)
    return pdf


HEADING_KEY = 2  # base characters of a heading's title compared (after its number)


def _squeeze(text: str) -> str:
    """Text to compare across PDF extraction: no white space and no combining marks (Thai
    vowel and tone marks of bold glyphs do not always come back out of a PDF)."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c) != "Mn")


def heading_pages(pdf: Path, report: Report) -> dict[str, int]:
    """The page of each section heading as LibreOffice laid it out ({} when pdftotext is
    missing); searched after the contents page, in order."""
    if shutil.which("pdftotext") is None:
        return {}
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True, timeout=120).stdout.decode("utf-8", "replace")
    pages = [[_squeeze(line) for line in page.splitlines()] for page in text.split("\f")]
    found: dict[str, int] = {}
    start = 2  # after the title page and the contents
    for section in report.sections:
        number = section.heading[: -len(section.title)]
        wanted = _squeeze(number) + _squeeze(section.title)[:HEADING_KEY]
        for no in range(start, len(pages)):
            if any(line.startswith(wanted) for line in pages[no]):
                found[section.number] = no + 1
                start = no
                break
    return found


def write_pdf(report: Report, docx: Path, pdf: Path) -> Path:
    """The Word file and its PDF; the contents get the PDF's page numbers (a second pass)."""
    from ita_dash.report.docx_writer import write_docx

    write_docx(report, docx)
    to_pdf(docx, pdf)
    pages = heading_pages(pdf, report)
    if pages:
        write_docx(report, docx, pages)
        to_pdf(docx, pdf)
    return pdf

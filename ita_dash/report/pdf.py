"""DOCX -> PDF with LibreOffice (headless), Sarabun visible to it through a private fontconfig
file (as the deck's renderer does), so the PDF embeds the document's own Thai font."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ita_dash.deck.render import SOFFICE_TIMEOUT, fontconfig_env
from ita_dash.problems import Bilingual

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

"""Report tests paint with QtGui, which needs a Qt application (offscreen), and
read PDFs back with poppler's command-line tools."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _gui(qapp):
    """Fonts and paint devices need a running Q(Gui)Application."""
    return qapp


def poppler(tool: str, *args: str) -> str:
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} is missing: install poppler-utils (CI does, in .ci/run)")
    result = subprocess.run([tool, *args], capture_output=True, text=True, check=True)
    return result.stdout


def pdf_pages(path: Path) -> list[str]:
    """The text of each page, whitespace folded to single spaces."""
    text = poppler("pdftotext", "-enc", "UTF-8", str(path), "-")
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages = pages[:-1]
    return [" ".join(page.split()) for page in pages]


def pdf_text(path: Path) -> str:
    return " ".join(pdf_pages(path))

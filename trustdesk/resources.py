"""Finds the files under resources/ from a source checkout, an installed wheel or a
frozen bundle. The only module that knows where resources live."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def root() -> Path:
    """The resources folder. Raises FileNotFoundError when the install is broken."""
    candidates = [
        _PACKAGE_DIR / "_resources",          # installed wheel
        _PACKAGE_DIR.parent / "resources",    # source checkout or editable install
    ]
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:                            # PyInstaller bundle
        candidates.insert(0, Path(frozen_base) / "trustdesk" / "_resources")
    for candidate in candidates:
        if (candidate / "icons").is_dir():
            return candidate
    raise FileNotFoundError("TrustDesk's resources folder is missing from this installation.")


def path(*parts: str) -> Path:
    """A file or folder under resources/, e.g. path("styles", "app.qss")."""
    return root().joinpath(*parts)


def read_text(*parts: str) -> str:
    return path(*parts).read_text(encoding="utf-8")


@cache
def linux_root() -> Path:
    """The freedesktop files (desktop entry, AppStream metainfo, hicolor icons).

    Their one source is packaging/linux in a source checkout; a wheel and a bundle
    carry them as linux/ inside the resources folder. Raises FileNotFoundError when
    neither is there."""
    for candidate in (root() / "linux", _PACKAGE_DIR.parent / "packaging" / "linux"):
        if (candidate / "icons").is_dir():
            return candidate
    raise FileNotFoundError("TrustDesk's desktop entry files are missing from this installation.")


def linux_path(*parts: str) -> Path:
    """A file under the freedesktop files, e.g. linux_path("icons", "hicolor")."""
    return linux_root().joinpath(*parts)

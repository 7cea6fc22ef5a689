"""The window's size and place: the only thing TrustDesk keeps outside the journal.

`window.ini` in the data folder holds one line of it. Qt's QSettings would create
that file with the umask's mode (0644 on most systems, readable by every user);
here it is written like the journal's other files: a new 0600 file beside it,
flushed and renamed into place (`storage.staging`), so it is never readable by
others and never half-written. A file an older TrustDesk wrote through QSettings is
still read.

Threading: UI thread (small file work, a few hundred bytes).
"""

from __future__ import annotations

import base64
import binascii
from pathlib import Path

from PySide6.QtCore import QByteArray

from trustdesk import paths
from trustdesk.storage.staging import staged_file

SECTION, KEY = "window", "geometry"
_HEADER = "# TrustDesk: the window's size and place (nothing from your journal)\n"


def load(folder: Path) -> QByteArray | None:
    """The saved geometry (as `QWidget.saveGeometry` made it), or None."""
    path = paths.window_state_path(folder)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    encoded = _written_by_save(text)
    if encoded is None:
        encoded = _read_ini(text)
    if encoded:
        try:
            return QByteArray(base64.b64decode(encoded, validate=True))
        except (binascii.Error, ValueError):
            return None
    return _load_from_qsettings(path)


def _written_by_save(text: str) -> str | None:
    """The geometry of a file exactly as `save` writes it, read without configparser
    (~4 ms to import before the first paint); None for anything else."""
    lines = text.split("\n")
    if len(lines) != 4 or lines[0] != _HEADER.rstrip("\n") or lines[1] != f"[{SECTION}]" \
            or lines[3] != "" or not lines[2].startswith(f"{KEY} = "):
        return None
    encoded = lines[2].removeprefix(f"{KEY} = ")
    return encoded if encoded.isascii() and encoded.strip() == encoded else None


def _read_ini(text: str) -> str:
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text)
        return parser.get(SECTION, KEY, fallback="")
    except configparser.Error:
        return ""


def _load_from_qsettings(path: Path) -> QByteArray | None:
    """The format QSettings wrote before (`[General]`, `geometry=@ByteArray(...)`)."""
    from PySide6.QtCore import QSettings

    value = QSettings(str(path), QSettings.Format.IniFormat).value("geometry")
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save(folder: Path, geometry: QByteArray) -> bool:
    """Write `geometry` to the folder's window.ini (0600). False, and nothing
    changed, when the folder is missing or can't be written: losing a window's size
    never matters enough to stop a lock or a quit."""
    if not folder.is_dir():
        return False
    encoded = base64.b64encode(bytes(geometry.data())).decode("ascii")
    data = f"{_HEADER}[{SECTION}]\n{KEY} = {encoded}\n".encode("ascii")
    try:
        with staged_file(paths.window_state_path(folder), ".partial") as staging:
            staging.write_bytes(data)
    except OSError:
        return False
    return True

"""Copying text out of TrustDesk, and taking it back when the journal locks.

`copy_text()` remembers a fingerprint (not the text) of what TrustDesk put on the
clipboard; `clear_ours()` clears the clipboard only if it still holds exactly that,
so something the person copied elsewhere later is never wiped.

Threading: UI thread only.
"""

from __future__ import annotations

import hashlib

from PySide6.QtGui import QClipboard, QGuiApplication

_ours: dict[QClipboard.Mode, bytes] = {}


def _fingerprint(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def _modes(board: QClipboard) -> list[QClipboard.Mode]:
    modes = [QClipboard.Mode.Clipboard]
    if board.supportsSelection():
        modes.append(QClipboard.Mode.Selection)
    return modes


def copy_text(text: str) -> None:
    """Put `text` on the clipboard and remember that TrustDesk did."""
    board = QGuiApplication.clipboard()
    board.setText(text, QClipboard.Mode.Clipboard)
    _ours[QClipboard.Mode.Clipboard] = _fingerprint(text)


def holds_ours() -> bool:
    board = QGuiApplication.clipboard()
    return any(_ours.get(mode) == _fingerprint(board.text(mode)) for mode in _modes(board))


def clear_ours() -> bool:
    """Clear what TrustDesk copied, if it is still there. True when something was
    cleared. Also clears a selection (X11 middle-click) that holds our text."""
    board = QGuiApplication.clipboard()
    cleared = False
    for mode in _modes(board):
        remembered = _ours.get(mode) or _ours.get(QClipboard.Mode.Clipboard)
        if remembered is not None and _fingerprint(board.text(mode)) == remembered:
            board.clear(mode)
            cleared = True
    _ours.clear()
    return cleared

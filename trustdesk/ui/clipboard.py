"""Text leaving TrustDesk through the clipboard, marked secret and taken back.

One path for every copy: whatever TrustDesk puts on the clipboard (CLIPBOARD) or the
X11 selection (PRIMARY, middle-click paste) carries the `x-kde-passwordManagerHint:
secret` type, which clipboard managers (Klipper, GPaste, CopyQ and others) read as
"keep no history of this". The text editors add it themselves
(`secret_mime_from_selection`, used by `widgets.private_text` for copy, cut, the
context menu, drag and the selection); the `ClipboardGuard` adds it to anything else
this process puts there (a line edit's Ctrl+C, say) by setting the same text again,
marked.

The guard remembers a fingerprint (a hash, never the text) of what we put in each
mode; `clear_ours()`, called on lock, auto-lock and quit, clears a mode only while it
still holds exactly that, so something the person copied elsewhere later is never
wiped.

Whether the process owns the clipboard is known on a real display (X11, Wayland,
Windows, macOS). Offscreen there is no other application: only text that came
through our path (the secret type) counts as ours there.

Threading: UI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject
from PySide6.QtGui import QClipboard, QGuiApplication

SECRET_TYPE = "x-kde-passwordManagerHint"
SECRET_VALUE = b"secret"
_PROCESS_LOCAL_PLATFORMS = ("offscreen", "minimal")

_ours: dict[QClipboard.Mode, bytes] = {}
_guard: ClipboardGuard | None = None


def _fingerprint(text: str) -> bytes:
    import hashlib  # on the first copy, not at start-up: OpenSSL's hashlib is ~3 ms

    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def _modes(board: QClipboard) -> list[QClipboard.Mode]:
    modes = [QClipboard.Mode.Clipboard]
    if board.supportsSelection():
        modes.append(QClipboard.Mode.Selection)
    return modes


def mark_secret(mime: QMimeData) -> QMimeData:
    """Add the type that tells clipboard managers to keep no history; returns `mime`."""
    mime.setData(SECRET_TYPE, SECRET_VALUE)
    return mime


def is_secret(mime: QMimeData | None) -> bool:
    return mime is not None and bytes(mime.data(SECRET_TYPE).data()) == SECRET_VALUE


def secret_text(text: str) -> QMimeData:
    """Plain text, marked secret."""
    mime = QMimeData()
    mime.setText(text)
    return mark_secret(mime)


def copy_text(text: str) -> None:
    """Put `text` on the clipboard, marked secret, and remember that TrustDesk did."""
    board = QGuiApplication.clipboard()
    board.setMimeData(secret_text(text), QClipboard.Mode.Clipboard)
    _ours[QClipboard.Mode.Clipboard] = _fingerprint(text)


def _owns(board: QClipboard, mode: QClipboard.Mode) -> bool:
    if mode == QClipboard.Mode.Selection:
        return board.ownsSelection()
    return board.ownsClipboard()


def _process_local() -> bool:
    return QGuiApplication.platformName() in _PROCESS_LOCAL_PLATFORMS


class ClipboardGuard(QObject):
    """Watches the clipboard and the selection for the life of the application:
    marks and remembers what this process puts there, forgets what others do, and
    clears ours when the application quits."""

    def __init__(self, app: QGuiApplication) -> None:
        super().__init__(app)
        self._busy = False
        board = app.clipboard()
        board.dataChanged.connect(lambda: self._changed(QClipboard.Mode.Clipboard))
        board.selectionChanged.connect(lambda: self._changed(QClipboard.Mode.Selection))
        app.aboutToQuit.connect(clear_ours)

    def _changed(self, mode: QClipboard.Mode) -> None:
        if self._busy:
            return
        board = QGuiApplication.clipboard()
        mime = board.mimeData(mode)
        text = mime.text() if mime is not None and mime.hasText() else ""
        owned = _owns(board, mode)
        if not text:
            _ours.pop(mode, None)
        elif is_secret(mime) and (owned or _process_local()):
            _ours[mode] = _fingerprint(text)          # came through our editors' path
        elif owned:
            self._busy = True                         # ours, but unmarked: mark it
            try:
                board.setMimeData(secret_text(text), mode)
            finally:
                self._busy = False
            _ours[mode] = _fingerprint(text)
        else:
            _ours.pop(mode, None)                     # another application's now


def watch(app: QGuiApplication) -> ClipboardGuard:
    """Start the guard for `app` (once; later calls return the same guard)."""
    global _guard
    if _guard is None or _guard.parent() is not app:
        _guard = ClipboardGuard(app)
    return _guard


def _holds(board: QClipboard, mode: QClipboard.Mode) -> bool:
    remembered = _ours.get(mode)
    if remembered is None:
        return False
    mime = board.mimeData(mode)
    return mime is not None and _fingerprint(mime.text()) == remembered


def clear_ours() -> bool:
    """Clear CLIPBOARD and PRIMARY where they still hold what TrustDesk put there.
    True when something was cleared."""
    board = QGuiApplication.clipboard()
    cleared = False
    for mode in _modes(board):
        if _holds(board, mode):
            board.clear(mode)
            cleared = True
    _ours.clear()
    return cleared

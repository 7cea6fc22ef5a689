"""Take screenshots of every page on the demo journal, offscreen.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/take.py OUT WIDTH HEIGHT THEME [SCALE]

WIDTH and HEIGHT are the screen in device pixels; SCALE (default 1) is the desktop's
scale factor, so 1366 768 light 1.25 shows what a 1366x768 laptop at 125% shows.
Writes OUT/<page>-<theme>.png. Used to look at the app before calling UI work done;
the README's pictures are chosen from its output."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main() -> int:
    out, width, height, theme = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    scale = float(sys.argv[5]) if len(sys.argv) > 5 else 1.0
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_SCALE_FACTOR"] = str(scale)
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from trustdesk.ui import theme as theme_module
    from trustdesk.ui.app import create_application
    from trustdesk.ui.demo_app import DemoJournal, open_demo_window, unlock_demo

    app = create_application([])
    out.mkdir(parents=True, exist_ok=True)

    def settle(ms: int = 400) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        QCoreApplication.processEvents()

    with DemoJournal() as demo:
        assert demo.folder is not None
        window = open_demo_window(demo.folder)
        theme_module.apply(app, theme=theme)
        window.resize(round(width / scale), round(height / scale))
        window.show()
        settle()
        window.grab().save(str(out / f"unlock-{theme}.png"))
        unlock_demo(window)
        for _ in range(50):
            settle(100)
            if window.is_unlocked():
                break
        theme_module.apply(app, theme=theme)
        settle()
        workspace = window.workspace
        for key in workspace.page_keys():
            workspace.show_page(key)
            settle()
            window.grab().save(str(out / f"{key}-{theme}.png"))
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Take screenshots of the worksheet's real-warning-sign path on the demo journal:
the small safety step of a sheet whose call is "a real warning sign", and the
follow-up of such a step where the feared thing happened.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/take_worksheet.py \
        OUT WIDTH HEIGHT THEME [SCALE]

Writes OUT/worksheet-safety-step-<theme>.png and OUT/worksheet-follow-up-<theme>.png.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path


def main() -> int:
    out, width, height, theme = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    scale = float(sys.argv[5]) if len(sys.argv) > 5 else 1.0
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_SCALE_FACTOR"] = str(scale)
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from trustdesk.domain.worksheet import DueStep
    from trustdesk.ui import theme as theme_module
    from trustdesk.ui.app import create_application
    from trustdesk.ui.demo_app import DemoJournal, open_demo_window, unlock_demo
    from trustdesk.ui.worksheets import WorksheetsPage

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
        window.show()
        settle()
        # The offscreen screen is small, so the window opens maximized to it: set the
        # size asked for once it is shown.
        window.showNormal()
        window.resize(round(width / scale), round(height / scale))
        settle()
        unlock_demo(window)
        for _ in range(50):
            settle(100)
            if window.is_unlocked():
                break
        theme_module.apply(app, theme=theme)
        page = window.workspace.show_page("worksheets")
        assert isinstance(page, WorksheetsPage)
        page.load()
        sheets = window.store.worksheets.all_worksheets()
        warning = [s for s in sheets if s.verdict == "red_flag" and s.step is not None]
        if not warning:
            raise SystemExit("the demo has no real-warning-sign sheet with a step")
        sheet = max(warning, key=lambda s: (s.step.outcome in ("yes", "partly"), s.happened_on))
        page.open_worksheet(sheet.id, step=7)
        settle()
        window.grab().save(str(out / f"worksheet-safety-step-{theme}.png"))

        # The follow-up as it looks when the feared thing happened: the safety note
        # is offered beside the answer.
        step = replace(sheet.step, outcome=sheet.step.outcome or "partly")
        page.close_form()
        page._show_follow_up(DueStep(step=step, thought=sheet.thought, category=sheet.category,
                                     happened_on=sheet.happened_on, verdict=sheet.verdict,
                                     belief_before=sheet.belief_before))
        settle()
        window.grab().save(str(out / f"worksheet-follow-up-{theme}.png"))
        page.follow_up_saver.forget()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

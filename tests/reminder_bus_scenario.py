"""Run under strace by tests/test_no_network_syscalls.py: a reminder sent as a desktop
notification on the session bus at ADDRESS, whose service clicks it at once. Prints
"done" when the click came back.

    python tests/reminder_bus_scenario.py ADDRESS
"""

from __future__ import annotations

import sys
import time

from PySide6.QtWidgets import QApplication

from trustdesk.domain.reminders import DAILY
from trustdesk.ui.reminders.notifier import DesktopNotifications


def main(address: str) -> int:
    app = QApplication([])
    notifications = DesktopNotifications(address=address)
    assert notifications.service_available()
    clicks: list[str] = []
    notifications.clicked.connect(clicks.append)
    assert notifications.notify(DAILY)
    end = time.monotonic() + 30
    while not clicks and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)
    assert clicks == [DAILY], clicks
    notifications.close()
    print("done")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

"""Reproduces a crash a screen reader can cause: walk TrustDesk's accessibility tree
without pause, from a second process, while the app changes screens.

Not a test (it takes a minute and crashes the app on purpose); a tool for the
AT-SPI crash in Qt's accessibility cache (a child asked for by index comes back as
a pointer into freed memory, `QAccessibleCache::idForObject` reads its vtable and
the app dies with SIGSEGV). Run with the *system* Python, like atspi_client.py:

    xvfb-run -a -s "-screen 0 1366x900x24" dbus-run-session -- \\
        /usr/bin/python3 tests/ui/atspi_walk_stress.py APP_PYTHON guide 6

Scenarios: `guide` (open chapter N, back to the contents, N rounds) and `pages`
(select every sidebar page, N rounds). Set APP_PYTHON to a wrapper that runs the app
under gdb for a native backtrace. Prints one JSON line: crashed or not, the exit
code, and (from the walker) the path of the node whose child was being asked for.
With PySide6 6.12 both scenarios crashed on every run (the guide on the first
chapter switch, at the guide's stacked widget, child 1).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import atspi_client as client  # noqa: E402


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ")[1][0] != "Z"
    except OSError:
        return False


def walker(pid: int, stop: str) -> None:
    """Walk the app's showing tree until `stop` exists or the app dies; on death,
    print the chain of nodes above the failing request."""
    chain: list[tuple] = []

    class Dead(Exception):
        pass

    def check(error: Exception, what: str) -> None:
        if not _alive(pid):
            print(json.dumps({"failed": what, "chain": chain, "error": str(error)}),
                  file=sys.stderr, flush=True)
            raise Dead

    def walk(node, path: str) -> None:
        try:
            count, role, name = node.get_child_count(), node.get_role_name(), node.get_name()
            if path and not node.get_state_set().contains(Atspi.StateType.SHOWING):
                return
        except Exception as error:
            check(error, f"reading {path}")
            return
        chain.append((path, role, name, count))
        for index in range(count):
            try:
                child = node.get_child_at_index(index)
            except Exception as error:
                check(error, f"child {index} of {path}")
                continue
            if child is not None:
                walk(child, f"{path}/{index}")
        chain.pop()

    app = None
    while app is None and not os.path.exists(stop):
        for candidate in client.children(Atspi.get_desktop(0)):
            try:
                if candidate.get_process_id() == pid:
                    app = candidate
            except Exception:
                continue
        time.sleep(0.2)
    try:
        while app is not None and not os.path.exists(stop) and _alive(pid):
            walk(app, "")
    except Dead:
        pass


def _find_app(self, timeout: float = 90.0):
    """Like App._find, but also finds the app when APP_PYTHON is a wrapper (gdb)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for app in client.children(Atspi.get_desktop(0)):
            try:
                if app.get_child_count() and (app.get_process_id() == self.proc.pid
                                              or app.get_name() == "TrustDesk"):
                    return app
            except Exception:
                continue
        time.sleep(0.3)
    raise TimeoutError("the app never appeared on the accessibility bus")


def _select(window, title: str) -> None:
    pages = client.page_list(window)
    rows = [child.get_name() for child in client.children(pages)]
    Atspi.Selection.select_child(pages, rows.index(title))


def main() -> int:
    if sys.argv[1] == "--walk":
        walker(int(sys.argv[2]), sys.argv[3])
        return 0
    python, scenario, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    launcher = next(path for path in client.LAUNCHERS if os.path.exists(path))
    bus = subprocess.Popen([launcher, "--launch-immediately"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {**os.environ, "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "QT_QPA_PLATFORM": "xcb",
           "QT_ACCESSIBILITY": "1", "NO_AT_BRIDGE": "0"}
    time.sleep(0.5)
    client.App._find = _find_app
    app = client.App(python, ["--demo"], env)
    stop = os.path.join(tempfile.mkdtemp(), "stop")
    walkers = [subprocess.Popen([sys.executable, __file__, "--walk",
                                 str(app.root.get_process_id()), stop])]
    result: dict = {"scenario": scenario, "crashed": False, "rounds": 0}
    try:
        window = app.frame()
        client.page_list(window)
        time.sleep(1.0)
        for done in range(rounds):
            if scenario == "guide":
                if done == 0:
                    _select(window, "Guide")
                client.press(client.find(window, "push button",
                                         contains=f"Chapter {done % 8 + 1}:"))
                time.sleep(1.0)
                client.press(client.find(window, "push button", "Back to the contents"))
                time.sleep(1.0)
            else:
                for title in ("Guide", "Journal", "Worksheets", "Progress", "Settings"):
                    _select(window, title)
                    time.sleep(1.0)
            result["rounds"] = done + 1
            if app.proc.poll() is not None:
                break
    except Exception as error:
        result["error"] = f"{type(error).__name__}: {error}"
    finally:
        time.sleep(0.5)
        if app.proc.poll() is not None:
            result.update(crashed=True, code=app.proc.returncode)
        else:
            app.proc.terminate()
            app.proc.wait()
        open(stop, "w").close()
        for walk in walkers:
            walk.wait()
        bus.terminate()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

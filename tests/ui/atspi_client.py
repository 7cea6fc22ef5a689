"""A screen reader's view of TrustDesk, over the real accessibility bus (AT-SPI).

Run by tests/ui/test_screen_reader_bus.py with the *system* Python (it needs
python3-gi and gir1.2-atspi-2.0), inside a private D-Bus session on an Xvfb
display. It starts the accessibility bus, starts the app twice (a new journal,
then the demo), drives it only through AT-SPI (typing text, pressing buttons,
setting values, selecting list rows), and prints one JSON report on stdout:
what was found on every screen, and the problems counted.

Usage: atspi_client.py APP_PYTHON DATA_DIR
It imports neither pytest nor trustdesk: it is a client, like a screen reader.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

PASSPHRASE = "quiet river lantern morning"
GENERIC_ROLES = {"filler", "panel", "unknown", "redundant object", "invalid"}
LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher",
             "/usr/lib/at-spi2/at-spi-bus-launcher")


# -- reading the tree ------------------------------------------------------------
def state(node, kind) -> bool:
    return node.get_state_set().contains(kind)


def showing(node) -> bool:
    return state(node, Atspi.StateType.SHOWING)


def children(node):
    for index in range(node.get_child_count()):
        child = node.get_child_at_index(index)
        if child is not None:
            yield child


def walk(node):
    """Every showing node under `node` (itself included), depth first."""
    try:
        if not showing(node) and node.get_role_name() not in ("application",):
            return
    except Exception:
        return
    yield node
    for child in children(node):
        yield from walk(child)


def info(node) -> dict:
    return {"role": node.get_role_name(), "name": node.get_name() or "",
            "description": node.get_description() or ""}


def find_all(root, role=None, name=None, contains=None):
    found = []
    for node in walk(root):
        try:
            if role and node.get_role_name() != role:
                continue
            text = node.get_name() or ""
            if name is not None and text != name:
                continue
            if contains is not None and contains not in text:
                continue
        except Exception:
            continue
        found.append(node)
    return found


def find(root, role=None, name=None, contains=None, timeout=15.0):
    """The first showing node that matches, waiting up to `timeout` seconds."""
    end = time.monotonic() + timeout
    while True:
        found = find_all(root, role, name, contains)
        if found:
            return found[0]
        if time.monotonic() > end:
            raise LookupError(f"no {role or 'node'} named {name or contains!r}")
        time.sleep(0.2)


def wait(predicate, timeout=15.0, what="a change"):
    end = time.monotonic() + timeout
    while True:
        try:
            if predicate():
                return
        except Exception:
            pass
        if time.monotonic() > end:
            raise TimeoutError(f"timed out waiting for {what}")
        time.sleep(0.2)


def text_of(node) -> str:
    """What a reader gets from a node: its Text contents, else its name."""
    if "Text" in node.get_interfaces():
        try:
            return Atspi.Text.get_text(node, 0, -1) or ""
        except Exception:
            pass
    return node.get_name() or ""


def audit(root, screen: str) -> dict:
    """Count, on the showing part of `root`: focus stops without a name, focus stops
    that are a generic container (a filler tells a reader nothing), and texts that
    are only in a description (unreadable as text)."""
    unnamed, generic, description_only = [], [], []
    for node in walk(root):
        try:
            role = node.get_role_name()
            name = (node.get_name() or "").strip()
            desc = (node.get_description() or "").strip()
            focusable = state(node, Atspi.StateType.FOCUSABLE)
        except Exception:
            continue
        if focusable and not name and role not in ("application",):
            unnamed.append(info(node))
        if focusable and role in GENERIC_ROLES:
            generic.append(info(node))
        if (not focusable and role in GENERIC_ROLES and not name and desc
                and node.get_child_count() == 0):
            description_only.append(info(node))
    return {"screen": screen, "unnamed_focusable": unnamed, "generic_focusable": generic,
            "description_only": description_only}


# -- acting ---------------------------------------------------------------------------
def press(node) -> None:
    """Do the node's first action (Press, Toggle...)."""
    Atspi.Action.do_action(node, 0)


def action_names(node) -> list[str]:
    return [Atspi.Action.get_action_name(node, i) for i in range(Atspi.Action.get_n_actions(node))]


def do(node, wanted: str) -> None:
    names = action_names(node)
    Atspi.Action.do_action(node, names.index(wanted) if wanted in names else 0)


def type_into(node, text: str) -> None:
    Atspi.EditableText.set_text_contents(node, text)


def value_control(node) -> dict:
    return {"role": node.get_role_name(), "name": node.get_name(),
            "value": "Value" in node.get_interfaces() and Atspi.Value.get_current_value(node),
            "min": "Value" in node.get_interfaces() and Atspi.Value.get_minimum_value(node),
            "max": "Value" in node.get_interfaces() and Atspi.Value.get_maximum_value(node),
            "description": node.get_description()}


# -- the app ----------------------------------------------------------------------------
class App:
    def __init__(self, python: str, args: list[str], env: dict) -> None:
        self.proc = subprocess.Popen([python, "-m", "trustdesk", *args], env=env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.root = self._find()

    def _find(self, timeout: float = 60.0):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise RuntimeError("the app exited: " + self.proc.stderr.read().decode()[-2000:])
            desktop = Atspi.get_desktop(0)
            for app in children(desktop):
                try:
                    if app.get_process_id() == self.proc.pid and app.get_child_count():
                        return app
                except Exception:
                    continue
            time.sleep(0.3)
        raise TimeoutError("the app never appeared on the accessibility bus")

    def frame(self):
        for child in children(self.root):
            if child.get_role_name() == "frame":
                return child
        raise LookupError("no window")

    def close(self, report: dict | None = None) -> None:
        time.sleep(0.5)
        if report is not None and self.proc.poll() is not None:
            report.setdefault("app_exits", []).append(
                {"code": self.proc.returncode,
                 "stderr": self.proc.stderr.read().decode(errors="replace")[-9000:]})
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@contextmanager
def walking(app: App, report: dict, name: str):
    """A second client walks the app's whole showing tree without pause meanwhile, as
    a screen reader like Orca does: a count asked for, then each child, while the
    app changes screens. (Qt's scroll-area interface once crashed the app so; see
    trustdesk/ui/widgets/column.py.) Reports whether the app was alive after."""
    stop = Path(tempfile.mkdtemp()) / "stop"
    walker = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("atspi_walk_stress.py")), "--walk",
         str(app.proc.pid), str(stop)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        yield
    finally:
        report[f"{name}_alive_while_walked"] = app.proc.poll() is None
        stop.touch()
        try:
            _out, err = walker.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            walker.kill()
            _out, err = walker.communicate()
        if err.strip():
            report[f"{name}_walker"] = err.decode(errors="replace")[-2000:]


def page_list(window):
    return find(window, "list", "Pages", timeout=30)


def log(message: str) -> None:
    print(f"{time.monotonic():.1f} {message}", file=sys.stderr, flush=True)


def select_page(window, title: str) -> dict:
    """Select a sidebar row through the Selection interface; report whether the page
    showed (its title appears as a label in the page area)."""
    log(f"select {title}")
    pages = page_list(window)
    rows = [child.get_name() for child in children(pages)]
    index = rows.index(title)
    Atspi.Selection.select_child(pages, index)

    def page_title_shows() -> bool:
        return any(node.get_role_name() == "label" and node.get_name() == title
                   for node in walk(window) if node.get_parent() is not pages)

    try:
        wait(page_title_shows, timeout=5, what=f"the {title} page")
        shown = True
    except TimeoutError:
        shown = False
        # Go on with the walk another way: the page's shortcut, Ctrl+1..5.
        keyboard_shortcut(window, f"ctrl+{index + 1}")
        wait(page_title_shows, timeout=10, what=f"the {title} page, by its shortcut")
    return {"page": title, "shown": shown}


def keyboard_shortcut(window, keys: str) -> None:
    """Press `keys` in the app's window (xdotool; only a fallback for a broken walk)."""
    pid = str(window.get_process_id())
    found = subprocess.run(["xdotool", "search", "--sync", "--pid", pid], capture_output=True,
                           text=True, timeout=20, check=False).stdout.split()
    for win in found:
        subprocess.run(["xdotool", "windowfocus", "--sync", win, "key", keys],
                       capture_output=True, timeout=20, check=False)


def focus_stops(window) -> list[dict]:
    """Every showing focusable node, in tree order (role, name)."""
    return [info(node) for node in walk(window)
            if state(node, Atspi.StateType.FOCUSABLE)
            and node.get_role_name() not in ("list item", "table cell")]


def journal_rows(window) -> list[str]:
    entries = find(window, "list", "Journal entries")
    return [child.get_name() for child in children(entries)][:12]


def ratings(window) -> list[dict]:
    found = []
    for name in ("Mood", "Trust in others", "Trust in myself"):
        for node in find_all(window, name=name):
            if state(node, Atspi.StateType.FOCUSABLE):
                found.append(value_control(node))
    return found


def first_run(python: str, data_dir: str, env: dict, report: dict) -> None:
    """A new journal: create, write an entry with a check-in, every page, lock, unlock."""
    app = App(python, ["--data-dir", data_dir], env)
    try:
        window = app.frame()
        first = find(window, "password text", "New passphrase", timeout=30)
        report["audits"].append(audit(window, "create"))
        type_into(first, "short")
        time.sleep(0.5)
        report["strength_too_short"] = [n.get_name() for n in
                                        find_all(window, "label", contains="short")]
        type_into(first, PASSPHRASE)
        type_into(find(window, "password text", "Type it again"), PASSPHRASE)
        time.sleep(0.5)
        report["strength_ok"] = [n.get_name() for n in find_all(window, "label")
                                 if "strong" in (n.get_name() or "").lower()]
        press(find(window, "push button", "Create my journal"))
        page_list(window)
        time.sleep(1.0)
        with walking(app, report, "first_run"):
            _new_journal(window, report)
    finally:
        app.close(report)


def _new_journal(window, report: dict) -> None:
    """Every page, an entry with a check-in, lock and unlock."""
    report["pages"] = []
    for title in ("Guide", "Journal", "Worksheets", "Progress", "Settings"):
        report["pages"].append(select_page(window, title))
        time.sleep(0.8)
        report["audits"].append(audit(window, f"new journal: {title}"))
    # Journal: a new entry with a check-in, set through the Value interface.
    select_page(window, "Journal")
    press(find(window, "push button", contains="New entry"))
    time.sleep(0.5)
    type_into(find(window, "text", "Entry text"), "A calm walk with Sam. I said what I needed.")
    type_into(find(window, "text", "Title"), "Walk with Sam")
    controls = ratings(window)
    report["ratings_before"] = controls
    for node in [n for n in find_all(window) if n.get_name() in
                 ("Mood", "Trust in others", "Trust in myself")
                 and "Value" in n.get_interfaces()]:
        Atspi.Value.set_current_value(node, 7.0)
    time.sleep(0.5)
    report["ratings_after"] = ratings(window)
    report["rating_words"] = [n.get_name() for n in find_all(window, "label", "7 of 10")]
    wait(lambda: find_all(window, "label", contains="saved"), timeout=10, what="saved")
    report["save_status"] = [n.get_name() for n in find_all(window, "label")
                             if "saved" in (n.get_name() or "").lower()]
    report["entry_count"] = [n.get_name() for n in find_all(window, "label")
                             if re.fullmatch(r"\d+ entr(y|ies)", n.get_name() or "")]
    report["new_rows"] = journal_rows(window)
    report["audits"].append(audit(window, "new journal: entry with check-in"))
    # Lock and unlock.
    press(find(window, "push button", "Lock"))
    field = find(window, "password text", contains="assphrase", timeout=20)
    report["audits"].append(audit(window, "unlock"))
    type_into(field, PASSPHRASE)
    press(find(window, "push button", "Unlock"))
    page_list(window)
    report["unlocked"] = True


def demo_run(python: str, env: dict, report: dict) -> None:
    """The demo journal: journal rows, worksheet steps, charts, guide headings."""
    app = App(python, ["--demo"], env)
    try:
        window = app.frame()
        page_list(window)
        time.sleep(1.5)
        with walking(app, report, "demo"):
            _demo_screens(window, app, report)
    finally:
        app.close(report)


def _demo_screens(window, app: App, report: dict) -> None:
    select_page(window, "Journal")
    time.sleep(1.0)
    report["demo_rows"] = journal_rows(window)
    report["audits"].append(audit(window, "demo: Journal"))
    # Progress: every chart's sentence as text, the chart an image named by it.
    select_page(window, "Progress")
    wait(lambda: find_all(window, contains="Show as table"), timeout=30, what="charts")
    time.sleep(1.0)
    report["charts"] = [info(n) for n in walk(window)
                        if n.get_role_name() in ("image", "filler", "label")
                        and (("over time" in (n.get_name() or "") + (n.get_description() or ""))
                             or n.get_role_name() == "image")]
    report["chart_readings"] = [n.get_name() for n in find_all(window, "label")
                                if len(n.get_name() or "") > 40]
    report["audits"].append(audit(window, "demo: Progress"))
    report["progress_focus_order"] = [n["name"][:60] for n in focus_stops(window)][3:20]
    press(find(window, "push button", contains="Print summary"))
    dialog = find(app.root, "dialog", timeout=15)
    time.sleep(1.0)
    report["print_dialog"] = focus_stops(dialog)
    report["audits"].append(audit(dialog, "demo: Print summary dialog"))
    press(find(dialog, "push button", "Close"))
    # Worksheets: open the first sheet, choose step 3 by its chip's action.
    select_page(window, "Worksheets")
    time.sleep(1.0)
    report["audits"].append(audit(window, "demo: Worksheets"))
    report["worksheets_focusable"] = focus_stops(window)[:40]
    table = find(window, "table", "Your worksheets")
    Atspi.Table.add_row_selection(table, 0)
    time.sleep(0.3)
    time.sleep(0.5)
    press(next(node for node in find_all(window, "push button")
               if node.get_name() in ("Open", "Continue")))
    report["worksheet_step"] = None
    try:
        chip = find(window, contains="Step 3:", timeout=10)
        report["chip_actions"] = action_names(chip)
        do(chip, "Toggle" if "Toggle" in report["chip_actions"] else "Press")
        wait(lambda: find_all(window, "label", contains="Step 3 of "), timeout=8,
             what="step 3")
        report["worksheet_step"] = "shown"
    except (LookupError, TimeoutError) as error:
        report["worksheet_step"] = f"not shown: {error}"
    report["worksheet_values"] = [value_control(node) for node in walk(window)
                                  if node.get_role_name() == "slider"]
    report["audits"].append(audit(window, "demo: a worksheet step"))
    select_page(window, "Settings")
    time.sleep(1.0)
    report["audits"].append(audit(window, "demo: Settings"))
    select_page(window, "Guide")
    time.sleep(1.0)
    report["audits"].append(audit(window, "demo: Guide"))
    # Chapters open and close while the tree is walked (no waiting for the switch).
    for chapter in ("Chapter 1:", "Chapter 2:"):
        press(find(window, "push button", contains=chapter))
        press(find(window, "push button", "Back to the contents"))
    press(find(window, "push button", contains="Chapter 3:"))
    sections = find(window, "combo box", contains="Sections", timeout=10)
    report["guide_sections"] = [item.get_name() for menu in children(sections)
                                for item in children(menu)]
    report["audits"].append(audit(window, "demo: a guide chapter"))


def main() -> int:
    python, data_dir = sys.argv[1], sys.argv[2]
    launcher = next((path for path in LAUNCHERS if os.path.exists(path)), None)
    if launcher is None:
        print(json.dumps({"skip": "at-spi-bus-launcher not found"}))
        return 0
    bus = subprocess.Popen([launcher, "--launch-immediately"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {**os.environ, "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "QT_QPA_PLATFORM": "xcb",
           "QT_ACCESSIBILITY": "1", "NO_AT_BRIDGE": "0"}
    env.pop("WAYLAND_DISPLAY", None)
    report: dict = {"audits": []}
    try:
        time.sleep(0.5)
        for name, run in (("first_run", lambda: first_run(python, data_dir, env, report)),
                          ("demo", lambda: demo_run(python, env, report))):
            try:
                run()
            except Exception as error:  # report what broke and keep the rest
                report[f"{name}_error"] = f"{type(error).__name__}: {error}"
    finally:
        bus.terminate()
        bus.wait(timeout=10)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())

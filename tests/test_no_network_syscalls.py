"""No network, proven where it can't be bypassed: at the system calls.

`tests/ui/test_no_network.py` guards Python's socket module; Qt and other C code
would go around it (creating a QPrinter, for one, connects to the print service on
127.0.0.1:631). Here every command of `trustdesk` and a whole offscreen GUI session
(unlock, every page, writing, searching, the summary previewed and saved as a PDF,
lock) run under `strace -f -e trace=network`, and any internet socket (AF_INET,
AF_INET6) or name lookup (nscd, systemd-resolved) fails the test. Local unix
sockets (the X server, D-Bus) are fine.

Skipped, with the reason, where strace is missing or not allowed to trace."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from trustdesk.demo import fill_demo
from trustdesk.storage.store import JournalFolder

ROOT = Path(__file__).resolve().parents[1]
SCENARIO = ROOT / "tests" / "offline_session_app.py"

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="strace is Linux")]

INTERNET = re.compile(r"\b(?:socket|socketpair)\((AF_INET6?)\b|sa_family=(AF_INET6?)\b")
NAME_LOOKUP = re.compile(r'sun_path="(?:/var)?/run/(?:nscd/socket|systemd/resolve/[^"]*)"')


def strace_or_skip() -> str:
    tool = shutil.which("strace")
    if tool is None:
        pytest.skip("strace is not installed (Debian package strace); the system-call "
                    "check can't run")
    probe = subprocess.run([tool, "-f", "-qq", "-e", "trace=network", "-o", os.devnull, "true"],
                           capture_output=True, text=True, timeout=30)
    if probe.returncode != 0:
        pytest.skip(f"strace can't trace here (ptrace not permitted?): {probe.stderr.strip()}")
    return tool


def traced(tool: str, log: Path, args: list[str], *, stdin: str = "",
           timeout: int = 300) -> subprocess.CompletedProcess[str]:
    """Run `python args` under strace, every thread and child process followed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([tool, "-f", "-qq", "-e", "trace=network", "-o", str(log),
                           sys.executable, *args], input=stdin, capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=timeout)


def network_calls(log: Path) -> Counter[str]:
    """How many internet sockets and name lookups the trace shows, by kind."""
    found: Counter[str] = Counter()
    for line in log.read_text(errors="replace").splitlines():
        match = INTERNET.search(line)
        if match:
            found[match.group(1) or match.group(2)] += 1
        if NAME_LOOKUP.search(line):
            found["name lookup"] += 1
    return found


def assert_offline(log: Path, what: str) -> None:
    assert log.is_file(), "strace wrote no trace"
    text = log.read_text(errors="replace")
    found = network_calls(log)
    offending = [line for line in text.splitlines()
                 if INTERNET.search(line) or NAME_LOOKUP.search(line)]
    assert not found, f"{what} used the network: {dict(found)}\n" + "\n".join(offending[:10])


@pytest.fixture
def filled(data_dir) -> Path:
    store = JournalFolder(data_dir).unlock(PASSPHRASE)
    try:
        fill_demo(store, days=60, seed=3)
    finally:
        store.close()
    return data_dir


def test_the_check_sees_an_internet_socket_opened_from_c(tmp_path):
    """The detector itself: a socket made by C code (CPython's _socket) shows up,
    and so would one made by Qt."""
    tool = strace_or_skip()
    log = tmp_path / "probe.strace"
    result = traced(tool, log, ["-c", "import _socket; _socket.socket().close()"])
    assert result.returncode == 0, result.stderr
    assert network_calls(log)["AF_INET"] == 1


QPRINTER = ("from PySide6.QtWidgets import QApplication\n"
            "from PySide6.QtPrintSupport import QPrinter\n"
            "app = QApplication([])\n"
            "QPrinter()\n")


def test_the_check_sees_what_python_guards_cannot(tmp_path):
    """Creating a QPrinter looks up and connects to the print service from Qt's C++
    (through libcups): a Python socket guard never sees it; this check does. This is
    why the app makes a QPrinter only when the person asks to print."""
    tool = strace_or_skip()
    log = tmp_path / "qprinter.strace"
    result = traced(tool, log, ["-c", QPRINTER])
    assert result.returncode == 0, result.stderr[-2000:]
    found = network_calls(log)
    if not found:
        pytest.skip("Qt found no print system here (no libcups), so it opened nothing")
    assert found["AF_INET"] + found["AF_INET6"] + found["name lookup"] > 0


def test_every_command_stays_off_the_network(filled, tmp_path):
    tool = strace_or_skip()
    out = tmp_path / "out"
    out.mkdir()
    fresh = tmp_path / "fresh"
    data = ["-m", "trustdesk", "--data-dir", str(filled)]
    commands = [
        (["-m", "trustdesk", "--data-dir", str(fresh), "init"], PASSPHRASE),
        ([*data, "check"], PASSPHRASE),
        ([*data, "backup", "--output", str(out / "copy.trustdesk")], PASSPHRASE),
        ([*data, "export", "--output", str(out / "all.json")], PASSPHRASE),
        ([*data, "export", "--format", "markdown", "--output", str(out / "md")], PASSPHRASE),
        ([*data, "export", "--format", "markdown", "--single-file", "--output",
          str(out / "all.md")], PASSPHRASE),
        (["-m", "trustdesk", "--data-dir", str(fresh), "import", str(out / "all.json")],
         PASSPHRASE),
        ([*data, "summary", "--output", str(out / "summary.pdf")], PASSPHRASE),
        ([*data, "restore", str(out / "copy.trustdesk")], PASSPHRASE),
        (["-m", "trustdesk", "desktop-entry", "install"], ""),
        (["-m", "trustdesk", "--version"], ""),
        (["-m", "trustdesk", "--help"], ""),
    ]
    for number, (args, stdin) in enumerate(commands):
        log = tmp_path / f"command-{number}.strace"
        result = traced(tool, log, args, stdin=stdin + "\n" if stdin else "")
        assert result.returncode == 0, (args, result.stderr[-2000:])
        assert_offline(log, " ".join(args[2:]))
    assert (out / "summary.pdf").stat().st_size > 0


def test_a_whole_gui_session_stays_off_the_network(filled, tmp_path):
    tool = strace_or_skip()
    log = tmp_path / "gui.strace"
    pdf = tmp_path / "summary.pdf"
    result = traced(tool, log, [str(SCENARIO), str(filled), str(pdf)])
    assert result.returncode == 0, result.stderr[-3000:]
    assert "done" in result.stdout, result.stderr[-3000:]
    assert pdf.stat().st_size > 0
    assert_offline(log, "the GUI session")


def test_a_reminder_on_the_session_bus_stays_off_the_network(tmp_path):
    """A desktop notification sent and clicked over a private dbus-daemon: TrustDesk
    reaches the bus through a unix socket only. (Only TrustDesk's process is
    traced: the test's dbus-daemon looks up user names through nscd.)"""
    from tests.ui.notification_service import NotificationService, private_session_bus

    tool = strace_or_skip()
    log = tmp_path / "reminder.strace"
    with private_session_bus(tmp_path / "bus") as bus, \
            NotificationService(bus.address, auto_click=True):
        result = traced(tool, log, [str(ROOT / "tests" / "reminder_bus_scenario.py"),
                                    bus.address])
    assert result.returncode == 0, result.stderr[-3000:]
    assert "done" in result.stdout, result.stderr[-3000:]
    assert "AF_UNIX" in log.read_text(errors="replace")  # the bus was really used
    assert_offline(log, "a reminder on the session bus")

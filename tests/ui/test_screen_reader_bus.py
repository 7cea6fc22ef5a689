"""TrustDesk as a screen reader meets it: over the real accessibility bus (AT-SPI).

tests/ui/atspi_client.py, a client like a screen reader, runs with the system
Python (python3-gi and gir1.2-atspi-2.0) in a private D-Bus session on a private
Xvfb display. It starts at-spi2-core's bus, opens a new journal (create, a page at
a time through the sidebar's Selection interface, an entry with a check-in set
through the Value interface, lock, unlock) and then the demo (journal rows, the
Progress charts, the print dialog, a worksheet step chosen by its button's Toggle
action, a guide chapter's sections), and reports what it found as JSON.

Skipped, with the reason, only when the bus tools are missing; `.ci/run` installs
them, so CI runs it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLIENT = Path(__file__).with_name("atspi_client.py")
SYSTEM_PYTHON = "/usr/bin/python3"
LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher",
             "/usr/lib/at-spi2/at-spi-bus-launcher")
APT = "apt install xvfb dbus-daemon at-spi2-core python3-gi gir1.2-atspi-2.0"


def _missing_tool() -> str | None:
    """Why the bus can't be set up here, or None."""
    for tool in ("Xvfb", "dbus-run-session"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed ({APT})"
    if not any(os.path.exists(path) for path in LAUNCHERS):
        return f"at-spi2-core's bus launcher is not installed ({APT})"
    if not os.path.exists(SYSTEM_PYTHON):
        return f"no system Python at {SYSTEM_PYTHON} for the AT-SPI client ({APT})"
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import gi; gi.require_version('Atspi', '2.0'); "
                              "from gi.repository import Atspi"],
        capture_output=True, text=True, timeout=60, check=False)
    if probe.returncode != 0:
        return f"the system Python can't import Atspi through gi ({APT})"
    return None


@pytest.fixture(scope="module")
def heard(tmp_path_factory) -> dict:
    """Run the client once for the module; its JSON report."""
    missing = _missing_tool()
    if missing:
        pytest.skip(missing)
    tmp = tmp_path_factory.mktemp("atspi")
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x900x24",
                               "-nolisten", "tcp"], pass_fds=(write,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as displayfd:
        number = displayfd.readline().strip()
    try:
        if not number:
            pytest.skip("Xvfb did not start")
        env = {**os.environ, "DISPLAY": f":{number}", "PYTHONPATH": str(ROOT),
               "XDG_CONFIG_HOME": str(tmp / "config"), "XDG_CACHE_HOME": str(tmp / "cache"),
               "XDG_DATA_HOME": str(tmp / "share")}
        for name in ("WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "AT_SPI_BUS_ADDRESS",
                     "QT_QPA_PLATFORM", "PYTHONHOME"):
            env.pop(name, None)
        result = subprocess.run(
            ["dbus-run-session", "--", SYSTEM_PYTHON, str(CLIENT), sys.executable,
             str(tmp / "journal")],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=900, check=False)
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert result.returncode == 0, result.stderr[-4000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    if "skip" in report:
        pytest.skip(report["skip"])
    if any('platform plugin "xcb"' in exit["stderr"] for exit in report.get("app_exits", [])):
        pytest.skip("Qt's xcb platform plugin can't start here (missing libxcb libraries?)")
    counts = {kind: sum(len(audit[kind]) for audit in report["audits"])
              for kind in ("unnamed_focusable", "generic_focusable", "description_only")}
    print("\nAT-SPI walk:", len(report["audits"]), "screens;", counts)
    return report


@pytest.mark.slow
def test_the_walk_reached_every_screen(heard):
    assert "first_run_error" not in heard and "demo_error" not in heard, heard
    assert heard.get("unlocked") is True
    screens = [audit["screen"] for audit in heard["audits"]]
    for screen in ("create", "unlock", "new journal: Settings", "demo: Progress",
                   "demo: Print summary dialog", "demo: a worksheet step",
                   "demo: a guide chapter"):
        assert screen in screens


@pytest.mark.slow
def test_a_reader_walking_the_tree_without_pause_never_crashes_the_app(heard):
    """A second client walked the whole tree all through both runs (pages chosen,
    an entry written, lock and unlock, the print dialog, worksheet steps, chapters
    opened and closed at once), as a screen reader does. Qt's scroll-area interface
    crashed the app so on every run before PageScroll kept its own scroll bar."""
    assert heard.get("first_run_alive_while_walked") is True, heard.get("first_run_walker")
    assert heard.get("demo_alive_while_walked") is True, heard.get("demo_walker")
    assert not any(exit["code"] < 0 for exit in heard.get("app_exits", [])), heard["app_exits"]


def test_no_focus_stop_is_without_a_name_and_no_text_hides_in_a_description(heard):
    for audit in heard["audits"]:
        assert audit["unnamed_focusable"] == [], audit["screen"]
        assert audit["description_only"] == [], audit["screen"]
        assert [node for node in audit["generic_focusable"]
                if node["name"] in ("Mood", "Trust in others", "Trust in myself")] == []


@pytest.mark.slow
def test_selecting_a_sidebar_page_through_the_selection_interface_shows_it(heard):
    assert heard["pages"] == [{"page": title, "shown": True} for title in
                              ("Guide", "Journal", "Worksheets", "Progress", "Settings")]


@pytest.mark.slow
def test_the_check_in_ratings_are_sliders_a_reader_can_set(heard):
    before, after = heard["ratings_before"], heard["ratings_after"]
    assert [c["name"] for c in before] == ["Mood", "Trust in others", "Trust in myself"]
    for control in before:
        assert (control["role"], control["min"], control["max"]) == ("slider", 0.0, 10.0)
        assert control["description"].startswith("Not rated. 0 = ")
    for control in after:
        assert control["value"] == 7.0 and control["description"].startswith("7 of 10. 0 = ")
    assert heard["rating_words"] == ["7 of 10"] * 3


@pytest.mark.slow
def test_status_and_count_texts_are_read_by_their_words(heard):
    assert heard["strength_too_short"][0].startswith("Strength: Too short.")
    assert heard["strength_ok"]
    assert "Saved" in heard["save_status"]
    assert heard["entry_count"] == ["1 entry"]


@pytest.mark.slow
def test_each_chart_sentence_is_text_and_names_the_chart_image(heard):
    images = [node["name"] for node in heard["charts"] if node["role"] == "image"]
    assert len(images) == 5
    for sentence in images:
        assert sentence in heard["chart_readings"]
    order = heard["progress_focus_order"]
    for sentence in images:   # the sentence, then straight after it the table toggle
        at = order.index(sentence[:60])
        assert order[at + 1].startswith("Show as table: ")


@pytest.mark.slow
def test_journal_rows_read_title_date_ratings_tags_without_stray_full_stops(heard):
    rows = heard["demo_rows"] + heard["new_rows"]
    assert heard["new_rows"] == ["Walk with Sam. " + heard["new_rows"][0].split(". ", 1)[1]]
    for row in rows:
        assert ".." not in row and ". ." not in row
        assert re.match(r"[^\n]+?[.…!?] \w+day \d{1,2} \w+ \d{4}, \d\d:\d\d\.", row), row
        assert "Not rated" not in row
    assert any("…" in row for row in rows)   # a cut heading says so, after a whole word


@pytest.mark.slow
def test_a_worksheet_step_chosen_through_its_button_shows(heard):
    assert "Toggle" in heard["chip_actions"]
    assert heard["worksheet_step"] == "shown"
    assert all(control["max"] == 100.0 for control in heard["worksheet_values"])


@pytest.mark.slow
def test_a_guide_chapter_lists_its_headings(heard):
    assert len(heard["guide_sections"]) >= 3

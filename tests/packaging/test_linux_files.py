"""The freedesktop files in packaging/linux: the desktop entry and the AppStream
metainfo pass their validators, agree with the app, and the icons match the SVG."""

from __future__ import annotations

import configparser
import importlib.util
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.tools import require
from trustdesk import __version__, resources

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.trustdesk.TrustDesk"


def load_make_icons():
    spec = importlib.util.spec_from_file_location("make_icons",
                                                  ROOT / "packaging" / "make-icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def metainfo() -> ET.Element:
    return ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_passes_desktop_file_validate():
    result = subprocess.run([require("desktop-file-validate"), str(LINUX / f"{APP_ID}.desktop")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def appstream_version(appstreamcli: str) -> tuple[int, ...]:
    out = subprocess.run([appstreamcli, "--version"], capture_output=True, text=True).stdout
    match = re.search(r"(\d+)\.(\d+)", out)
    assert match, out
    return int(match.group(1)), int(match.group(2))


def test_the_metainfo_passes_appstreamcli_validate_strictly():
    appstreamcli = require("appstreamcli")
    result = subprocess.run([appstreamcli, "validate", "--no-net", "--strict",
                             str(LINUX / f"{APP_ID}.metainfo.xml")],
                            capture_output=True, text=True)
    if result.returncode != 0 and appstream_version(appstreamcli) < (1, 0):
        # AppStream 0.16 (Debian 12) predates 1.0's <developer> tag and calls it
        # unknown; that must be the only thing it finds.
        issues = re.findall(r"^([EWI]): [^:\s]+:(\d*):? ?(.*)$", result.stdout, re.M)
        assert issues == [("I", str(developer_line()), "unknown-tag developer")], result.stdout
    else:
        assert result.returncode == 0, result.stdout + result.stderr


def developer_line() -> int:
    lines = (LINUX / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if "<developer " in line)


def test_the_metainfo_names_its_developer_the_appstream_1_0_way():
    root = metainfo()
    developer = root.find("developer")
    assert developer is not None
    assert re.fullmatch(r"[a-z]+(\.[a-z0-9-]+)+", developer.get("id", ""))
    assert developer.findtext("name") == "The TrustDesk developers"
    assert root.find("developer_name") is None  # deprecated in AppStream 1.0


def test_the_desktop_entry_and_the_metainfo_agree_on_categories():
    in_desktop = [c for c in desktop_entry()["Categories"].split(";") if c]
    in_metainfo = [c.text for c in metainfo().iterfind("categories/category")]
    assert in_desktop and in_desktop == in_metainfo


def test_the_metainfo_declares_the_app_offline_only():
    assert metainfo().findtext("supports/internet") == "offline-only"


def test_ids_agree_with_the_app():
    root = metainfo()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("provides/binary") == "trustdesk"
    entry = desktop_entry()
    assert entry["Icon"] == APP_ID
    assert entry["Exec"] == "trustdesk"
    app_source = (ROOT / "trustdesk" / "ui" / "app.py").read_text(encoding="utf-8")
    assert f'setDesktopFileName("{APP_ID}")' in app_source


def test_the_newest_release_is_this_version():
    versions = [release.get("version") for release in metainfo().iter("release")]
    assert versions and versions[0] == __version__


def test_the_description_educates_and_does_not_diagnose():
    text = " ".join(metainfo().find("description").itertext()).lower()
    assert "does not diagnose" in text
    for claim in ("cure", "heal your", "therapy for", "treats "):
        assert claim not in text


def test_every_hicolor_size_is_there_and_matches_the_svg(qapp):
    make_icons = load_make_icons()
    for size in make_icons.SIZES:
        assert make_icons.png_path(size, LINUX / "icons" / "hicolor").is_file(), size
    assert make_icons.problems(LINUX / "icons" / "hicolor") == []


def test_an_icon_that_no_longer_matches_the_svg_is_reported(qapp, tmp_path):
    from PySide6.QtGui import QColor, QImage

    make_icons = load_make_icons()
    copy = tmp_path / "hicolor"
    shutil.copytree(LINUX / "icons" / "hicolor", copy)
    stale = QImage(48, 48, QImage.Format.Format_ARGB32)
    stale.fill(QColor("red"))
    assert stale.save(str(make_icons.png_path(48, copy)), "PNG")
    (copy / "scalable" / "apps" / f"{APP_ID}.svg").write_text("<svg/>", encoding="utf-8")
    found = make_icons.problems(copy)
    assert len(found) == 2
    assert "48x48" in found[1] and "differs" in found[1]
    assert "scalable" in found[0]


@pytest.mark.parametrize("name", [f"{APP_ID}.desktop", f"{APP_ID}.metainfo.xml",
                                  "icons/hicolor/512x512/apps/org.trustdesk.TrustDesk.png"])
def test_resources_find_the_linux_files_from_a_checkout(name):
    assert resources.linux_path(*name.split("/")) == LINUX / name

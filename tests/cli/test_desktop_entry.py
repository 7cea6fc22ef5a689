"""`trustdesk desktop-entry install|uninstall` puts TrustDesk in the application menu
under $XDG_DATA_HOME (an isolated folder per test) and takes it out again."""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_cli import ROOT, trustdesk
from tests.tools import require
from trustdesk import __version__, paths, resources
from trustdesk.commands import desktop_entry

APP_ID = "org.trustdesk.TrustDesk"


def installed_entry(data_home: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(data_home / "applications" / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def exec_arguments(value: str) -> list[str]:
    """Split an Exec value the way the desktop entry specification reads it: string
    escapes first, then arguments split on spaces, double quotes in which a backslash
    escapes one of " ` $ \\, and %% for a literal %."""
    text = value.replace("\\\\", "\0").replace("\\t", "\t").replace("\0", "\\")
    arguments: list[str] = []
    current, quoted, escaped, started = "", False, False, False
    for char in text:
        if escaped:
            current, escaped = current + char, False
        elif quoted and char == "\\":
            escaped = True
        elif char == '"':
            quoted, started = not quoted, True
        elif char == " " and not quoted:
            if started:
                arguments.append(current)
            current, started = "", False
        else:
            current, started = current + char, True
    assert not quoted and not escaped, value
    if started:
        arguments.append(current)
    return [argument.replace("%%", "%") for argument in arguments]


def shipped_icons() -> list[Path]:
    icons = resources.linux_path("icons")
    return sorted(p.relative_to(icons) for p in icons.rglob("*") if p.is_file())


@pytest.mark.slow
def test_install_writes_a_valid_entry_and_every_icon_into_xdg_data_home():
    data_home = Path(os.environ["XDG_DATA_HOME"])
    result = trustdesk("desktop-entry", "install")
    assert result.returncode == 0, result.stderr
    desktop_file = data_home / "applications" / f"{APP_ID}.desktop"
    assert str(desktop_file) in result.stdout

    validated = subprocess.run([require("desktop-file-validate"), str(desktop_file)],
                               capture_output=True, text=True)
    assert validated.returncode == 0, validated.stdout + validated.stderr

    command = exec_arguments(installed_entry(data_home)["Exec"])
    interpreter = Path(sys.executable).absolute()
    # The script installed with this interpreter (CI's venv), or else, in a bare
    # checkout, this interpreter running the package.
    assert command in ([str(interpreter.parent / "trustdesk")],
                       [str(interpreter), "-m", "trustdesk"])
    assert installed_entry(data_home)["TryExec"] == command[0]
    started = subprocess.run([*command, "--version"], capture_output=True, text=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert started.stdout.strip() == f"TrustDesk {__version__}"

    icons = shipped_icons()
    assert len(icons) == 9  # eight PNG sizes and the scalable SVG
    for relative in icons:
        installed = data_home / "icons" / relative
        assert installed.read_bytes() == resources.linux_path("icons", *relative.parts).read_bytes()


def test_uninstall_removes_what_install_wrote_and_nothing_else():
    data_home = Path(os.environ["XDG_DATA_HOME"])
    other = data_home / "applications" / "someone.else.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\n", encoding="utf-8")
    assert trustdesk("desktop-entry", "install").returncode == 0

    removed = trustdesk("desktop-entry", "uninstall")
    assert removed.returncode == 0, removed.stderr
    assert "Removed" in removed.stdout
    assert not (data_home / "applications" / f"{APP_ID}.desktop").exists()
    assert [p for p in (data_home / "icons").rglob("*") if p.is_file()] == []
    assert other.exists()

    again = trustdesk("desktop-entry", "uninstall")
    assert (again.returncode, "nothing to remove" in again.stdout) == (0, True)


def test_installing_twice_replaces_the_entry(tmp_path):
    data_home = tmp_path / "share"
    desktop_entry.install(data_home, ["/old/place/trustdesk"])
    desktop_entry.install(data_home, ["/new/place/trustdesk"])
    assert installed_entry(data_home)["Exec"] == "/new/place/trustdesk"
    leftovers = [p.name for p in (data_home / "applications").iterdir()]
    assert leftovers == [f"{APP_ID}.desktop"]


@pytest.mark.parametrize("command", [
    ["/home/sam/My Apps/trust desk/trustdesk"],
    ['/opt/odd "quoted" $HOME `tick` back\\slash 100%/trustdesk'],
    ["/usr/bin/python3", "-m", "trustdesk"],
])
def test_the_exec_line_is_quoted_as_the_specification_asks(tmp_path, command):
    data_home = tmp_path / "share"
    desktop_entry.install(data_home, command)
    desktop_file = data_home / "applications" / f"{APP_ID}.desktop"
    validated = subprocess.run([require("desktop-file-validate"), str(desktop_file)],
                               capture_output=True, text=True)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert exec_arguments(installed_entry(data_home)["Exec"]) == command


def test_a_location_with_a_line_break_is_refused(tmp_path):
    with pytest.raises(desktop_entry.UsageError):
        desktop_entry.install(tmp_path, ["/tmp/evil\nExec=rm"])
    assert not (tmp_path / "applications").exists()


def test_the_script_next_to_the_interpreter_is_preferred(tmp_path, monkeypatch):
    bin_dir = tmp_path / "venv" / "bin"
    bin_dir.mkdir(parents=True)
    script = bin_dir / "trustdesk"
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(bin_dir / "python"))
    assert desktop_entry.launcher() == [str(script)]


def test_a_frozen_bundle_names_its_own_executable(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "TrustDesk" / "trustdesk"))
    assert desktop_entry.launcher() == [str(tmp_path / "TrustDesk" / "trustdesk")]


@pytest.mark.parametrize("environ, expected", [
    ({"XDG_DATA_HOME": "/x/share", "HOME": "/home/sam"}, "/x/share"),
    ({"XDG_DATA_HOME": "relative/share", "HOME": "/home/sam"}, "/home/sam/.local/share"),
    ({"HOME": "/home/sam"}, "/home/sam/.local/share"),
])
def test_xdg_data_home_follows_the_base_directory_rules(environ, expected):
    assert paths.xdg_data_home(environ) == Path(expected)

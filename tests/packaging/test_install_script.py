"""packaging/install.sh, run on a stand-in bundle in a temporary home: when the
display plugins lack system libraries, its `apt install` advice names the Debian
package of every one of them (and only those)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "install.sh"
PLUGINS = ("libqxcb.so", "libqwayland.so")

# Libraries whose package name does not follow from the soname, and a few that do,
# checked on any machine (the dpkg test below checks the rest where dpkg exists).
KNOWN = {
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-client.so.0": "libwayland-client0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLdispatch.so.0": "libglvnd0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libpng16.so.16": "libpng16-16",
    "libpcre2-8.so.0": "libpcre2-8-0",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libbrotlicommon.so.1": "libbrotli1",
    "libz.so.1": "zlib1g",
    "libgcc_s.so.1": "libgcc-s1",
    "libstdc++.so.6": "libstdc++6",
    "libm.so.6": "libc6",
}


def run_install(tmp_path: Path, missing: list[str]) -> str:
    """Install a stand-in bundle whose plugins lack `missing` (a fake `ldd` says so);
    the script's output."""
    unpacked = tmp_path / "unpacked"
    bundle = unpacked / "TrustDesk"
    platforms = bundle / "_internal" / "PySide6" / "Qt" / "plugins" / "platforms"
    platforms.mkdir(parents=True)
    for plugin in PLUGINS:
        (platforms / plugin).write_bytes(b"")
    app = bundle / "trustdesk"
    app.write_text('#!/bin/sh\n[ "$1" = --version ] && echo "TrustDesk 0.0.1"\nexit 0\n')
    app.chmod(0o755)
    shutil.copy2(SCRIPT, unpacked / "install.sh")
    tools = tmp_path / "bin"
    tools.mkdir()
    ldd = tools / "ldd"
    ldd.write_text('#!/bin/sh\nfor lib in $FAKE_MISSING; do\n'
                   '    printf "\\t%s => not found\\n" "$lib"\ndone\n')
    ldd.chmod(0o755)
    home = tmp_path / "home"
    home.mkdir()
    env = {"PATH": f"{tools}{os.pathsep}{os.environ['PATH']}", "HOME": str(home),
           "XDG_DATA_HOME": str(home / ".local" / "share"), "FAKE_MISSING": " ".join(missing)}
    result = subprocess.run(["sh", str(unpacked / "install.sh")], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def advice(output: str) -> set[str]:
    """The packages on the `sudo apt install` line."""
    found = re.search(r"sudo apt install (.+)", output)
    assert found, output
    return set(found.group(1).split())


def plugin_libraries() -> list[str]:
    """Every system library the real Qt display plugins load (directly or not), by
    soname; Qt's own libraries travel inside the bundle."""
    pyside = pytest.importorskip("PySide6")
    qt = Path(pyside.__file__).parent / "Qt"
    if not shutil.which("ldd"):
        pytest.skip("ldd is not installed")
    names: set[str] = set()
    for plugin in PLUGINS:
        path = qt / "plugins" / "platforms" / plugin
        if not path.exists():
            continue
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True,
                             env={**os.environ, "LD_LIBRARY_PATH": str(qt / "lib")}).stdout
        names |= {line.split()[0] for line in out.splitlines() if "=>" in line}
    names = {n for n in names if not n.startswith(("libQt6", "libicu", "ld-linux"))}
    assert "libxcb-cursor.so.0" in names and "libwayland-cursor.so.0" in names
    return sorted(names)


@pytest.mark.slow
def test_the_reported_case_asks_for_libwayland_cursor0(tmp_path):
    output = run_install(tmp_path, ["libwayland-cursor.so.0"])
    assert "lacks libraries TrustDesk's window needs: libwayland-cursor.so.0" in output
    assert advice(output) == {"libwayland-cursor0"}


@pytest.mark.slow
def test_nothing_missing_means_no_advice(tmp_path):
    output = run_install(tmp_path, [])
    assert "is installed in" in output and "apt install" not in output


@pytest.mark.slow
def test_each_library_maps_to_its_debian_package(tmp_path):
    output = run_install(tmp_path, list(KNOWN))
    assert advice(output) == set(KNOWN.values())


@pytest.mark.slow
def test_every_library_the_plugins_load_gets_its_package(tmp_path):
    """All at once, as on a bare system: one package per library, and where dpkg
    knows the library, it is dpkg's package (Ubuntu's 't64' renames accepted:
    apt installs them by their old names)."""
    libraries = plugin_libraries()
    packages = advice(run_install(tmp_path, libraries))
    expected = {KNOWN[name] for name in libraries if name in KNOWN}
    if shutil.which("dpkg"):
        for name in libraries:
            result = subprocess.run(["dpkg", "-S", f"*/{name}"], capture_output=True,
                                    text=True)
            # The system's copy, not one inside an installed TrustDesk package in /opt.
            owners = [line.split(":")[0] for line in result.stdout.splitlines()
                      if ": /opt/" not in line]
            if result.returncode == 0 and owners:
                expected.add(owners[0].removesuffix("t64"))
    assert expected <= packages
    assert len(packages) <= len(libraries)

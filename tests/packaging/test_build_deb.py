"""packaging/build-deb.sh on a small stand-in bundle (the real one takes minutes to
build): the package's layout, modes, link, control fields and RUNPATH clean-up.
The real package is built, linted, installed and smoke-tested by hand (see
packaging/README.md)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.tools import require
from trustdesk import __version__

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "org.trustdesk.TrustDesk"


def a_system_library() -> Path:
    """A real, small shared library of this system (it needs libc)."""
    for folder in ("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64",
                   "/usr/lib64", "/lib/aarch64-linux-gnu", "/usr/lib"):
        for name in ("libz.so.1", "libffi.so.8", "libbz2.so.1.0"):
            if (Path(folder) / name).is_file():
                return (Path(folder) / name).resolve()
    pytest.skip("no small system library to stand in for the bundle's")


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    """The .deb build-deb.sh makes from a stand-in bundle, unpacked; returns the folder."""
    for tool in ("dpkg-deb", "patchelf", "objdump"):
        require(tool)
    work = tmp_path_factory.mktemp("deb")
    checkout = work / "checkout"
    shutil.copytree(ROOT / "packaging", checkout / "packaging")
    bundle = work / "TrustDesk"
    (bundle / "_internal" / "lib-dynload").mkdir(parents=True)
    program = bundle / "trustdesk"
    program.write_text("#!/bin/sh\n"
                       f'[ "$1" = --version ] && echo "TrustDesk {__version__}" && exit 0\n'
                       "cat <<'EOF'\nusage: trustdesk [-h] [--version]\n"
                       ".not a macro\\n\nEOF\n")
    program.chmod(0o755)
    library = bundle / "_internal" / "libstandin.so.1"
    shutil.copy(a_system_library(), library)
    library.chmod(0o755)
    subprocess.run([require("patchelf"), "--set-rpath",
                    "/root/.pyenv/versions/3.12.1/lib:$ORIGIN/lib-dynload", str(library)],
                   check=True)
    env = {**os.environ, "TRUSTDESK_BUILD_DIR": str(work / "build"),
           "TRUSTDESK_DEB_LINTIAN": "no"}
    result = subprocess.run(["bash", str(checkout / "packaging" / "build-deb.sh"), str(bundle)],
                            cwd=checkout, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    debs = list((checkout / "dist").glob("trustdesk_*.deb"))
    assert len(debs) == 1, result.stdout
    unpacked = work / "unpacked"
    subprocess.run(["dpkg-deb", "-R", str(debs[0]), str(unpacked)], check=True)
    (work / "listing.txt").write_text(
        subprocess.run(["dpkg-deb", "-c", str(debs[0])], capture_output=True, text=True,
                       check=True).stdout)
    return unpacked


def control(unpacked: Path) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in (unpacked / "DEBIAN" / "control").read_text().splitlines():
        if line and not line.startswith(" "):
            key, _, value = line.partition(": ")
            fields[key] = value
    return fields


@pytest.mark.slow
def test_the_control_fields(package):
    fields = control(package)
    assert fields["Package"] == "trustdesk"
    assert fields["Version"] == f"{__version__}-1"
    assert fields["Depends"].startswith("libc6 (>= 2.")
    assert "fontconfig-config" in fields["Depends"]
    assert int(fields["Installed-Size"]) > 0
    assert not fields["Description"].lower().startswith(("a ", "an ", "the "))


@pytest.mark.slow
def test_the_bundle_goes_under_opt_with_a_link_in_usr_bin(package):
    listing = (package.parent / "listing.txt").read_text().splitlines()
    by_path = {line.split()[5]: line.split() for line in listing}
    assert by_path["./opt/trustdesk/trustdesk"][0:2] == ["-rwxr-xr-x", "root/root"]
    assert by_path["./opt/trustdesk/_internal/libstandin.so.1"][0] == "-rw-r--r--"
    assert by_path["./usr/bin/trustdesk"][0].startswith("l")
    assert os.readlink(package / "usr" / "bin" / "trustdesk") == "/opt/trustdesk/trustdesk"
    for path in (f"usr/share/applications/{APP_ID}.desktop",
                 f"usr/share/metainfo/{APP_ID}.metainfo.xml",
                 f"usr/share/icons/hicolor/256x256/apps/{APP_ID}.png",
                 f"usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
                 "usr/share/doc/trustdesk/copyright",
                 "usr/share/doc/trustdesk/changelog.Debian.gz",
                 "usr/share/man/man1/trustdesk.1.gz",
                 "usr/share/lintian/overrides/trustdesk"):
        assert (package / path).is_file(), path
    assert (package / f"usr/share/applications/{APP_ID}.desktop").read_bytes() == (
        ROOT / "packaging" / "linux" / f"{APP_ID}.desktop").read_bytes()
    # Nothing is written into a home folder at install time: no maintainer scripts.
    assert sorted(p.name for p in (package / "DEBIAN").iterdir()) == ["control", "md5sums"]


@pytest.mark.slow
def test_search_paths_outside_the_bundle_are_removed(package):
    rpath = subprocess.run(["patchelf", "--print-rpath",
                            str(package / "opt/trustdesk/_internal/libstandin.so.1")],
                           capture_output=True, text=True, check=True).stdout.strip()
    assert rpath == "$ORIGIN/lib-dynload"


@pytest.mark.slow
def test_the_manual_page_is_the_help_with_roff_escaped(package):
    page = subprocess.run(["gzip", "-dc", str(package / "usr/share/man/man1/trustdesk.1.gz")],
                          capture_output=True, text=True, check=True).stdout
    assert "usage: trustdesk [-h] [--version]" in page
    assert "\\&.not a macro\\en" in page
    assert "~/.local/share/TrustDesk/" in page


@pytest.mark.slow
def test_md5sums_cover_every_file(package):
    sums = (package / "DEBIAN" / "md5sums").read_text().splitlines()
    files = sorted(str(p.relative_to(package)) for p in package.rglob("*")
                   if p.is_file() and not p.is_symlink()
                   and p.relative_to(package).parts[0] != "DEBIAN")
    assert sorted(line.split("  ", 1)[1] for line in sums) == files

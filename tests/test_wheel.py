"""The built wheel carries its resources: installed into a fresh virtual environment,
the app finds them and its command works."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_installed_wheel_finds_resources_and_runs(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation",
                    "--outdir", str(dist), str(ROOT)], check=True, capture_output=True)
    wheel = next(dist.glob("trustdesk-*.whl"))

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    purelib = Path(subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True).stdout.strip())
    # Install the wheel without network or pip: unpack it, as an installer would.
    subprocess.run([sys.executable, "-m", "zipfile", "-e", str(wheel), str(purelib)], check=True)
    # Dependencies come from this environment (appended after the wheel's own files).
    (purelib / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    clean_env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    probe = subprocess.run(
        [python, "-c", "import trustdesk, trustdesk.resources as r; "
                       "print(trustdesk.__file__); print(r.root())"],
        check=True, capture_output=True, text=True, cwd=tmp_path, env=clean_env)
    package_file, resource_root = probe.stdout.split()
    assert package_file.startswith(str(purelib))
    assert resource_root == str(purelib / "trustdesk" / "_resources")
    for needed in ("icons/trustdesk.svg", "styles/app.qss", "styles/palettes.toml",
                   "linux/org.trustdesk.TrustDesk.desktop",
                   "linux/org.trustdesk.TrustDesk.metainfo.xml",
                   "linux/icons/hicolor/48x48/apps/org.trustdesk.TrustDesk.png"):
        assert (Path(resource_root) / needed).is_file(), needed

    def trustdesk(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run([python, "-m", "trustdesk", *args], input=stdin, text=True,
                              capture_output=True, cwd=tmp_path, env=clean_env, timeout=60)

    assert trustdesk("--version").returncode == 0
    created = trustdesk("--data-dir", str(tmp_path / "data"), "init", stdin=PASSPHRASE + "\n")
    assert created.returncode == 0, created.stderr
    assert (tmp_path / "data" / "journal.trustdesk").exists()

    # A console script like the one pip writes; the menu entry must name it.
    script = env_dir / "bin" / "trustdesk"
    script.write_text(f"#!{python}\nimport sys\nfrom trustdesk.cli import main\n"
                      "sys.exit(main())\n")
    script.chmod(0o755)
    share = tmp_path / "share"
    menu = subprocess.run([script, "desktop-entry", "install"], capture_output=True, text=True,
                          cwd=tmp_path, env={**clean_env, "XDG_DATA_HOME": str(share)})
    assert menu.returncode == 0, menu.stderr
    entry = (share / "applications" / "org.trustdesk.TrustDesk.desktop").read_text()
    assert f"\nExec={script}\n" in entry
    assert (share / "icons/hicolor/512x512/apps/org.trustdesk.TrustDesk.png").is_file()

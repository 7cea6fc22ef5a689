"""The README's two Quick start commands, run the way a person pastes them: with a
`python3` older than 3.12 they stop with one clear line before pip downloads
anything, and a `.venv` left by another Python is made again instead of reused.
(.ci/run runs the test command verbatim, so the full commands are tested there.)"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MARKERS = ("launch-command", "test-command")


def quick_start() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("## Quick start", 1)[1].split("\n## ", 1)[0]


def command(marker: str) -> str:
    """The command in the ```sh block after <!-- marker -->, found as .ci/run finds it."""
    match = re.search(rf"<!-- {marker} -->\n```sh\n(.*?)\n```", quick_start(), re.S)
    assert match, marker
    return match.group(1)


def until_pip(line: str) -> str:
    """The command's checks and the venv step: everything before pip installs."""
    head, found, _ = line.partition(" && .venv/bin/pip ")
    assert found, line
    return head


def fake_python(path: Path, version: str) -> Path:
    """A `python` that says it is `version`: runs `-c` code with sys.version_info set
    to it, answers -V, and records (and refuses) anything else, such as -m venv."""
    major, minor, micro = (int(part) for part in version.split("."))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"#!{sys.executable}\n"
        "import sys\n"
        f"sys.version_info = ({major}, {minor}, {micro}, 'final', 0)\n"
        f"sys.version = '{version} (main)'\n"
        "if sys.argv[1:2] == ['-V']:\n"
        f"    print('Python {version}')\n"
        "elif sys.argv[1:2] == ['-c']:\n"
        "    exec(sys.argv[2])\n"
        "else:\n"
        "    open(__file__ + '.was-asked', 'a').write(' '.join(sys.argv[1:]) + '\\n')\n"
        "    sys.exit(99)\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def run(line: str, cwd: Path, python3: Path) -> subprocess.CompletedProcess[str]:
    """`line` in bash, in `cwd`, with `python3` first on PATH."""
    shims = cwd.parent / "shims"
    shims.mkdir(exist_ok=True)
    link = shims / "python3"
    link.unlink(missing_ok=True)
    link.symlink_to(python3)
    env = {**os.environ, "PATH": f"{shims}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(["bash", "-c", line], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


def test_quick_start_has_exactly_the_two_commands():
    assert quick_start().count("```sh") == 2
    for marker in MARKERS:
        assert "\n" not in command(marker)
    assert until_pip(command("launch-command")) == until_pip(command("test-command"))


@pytest.mark.slow
@pytest.mark.parametrize("marker", MARKERS)
def test_an_old_python_stops_the_command_before_anything_is_downloaded(tmp_path, marker):
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    old = fake_python(tmp_path / "old" / "python3", "3.11.7")
    result = run(command(marker), checkout, old)
    assert result.returncode != 0
    assert result.stderr.strip() == "TrustDesk needs Python 3.12 or newer; python3 is 3.11.7"
    assert result.stdout == ""
    assert list(checkout.iterdir()) == []  # no .venv, nothing of pip's
    assert not (old.parent / "python3.was-asked").exists()  # not even `-m venv` ran


@pytest.mark.slow
def test_a_venv_from_an_older_python_is_made_again_and_a_current_one_is_kept(tmp_path):
    checkout = tmp_path / "checkout"
    stale = fake_python(checkout / ".venv" / "bin" / "python", "3.11.7")
    (checkout / ".venv" / "made-by-3.11").touch()
    python3 = Path(sys.executable)
    setup = until_pip(command("launch-command"))

    result = run(setup, checkout, python3)
    assert result.returncode == 0, result.stderr
    assert not (checkout / ".venv" / "made-by-3.11").exists()
    assert not stale.with_name("python.was-asked").exists()
    made = subprocess.run([checkout / ".venv" / "bin" / "python", "-V"],
                          capture_output=True, text=True).stdout
    assert made == subprocess.run([python3, "-V"], capture_output=True, text=True).stdout

    (checkout / ".venv" / "ours").touch()
    result = run(setup, checkout, python3)
    assert result.returncode == 0, result.stderr
    assert (checkout / ".venv" / "ours").exists()

"""The type checker's ratchet: the package type-checks with the configuration in
pyproject.toml, and the UI's exemption list there only shrinks (every exempted error
code still occurs in its module; once fixed, the exemption must go)."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ERROR = re.compile(r"^(?P<path>trustdesk/\S+)\.py:\d+: error: .*\[(?P<code>[a-z-]+)\]$")

pytestmark = pytest.mark.slow


def mypy(*args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(cache), *args],
                          capture_output=True, text=True, cwd=ROOT, check=False)


def config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]


def exemptions() -> list[tuple[str, str]]:
    """(module, error code) for every code the configuration turns off in a module."""
    pairs = []
    for override in config().get("overrides", []):
        modules = override["module"]
        for module in [modules] if isinstance(modules, str) else modules:
            pairs += [(module, code) for code in override.get("disable_error_code", [])]
    return pairs


def ini_value(value: object) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, list):
        return ",".join(map(str, value))
    return str(value)


def config_without_exemptions() -> str:
    """pyproject's mypy configuration as a mypy.ini, minus the exemption list."""
    settings = config()
    lines = ["[mypy]"] + [f"{key} = {ini_value(value)}" for key, value in settings.items()
                          if key != "overrides"]
    for override in settings.get("overrides", []):
        rest = {k: v for k, v in override.items() if k not in ("module", "disable_error_code")}
        if not rest:
            continue
        modules = override["module"]
        lines.append(f"[mypy-{ini_value(modules)}]")
        lines += [f"{key} = {ini_value(value)}" for key, value in rest.items()]
    return "\n".join(lines) + "\n"


def test_the_package_type_checks(tmp_path):
    """A new type error anywhere fails here (and in CI's own mypy step)."""
    result = mypy(cache=tmp_path / "cache")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_exemption_is_still_needed(tmp_path):
    """Checking without the exemption list finds every exempted code in its module, so
    a module that was fixed has to leave the list: it only shrinks."""
    assert exemptions(), "no exemptions left: delete this test's list handling"
    ini = tmp_path / "mypy.ini"
    ini.write_text(config_without_exemptions(), encoding="utf-8")
    result = mypy("--config-file", str(ini), cache=tmp_path / "cache")
    found = set()
    for line in result.stdout.splitlines():
        match = ERROR.match(line)
        if match:
            module = match["path"].replace("/", ".").removesuffix(".__init__")
            found.add((module, match["code"]))
    unneeded = [pair for pair in exemptions() if pair not in found]
    assert not unneeded, f"no longer needed, remove from pyproject.toml: {unneeded}"


def test_the_ui_exemptions_name_modules_that_exist():
    for module, _code in exemptions():
        path = ROOT / Path(*module.split("."))
        assert path.with_suffix(".py").exists() or (path / "__init__.py").exists(), module

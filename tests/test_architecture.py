"""The layers stay honest: no Qt below the UI, no network code anywhere."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "trustdesk"
NETWORK_MODULES = ("socket", "ssl", "http", "urllib", "ftplib", "smtplib", "requests",
                   "asyncio", "xmlrpc", "PySide6.QtNetwork", "PySide6.QtWebEngineCore",
                   "PySide6.QtWebEngineWidgets", "PySide6.QtWebSockets")


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def modules_under(*parts: str) -> list[Path]:
    return sorted(PACKAGE.joinpath(*parts).rglob("*.py"))


@pytest.mark.parametrize("layer", ["domain", "storage"])
def test_domain_and_storage_never_import_qt(layer):
    for module in modules_under(layer):
        assert not any(name.startswith("PySide6") for name in imports_of(module)), module


def test_domain_never_imports_sql():
    for module in modules_under("domain"):
        assert not any(name.startswith(("sqlcipher3", "sqlite3")) for name in imports_of(module))


def test_no_module_imports_anything_that_can_reach_a_network():
    for module in modules_under():
        for name in imports_of(module):
            assert not any(name == bad or name.startswith(bad + ".") for bad in NETWORK_MODULES), (
                f"{module.relative_to(PACKAGE.parent)} imports {name}")


def loaded_after_importing(modules: str, prefix: str) -> str:
    """The modules starting with `prefix` that a fresh interpreter has loaded after
    `import <modules>` (a comma-separated list), as a printed sorted list."""
    code = (f"import sys, {modules}; "
            f"print(sorted(m for m in sys.modules if m.startswith({prefix!r})))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=PACKAGE.parent, check=True)
    return result.stdout.strip()


def test_importing_storage_loads_no_qt():
    assert loaded_after_importing("trustdesk.storage.store, trustdesk.cli", "PySide6") == "[]"

"""The layers stay honest: no Qt below the UI, no network code anywhere."""

from __future__ import annotations

import ast
import re
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


# -- circles of imports ---------------------------------------------------------------
def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(root: Path) -> dict[str, set[str]]:
    """Module -> the modules of the same package tree it imports, read with `ast`:
    top-level, lazy (inside functions) and type-only imports all count. `from P import
    m` names the module P.m when there is one, else P. An import of a module's own
    parent package is left out: Python imports parents first whatever the code says."""
    files = {module_name(path, root): path for path in root.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, *([base] if base else [])])
                for alias in node.names:
                    full = f"{base}.{alias.name}"
                    targets.add(full if full in files else base)
        ancestors = {".".join(name.split(".")[:n]) for n in range(1, name.count(".") + 1)}
        graph[name] = {target for target in targets
                       if target in files and target != name and target not in ancestors}
    return graph


def circles(graph: dict[str, set[str]], prefix: str) -> list[list[str]]:
    """The strongly connected groups of more than one module under `prefix` (Tarjan)."""
    nodes = [name for name in graph if name == prefix or name.startswith(prefix + ".")]
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph[node]:
            if target not in nodes:
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in nodes:
        if node not in index:
            visit(node)
    return found


def test_no_circle_of_imports_among_ui_modules():
    """The shell's modules once reached into each other (maintenance and recovery into
    the main window, which imported them back); no circle may come back."""
    assert circles(import_graph(PACKAGE), "trustdesk.ui") == []


def test_the_circle_finder_sees_lazy_and_type_only_imports(tmp_path):
    package = tmp_path / "app"
    (package / "ui").mkdir(parents=True)
    for init in (package / "__init__.py", package / "ui" / "__init__.py"):
        init.write_text("")
    (package / "ui" / "window.py").write_text(
        "def later():\n    from app.ui import jobs\n")
    (package / "ui" / "jobs.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
        "    from .window import Window\n")
    (package / "ui" / "page.py").write_text("from app.ui import window\n")
    assert circles(import_graph(package), "app.ui") == [["app.ui.jobs", "app.ui.window"]]


ARCHITECTURE_DOC = PACKAGE.parent / "docs" / "architecture.md"


def module_map() -> dict[str, set[str]]:
    """The "Module map" section of docs/architecture.md: package folder -> modules."""
    text = ARCHITECTURE_DOC.read_text(encoding="utf-8")
    section = text.split("\n## Module map\n", 1)[1].split("\n## ", 1)[0]
    bullets = re.split(r"\n- ", "\n" + section.split("\n- ", 1)[1])
    found: dict[str, set[str]] = {}
    for bullet in filter(None, bullets):
        package, *modules = re.findall(r"`([^`]+)`", bullet)
        assert package not in found, f"{package} is in the module map twice"
        found[package] = set(modules) - {"__init__.py"}
    return found


def test_the_module_map_names_every_package_and_module_and_nothing_else():
    on_disk: dict[str, set[str]] = {}
    for module in modules_under():
        folder = module.parent.relative_to(PACKAGE.parent).as_posix() + "/"
        on_disk.setdefault(folder, set())
        if module.name != "__init__.py":
            on_disk[folder].add(module.name)
    documented = module_map()
    assert sorted(set(on_disk) - set(documented)) == [], "packages missing from the map"
    assert sorted(set(documented) - set(on_disk)) == [], "the map names packages that aren't"
    for package, modules in on_disk.items():
        assert documented[package] == modules, (
            f"{package}: missing {sorted(modules - documented[package])}, "
            f"not there {sorted(documented[package] - modules)}")


def test_every_module_the_architecture_text_names_exists():
    """A path in backticks (`ui/shell/window.py`, `storage/backups/`) names a module
    or package from `trustdesk/` or the repository root; a bare file name
    (`gate.py`) names one somewhere in the package."""
    root = PACKAGE.parent
    names = {path.name for path in PACKAGE.rglob("*")} | {"__init__.py"}
    missing = []
    for token in set(re.findall(r"`([^`\s]+)`", ARCHITECTURE_DOC.read_text("utf-8"))):
        if not token.endswith((".py", "/")) or "*" in token:
            continue
        if "/" in token.rstrip("/"):
            if not (PACKAGE / token).exists() and not (root / token).exists():
                missing.append(token)
        elif token.rstrip("/") not in names and not (root / token).exists():
            missing.append(token)
    assert sorted(missing) == []


# Whole-journal work that only storage objects (JournalFolder, Store.backups, Rescue)
# may reach: the UI asks them, off its thread, and never holds the passphrase.
WHOLE_JOURNAL_MODULES = ("trustdesk.storage.rekey", "trustdesk.storage.restore",
                         "trustdesk.storage.erase", "trustdesk.storage.backups.snapshot")


def test_the_ui_reaches_whole_journal_work_only_through_storage_objects():
    for module in modules_under("ui"):
        names = imports_of(module)
        assert not [name for name in names if name.startswith(WHOLE_JOURNAL_MODULES)], module
        tree = ast.parse(module.read_text(encoding="utf-8"))
        reads = [node.lineno for node in ast.walk(tree)
                 if isinstance(node, ast.Attribute) and node.attr == "passphrase"
                 and isinstance(node.value, ast.Attribute | ast.Name)
                 and getattr(node.value, "attr", getattr(node.value, "id", "")).endswith(
                     "vault")]
        assert reads == [], f"{module.relative_to(PACKAGE.parent)} reads a vault's passphrase"


CLOCK_READS = {("date", "today"), ("datetime", "now"), ("datetime", "today"),
               ("QDate", "currentDate"), ("QDateTime", "currentDateTime")}


@pytest.mark.parametrize("layer", ["domain", "ui"])
def test_domain_and_ui_read_the_clock_only_through_domain_clock(layer):
    """`date.today`, `datetime.now` and Qt's current date are read in one place,
    `domain/clock.py`; everything else is given `now`/`today` (tests pass their own)."""
    found = []
    for module in modules_under(layer):
        if module == PACKAGE / "domain" / "clock.py":
            continue
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and (node.value.id, node.attr) in CLOCK_READS):
                found.append(f"{module.relative_to(PACKAGE)}:{node.lineno}")
    assert found == []

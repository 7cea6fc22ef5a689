"""The sample sources under tests/data/import/, written for these tests in the shapes
the real apps write (no third-party data), and a way to hand them to an importer
as storage would: files read into memory by relative path."""

from __future__ import annotations

from pathlib import Path

from trustdesk.domain.importers.common import Options, Source, SourceFile
from trustdesk.domain.importers.detect import read

DATA = Path(__file__).resolve().parent / "data" / "import"


def source_of(path: Path) -> Source:
    """A file or a folder as a Source (every file read; storage leaves media out)."""
    if path.is_file():
        return Source(path.name, "file", (SourceFile(path.name, path.read_bytes()),))
    files = tuple(SourceFile(one.relative_to(path).as_posix(), one.read_bytes())
                  for one in sorted(path.rglob("*")) if one.is_file())
    return Source(path.name, "folder", files)


def read_sample(relative: str, **options: object):
    """The Incoming for tests/data/import/<relative>, detected as the app would."""
    return read(source_of(DATA / relative), options=Options(**options))  # type: ignore[arg-type]


def by_day(incoming) -> dict[str, object]:
    return {entry.written_at.date().isoformat(): entry for entry in incoming.bundle.entries}

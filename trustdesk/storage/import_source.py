"""Reading what the person chose to import into memory: a file, a .zip or a folder.

Only text files an importer reads are read (.json, .csv, .txt, .md, .markdown,
.jrnl); photos and other files are counted, not read. Hidden files and folders,
and macOS's `__MACOSX` zip folder, are left out. The total read is capped at the
export size limit, so a huge folder or a zip bomb is refused before it fills memory.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from trustdesk.domain.exchange.codec import MAX_FILE_BYTES, check_size
from trustdesk.domain.exchange.fields import ImportProblem
from trustdesk.domain.importers.common import Source, SourceFile

READ_SUFFIXES = frozenset({".json", ".csv", ".txt", ".md", ".markdown", ".jrnl"})
MAX_FILES = 100_000
_TOO_BIG = (f"The text files in it come to more than {MAX_FILE_BYTES // (1024 * 1024)} MB, "
            "more than TrustDesk can import at once.")


def gather(path: Path) -> Source:
    """The source at `path`; raises ImportProblem when it can't be read."""
    path = Path(path)
    try:
        if path.is_dir():
            return _folder(path)
        if not path.exists():
            raise ImportProblem("The file isn't there any more.")
        if zipfile.is_zipfile(path):
            return _zip(path)
        if path.suffix.lower() == ".zip":
            raise ImportProblem("The zip can't be opened; it may be damaged or cut short. "
                                "Make the export again, or unzip it and import the folder.")
        check_size(path.stat().st_size)
        return Source(path.name, "file", (SourceFile(path.name, path.read_bytes()),))
    except ImportProblem:
        raise
    except OSError as exc:
        raise ImportProblem(f"TrustDesk couldn't read it "
                            f"({(exc.strerror or 'an error').lower()}).") from None


def _wanted(relative: str) -> bool:
    parts = relative.split("/")
    return not any(part.startswith(".") or part == "__MACOSX" for part in parts)


def _folder(root: Path) -> Source:
    files: list[SourceFile] = []
    skipped = total = 0
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in sorted(names):
            if name.startswith("."):
                continue
            full = Path(folder, name)
            relative = full.relative_to(root).as_posix()
            if full.suffix.lower() not in READ_SUFFIXES or not full.is_file():
                skipped += 1
                continue
            total += full.stat().st_size
            if total > MAX_FILE_BYTES or len(files) >= MAX_FILES:
                raise ImportProblem(_TOO_BIG)
            files.append(SourceFile(relative, full.read_bytes()))
    return Source(root.name, "folder", tuple(files), skipped)


def _zip(path: Path) -> Source:
    files: list[SourceFile] = []
    skipped = total = 0
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if info.is_dir() or not _wanted(info.filename):
                    continue
                if Path(info.filename).suffix.lower() not in READ_SUFFIXES:
                    skipped += 1
                    continue
                total += info.file_size
                if total > MAX_FILE_BYTES or len(files) >= MAX_FILES:
                    raise ImportProblem(_TOO_BIG)
                files.append(SourceFile(info.filename, archive.read(info)))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError) \
            as exc:
        raise ImportProblem(f"The zip can't be opened ({str(exc)[:80].lower()}); it may "
                            "be damaged or encrypted.") from None
    return Source(path.name, "zip", tuple(files), skipped)

"""Which format a source is in, and reading it: the one entry point for imports.

`read(source, format=None, options=...)` detects the format from the content (or
takes the one named by `format`) and returns an `Incoming`. A TrustDesk export is
all or nothing (it is a backup): its first problem raises ImportProblem. Other
apps' formats come in partially: what can't be read is listed in the report.
When nothing in the source is a format TrustDesk reads, ImportProblem says what
was found and what to do.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from trustdesk.domain.exchange import codec
from trustdesk.domain.exchange.fields import ImportProblem
from trustdesk.domain.importers import (
    daily_notes,
    daylio,
    dayone,
    jrnl_json,
    jrnl_text,
    rednotebook,
)
from trustdesk.domain.importers.common import (
    Collector,
    Options,
    Source,
    SourceFile,
    SourceReport,
    decode_text,
)

FORMATS = {
    "trustdesk": "a TrustDesk export",
    jrnl_json.NAME: "a jrnl journal (JSON export, text file or folder)",
    dayone.NAME: dayone.LABEL,
    daylio.NAME: daylio.LABEL,
    rednotebook.NAME: rednotebook.LABEL,
    daily_notes.NAME: daily_notes.LABEL,
}
FORMAT_NAMES = tuple(FORMATS)


def read(source: Source, *, format: str | None = None,
         options: Options | None = None) -> codec.Incoming:
    """The records in `source`, in the format detected (or forced by `format`)."""
    options = options or Options()
    if format is not None and format not in FORMATS:
        raise ImportProblem(f"TrustDesk doesn't know the format {format!r}; it reads "
                            f"{', '.join(FORMAT_NAMES)}.")
    found = detect(source)
    name = format or found
    if name is None:
        raise ImportProblem(_nothing_found(source))
    if name == "trustdesk":
        return _trustdesk(source)
    collector = _READERS[name](source, options)
    if format is not None and not (collector.entries or collector.skipped
                                   or collector.duplicates):
        if found is not None and found != format:
            raise ImportProblem(f"This {source.noun} holds no {_bare(format)}: it is "
                                f"{_label(found, source)}. Leave out --format to import "
                                "it as what it is.")
        raise ImportProblem(f"This {source.noun} holds no {_bare(format)}"
                            f"{_hint(source)}.")
    return codec.Incoming(name, codec.Bundle(entries=tuple(
        sorted(collector.entries, key=lambda entry: entry.written_at))),
        report=collector.report())


def detect(source: Source) -> str | None:
    """The format `source` is in, told from its content, or None."""
    for one, document in _json_documents(source):
        if isinstance(document, dict) and "format" in document:
            return "trustdesk"
        if dayone.looks_like_dayone(document):
            return "dayone"
        if jrnl_json.looks_like_jrnl(document):
            return "jrnl"
        del one
    if any(_csv_header(one) is not None for one in source.with_suffix(".csv")):
        return "daylio"
    months = rednotebook.month_files(source)
    if months and any(rednotebook.looks_like_month(_text(one)) for one, _y, _m in months):
        return "rednotebook"
    if jrnl_text.folder_files(source):
        return "jrnl"
    for one in source.with_suffix(".txt", ".jrnl", ""):
        if jrnl_text.looks_like_text(_text(one)):
            return "jrnl"
    if daily_notes.note_files(source):
        return "notes"
    return None


def _text(one: SourceFile) -> str:
    try:
        return decode_text(one.data[:4096] if len(one.data) > 4096 else one.data, one.path)
    except ImportProblem:
        return ""


def _csv_header(one: SourceFile) -> list[str] | None:
    first = _text(one).split("\n", 1)[0]
    header = next(csv.reader(io.StringIO(first)), [])
    return header if daylio.looks_like_daylio(header) else None


def _json_documents(source: Source) -> list[tuple[SourceFile, Any]]:
    """The JSON files of `source`, parsed. A single file's problem is raised (it was
    the file the person chose); in a zip or folder, JSON that isn't readable is left
    out (a Day One zip may hold other files)."""
    out = []
    for one in source.with_suffix(".json"):
        if one.path not in source.parsed:
            try:
                source.parsed[one.path] = codec.parse_json(one.data)
            except ImportProblem as problem:
                source.parsed[one.path] = problem
        document = source.parsed[one.path]
        if isinstance(document, ImportProblem):
            if source.kind == "file":
                raise document
            continue
        out.append((one, document))
    return out


def _trustdesk(source: Source) -> codec.Incoming:
    files = [one for one, document in _json_documents(source)
             if isinstance(document, dict) and "format" in document]
    if not files:
        raise ImportProblem(f"This {source.noun} holds no TrustDesk export.")
    if len(files) > 1:
        raise ImportProblem(f"This {source.noun} holds {len(files)} TrustDesk exports; "
                            "import them one file at a time.")
    return codec.decode(files[0].data)


def _read_jrnl(source: Source, _options: Options) -> Collector:
    collector = Collector(jrnl_json.LABEL)
    documents = [(one, document) for one, document in _json_documents(source)
                 if jrnl_json.looks_like_jrnl(document)]
    if documents:
        for _one, document in documents:
            jrnl_json.read_jrnl(document, collector)
        return collector
    if jrnl_text.folder_files(source):
        return jrnl_text.read(source, Collector(jrnl_text.FOLDER_LABEL))
    return jrnl_text.read(source, Collector(jrnl_text.LABEL))


def _read_dayone(source: Source, _options: Options) -> Collector:
    return dayone.read(source, _json_documents(source))


def _read_daylio(source: Source, options: Options) -> Collector:
    return daylio.read(source.with_suffix(".csv"), options,
                       prefix_paths=source.kind != "file")


def _read_rednotebook(source: Source, _options: Options) -> Collector:
    return rednotebook.read(source)


def _read_notes(source: Source, _options: Options) -> Collector:
    return daily_notes.read(source)


_READERS = {"jrnl": _read_jrnl, "dayone": _read_dayone, "daylio": _read_daylio,
            "rednotebook": _read_rednotebook, "notes": _read_notes}


def _label(name: str, source: Source) -> str:
    if name == "jrnl":
        if any(jrnl_json.looks_like_jrnl(doc) for _one, doc in _json_documents(source)):
            return jrnl_json.LABEL
        return jrnl_text.FOLDER_LABEL if jrnl_text.folder_files(source) else jrnl_text.LABEL
    return FORMATS[name]


def _bare(name: str) -> str:
    """ "Day One export", for "holds no Day One export" """
    label = FORMATS[name]
    return label.split(" ", 1)[1] if label.startswith(("a ", "an ")) else label


def _hint(source: Source) -> str:
    if not source.files:
        others = f"; {source.skipped_files:,} other files" if source.skipped_files else ""
        return f" (it has no text files TrustDesk reads: .json, .csv, .txt or .md{others})"
    return ""


def _nothing_found(source: Source) -> str:
    if source.kind == "zip":
        return ("This zip holds no export TrustDesk reads (no Day One Journal.json, Daylio "
                "CSV, RedNotebook month files, jrnl journal or daily notes)"
                f"{_hint(source)}. If it is one, unzip it and import the file inside, or "
                "name the format with --format.")
    if source.kind == "folder":
        return ("This folder holds nothing TrustDesk reads: no RedNotebook month files "
                "(YYYY-MM.txt), jrnl folder journal (YYYY/MM/DD.txt), daily notes "
                f"(YYYY-MM-DD….md) or exports{_hint(source)}.")
    one = source.files[0] if source.files else None
    if one is not None and one.suffix == ".json":
        return ("This file isn't a TrustDesk export, a jrnl JSON export or a Day One "
                "export, so TrustDesk can't tell what is in it.")
    if one is not None and one.suffix == ".csv":
        return ("This CSV file isn't a Daylio export: its first line should name the "
                "columns, like full_date,date,weekday,time,mood,activities,note.")
    return ("TrustDesk can't tell what this file is. It reads TrustDesk and jrnl JSON "
            "exports, Day One exports (.zip or .json), Daylio CSV exports, RedNotebook's "
            "data folder, jrnl text journals and folders of daily notes; name the format "
            "with --format if it is one of them.")


__all__ = ["FORMATS", "FORMAT_NAMES", "Options", "Source", "SourceReport", "detect", "read"]

"""Add a document language and bookmarks (an outline) to a PDF that Qt wrote.

Qt's PDF writer (QPdfWriter, Qt 6.12) writes neither: its catalog holds only
/Pages, /Names, /Metadata and /OutputIntents, and it has no tagged-PDF support at
all (no structure tree, no marked content), so screen readers fall back to the
page text. What a PDF reader needs for the language and the bookmarks panel can
be added after the fact with an *incremental update* (PDF 1.7, 7.5.6): the
original bytes stay untouched, and a new catalog, the outline objects, a small
cross-reference section and a trailer pointing back at the old one are appended.

`add_outline` is strict about what it reads (a classic cross-reference table, a
flat page tree, as Qt writes them); when the file looks any different it returns
the bytes unchanged, so the worst case is a PDF without bookmarks, never a broken
one. Pure bytes in, bytes out; safe on any thread.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypedDict

_REF = rb"(\d+)\s+(\d+)\s+R"


@dataclass(frozen=True)
class Bookmark:
    """One outline entry: `level` 1 is top level, 2 sits under the level 1 before
    it. `page` is 0-based; `top` is the heading's top in PDF points from the
    page's bottom edge."""

    level: int
    title: str
    page: int
    top: float


class _Unexpected(Exception):
    pass


def _text_string(text: str) -> bytes:
    """A PDF text string: UTF-16BE with a byte order mark, written in hex."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _xref_offsets(data: bytes, start: int) -> dict[int, int]:
    """Object number -> byte offset from the classic xref table at `start`."""
    if data[start:start + 4] != b"xref":
        raise _Unexpected("no classic cross-reference table")
    offsets: dict[int, int] = {}
    pos = start + 4
    header = re.compile(rb"\s*(\d+)\s+(\d+)\s*?\r?\n")
    while True:
        match = header.match(data, pos)
        if match is None:
            break
        first, count = int(match.group(1)), int(match.group(2))
        pos = match.end()
        for i in range(count):
            entry = data[pos:pos + 20]
            if len(entry) < 20 or entry[17:18] not in (b"n", b"f"):
                raise _Unexpected("bad cross-reference entry")
            if entry[17:18] == b"n":
                offsets[first + i] = int(entry[:10])
            pos += 20
    if not data[pos:].lstrip().startswith(b"trailer"):
        raise _Unexpected("no trailer after the table")
    return offsets


def _object(data: bytes, offsets: dict[int, int], number: int) -> bytes:
    """The dictionary text of object `number` (between its first << and the
    matching >>)."""
    if number not in offsets:
        raise _Unexpected(f"object {number} is not in the table")
    pos = offsets[number]
    head = re.compile(rb"%d\s+0\s+obj\s*" % number)
    match = head.match(data, pos)
    if match is None or data[match.end():match.end() + 2] != b"<<":
        raise _Unexpected(f"object {number} is not a dictionary")
    depth, i = 0, match.end()
    while i < len(data) - 1:
        pair = data[i:i + 2]
        if pair == b"<<":
            depth += 1
            i += 2
            continue
        if pair == b">>":
            depth -= 1
            i += 2
            if depth == 0:
                return data[match.end() + 2:i - 2]
            continue
        if data[i:i + 6] == b"stream" or data[i:i + 6] == b"endobj":
            break
        i += 1
    raise _Unexpected(f"object {number} does not end")


def _entry(dictionary: bytes, key: bytes) -> re.Match[bytes] | None:
    return re.search(rb"/" + key + rb"(?![A-Za-z0-9])\s*", dictionary)


class _Trailer(TypedDict):
    size: int
    root: int
    xref: int
    info: bytes
    id: bytes


def _catalog_and_pages(data: bytes) -> tuple[_Trailer, dict[int, int], bytes, list[int]]:
    tail = data[-1024:]
    found = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", tail)
    if found is None:
        raise _Unexpected("no startxref at the end")
    xref_at = int(found.group(1))
    trailer_at = data.rfind(b"trailer", xref_at)
    if trailer_at < 0:
        raise _Unexpected("no trailer")
    trailer = data[trailer_at:len(data) - len(tail) + found.start()]
    if _entry(trailer, b"Prev") or _entry(trailer, b"Encrypt"):
        raise _Unexpected("already updated or encrypted")
    size = re.search(rb"/Size\s+(\d+)", trailer)
    root = re.search(rb"/Root\s+" + _REF, trailer)
    if size is None or root is None:
        raise _Unexpected("trailer without /Size or /Root")
    info = re.search(rb"/Info\s+" + _REF, trailer)
    ids = re.search(rb"/ID\s*(\[[^\]]*\])", trailer)
    offsets = _xref_offsets(data, xref_at)
    catalog_number = int(root.group(1))
    catalog = _object(data, offsets, catalog_number)
    for key in (b"Outlines", b"Lang", b"StructTreeRoot", b"PageMode"):
        if _entry(catalog, key):
            raise _Unexpected(f"catalog already has /{key.decode()}")
    pages_ref = re.search(rb"/Pages\s+" + _REF, catalog)
    if pages_ref is None:
        raise _Unexpected("catalog without /Pages")
    pages = _object(data, offsets, int(pages_ref.group(1)))
    kids = re.search(rb"/Kids\s*\[([^\]]*)\]", pages)
    count = re.search(rb"/Count\s+(\d+)", pages)
    if kids is None or count is None:
        raise _Unexpected("page tree without /Kids or /Count")
    page_numbers = [int(m.group(1)) for m in re.finditer(_REF, kids.group(1))]
    if len(page_numbers) != int(count.group(1)):
        raise _Unexpected("page tree is not flat")
    for number in page_numbers:
        if not re.search(rb"/Type\s*/Page(?![A-Za-z])", _object(data, offsets, number)):
            raise _Unexpected("a kid is not a page")
    trailer_info: _Trailer = {"size": int(size.group(1)), "root": catalog_number, "xref": xref_at,
                                "info": info.group(0) if info else b"",
                                "id": ids.group(0) if ids else b""}
    return trailer_info, offsets, catalog, page_numbers


def _tree(bookmarks: Sequence[Bookmark]) -> list[tuple[Bookmark, list[Bookmark]]]:
    """Level 1 entries with the level 2 entries under each; a level 2 entry with
    nothing above it becomes level 1."""
    tree: list[tuple[Bookmark, list[Bookmark]]] = []
    for mark in bookmarks:
        if mark.level > 1 and tree:
            tree[-1][1].append(mark)
        else:
            tree.append((mark, []))
    return tree


def add_outline(data: bytes, bookmarks: Sequence[Bookmark], *, language: str,
                open_bookmarks: bool = True) -> bytes:
    """`data` with /Lang `language`, the title shown in the window bar, and
    `bookmarks` as its outline, appended as an incremental update. Returns `data`
    unchanged when it isn't laid out the way Qt writes PDFs."""
    try:
        return _update(data, bookmarks, language=language, open_bookmarks=open_bookmarks)
    except (_Unexpected, ValueError):
        return data


def _update(data: bytes, bookmarks: Sequence[Bookmark], *, language: str,
            open_bookmarks: bool) -> bytes:
    trailer, _offsets, catalog, pages = _catalog_and_pages(data)
    marks = [m for m in bookmarks if 0 <= m.page < len(pages) and m.title.strip()]
    next_number = trailer["size"]
    assert isinstance(next_number, int)
    objects: dict[int, bytes] = {}

    def dest(mark: Bookmark) -> bytes:
        return b"[%d 0 R /XYZ null %.2f null]" % (pages[mark.page], mark.top)

    extra = b"/Lang " + _text_string(language) + b"\n"
    extra += b"/ViewerPreferences << /DisplayDocTitle true >>\n"
    if marks:
        root = next_number
        tree = _tree(marks)
        numbers: dict[int, int] = {}
        number = root + 1
        for mark, children in tree:
            numbers[id(mark)] = number
            number += 1
            for child in children:
                numbers[id(child)] = number
                number += 1
        next_number = number

        def item(mark: Bookmark, parent: int, siblings: list[Bookmark], at: int,
                 children: list[Bookmark]) -> bytes:
            out = b"<< /Title " + _text_string(" ".join(mark.title.split()))
            out += b" /Parent %d 0 R /Dest " % parent + dest(mark)
            if at > 0:
                out += b" /Prev %d 0 R" % numbers[id(siblings[at - 1])]
            if at < len(siblings) - 1:
                out += b" /Next %d 0 R" % numbers[id(siblings[at + 1])]
            if children:
                out += b" /First %d 0 R /Last %d 0 R /Count -%d" % (
                    numbers[id(children[0])], numbers[id(children[-1])], len(children))
            return out + b" >>"

        tops = [mark for mark, _ in tree]
        for at, (mark, children) in enumerate(tree):
            objects[numbers[id(mark)]] = item(mark, root, tops, at, children)
            for child_at, child in enumerate(children):
                objects[numbers[id(child)]] = item(child, numbers[id(mark)], children,
                                                   child_at, [])
        objects[root] = b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>" % (
            numbers[id(tops[0])], numbers[id(tops[-1])], len(tops))
        extra += b"/Outlines %d 0 R\n" % root
        if open_bookmarks:
            extra += b"/PageMode /UseOutlines\n"
    catalog_number = trailer["root"]
    assert isinstance(catalog_number, int)
    objects[catalog_number] = b"<<" + catalog.rstrip() + b"\n" + extra + b">>"

    out = bytearray(data)
    if not out.endswith(b"\n"):
        out += b"\n"
    where: dict[int, int] = {}
    for number in sorted(objects):
        where[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n"
    numbers_sorted = sorted(where)
    runs: list[list[int]] = []
    for number in numbers_sorted:
        if runs and runs[-1][-1] + 1 == number:
            runs[-1].append(number)
        else:
            runs.append([number])
    for run in runs:
        out += b"%d %d\n" % (run[0], len(run))
        for number in run:
            out += b"%010d 00000 n \n" % where[number]
    out += b"trailer\n<< /Size %d /Root %d 0 R " % (max(next_number, trailer["size"]),
                                                    catalog_number)
    out += trailer["info"] + b" " + trailer["id"]
    out += b" /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (trailer["xref"], xref_at)
    return bytes(out)

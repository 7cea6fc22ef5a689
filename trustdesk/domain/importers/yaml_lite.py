"""The part of YAML that journal files use, read without a YAML library.

RedNotebook writes its month files with PyYAML (`yaml.dump(..., allow_unicode=True)`),
block style since PyYAML 5.1 and flow style (`{text: '...'}`) before; daily notes
carry small front matter (`tags: [a, b]` or a `- item` list, `mood: 7`). This reads
block mappings and sequences, flow mappings and sequences, plain, single- and
double-quoted scalars over several lines (folded as YAML folds them), and `|` / `>`
block scalars. Not read: anchors, aliases, tags (`!!python/...`), multiple documents;
they raise YamlProblem, as does anything malformed. Scalars stay text, except
`null`/`~`/empty (None), whole numbers (int) and `true`/`false`.
"""

from __future__ import annotations

import re
from typing import Any

_INT = re.compile(r"^[-+]?[0-9]+$")
_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v",
            "f": "\f", "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\",
            "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029"}


class YamlProblem(ValueError):
    """The text isn't YAML of the kind this reader takes; the message says where."""


def load(text: str) -> Any:
    """The one document in `text`."""
    reader = _Reader(text.replace("\r\n", "\n").replace("\r", "\n"))
    reader.skip_blank()
    if reader.at_end():
        return None
    if reader.text.startswith("---", reader.pos):
        reader.pos += 3
        reader.skip_blank()
    value = reader.block(0)
    reader.skip_blank()
    if not reader.at_end() and not reader.text.startswith("...", reader.pos):
        raise reader.problem("unexpected text")
    return value


def scalar(text: str) -> Any:
    text = text.strip(" \t")
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    if _INT.match(text):
        return int(text)
    return text


def _fold(lines: list[str]) -> str:
    """YAML line folding: a single line break is a space, each empty line a newline."""
    out, blanks = "", 0
    for number, line in enumerate(lines):
        if number == 0:
            out = line
            continue
        if line == "" and number < len(lines) - 1:
            blanks += 1
            continue
        out += ("\n" * blanks if blanks else " ") + line
        blanks = 0
    return out


class _Reader:
    def __init__(self, text: str) -> None:
        self.text, self.pos = text, 0

    def problem(self, what: str) -> YamlProblem:
        line = self.text.count("\n", 0, self.pos) + 1
        return YamlProblem(f"{what} on line {line}")

    def at_end(self) -> bool:
        return self.pos >= len(self.text)

    def skip_blank(self) -> None:
        """Past blank and comment-only lines, to the start of the next content line."""
        while not self.at_end():
            end = self.text.find("\n", self.pos)
            end = len(self.text) if end < 0 else end
            line = self.text[self.pos:end].strip(" \t")
            if line and not line.startswith("#"):
                return
            self.pos = end + 1

    def indent(self) -> int:
        start = self.pos
        while start < len(self.text) and self.text[start] == " ":
            start += 1
        return start - self.pos

    def line_rest(self) -> str:
        end = self.text.find("\n", self.pos)
        return self.text[self.pos:len(self.text) if end < 0 else end]

    def next_line(self) -> None:
        end = self.text.find("\n", self.pos)
        self.pos = len(self.text) if end < 0 else end + 1

    # -- block structure ------------------------------------------------------------
    def block(self, minimum: int) -> Any:
        self.skip_blank()
        if self.at_end():
            return None
        indent = self.indent()
        if indent < minimum:
            return None
        rest = self.text[self.pos + indent:]
        if rest.startswith(("&", "*", "!", "%")):
            raise self.problem("anchors, aliases and tags aren't read")
        if rest.startswith("- ") or rest.startswith("-\n") or rest == "-":
            return self.sequence(indent)
        if rest.startswith(("{", "[", "'", '"')) and not self._is_key_line():
            self.pos += indent
            value = self.inline_value(indent - 1)
            return value
        return self.mapping(indent)

    def _is_key_line(self) -> bool:
        line = self.line_rest().strip(" \t")
        if line[:1] not in ("'", '"'):
            return False
        quote, index = line[0], 1
        while index < len(line):
            if line[index] == "\\" and quote == '"':
                index += 2
                continue
            if line[index] == quote:
                if quote == "'" and line[index + 1:index + 2] == "'":
                    index += 2
                    continue
                return line[index + 1:].lstrip(" \t").startswith(":")
            index += 1
        return False

    def _at_dash(self) -> bool:
        return self.text[self.pos:self.pos + 2] in ("- ", "-\n", "-")  # "-" only at the end

    def sequence(self, indent: int) -> list[Any]:
        items: list[Any] = []
        while True:
            self.skip_blank()
            if self.at_end() or self.indent() != indent:
                return items
            self.pos += indent
            if not self._at_dash():
                self.pos -= indent
                return items
            self.pos -= indent
            self.pos += indent + 1
            if self.text[self.pos:self.pos + 1] == " ":
                self.pos += 1
                while self.text[self.pos:self.pos + 1] == " ":
                    self.pos += 1
            if self.text[self.pos:self.pos + 1] in ("\n", ""):
                self.next_line()
                items.append(self.block(indent + 1))
            elif self._starts_mapping():
                column = self.pos - self.text.rfind("\n", 0, self.pos) - 1
                items.append(self.mapping(column, first_inline=True))
            else:
                items.append(self.inline_value(indent))

    def _starts_mapping(self) -> bool:
        line = self.line_rest()
        if line[:1] in ("'", '"', "{", "["):
            return self._is_key_line()
        return re.match(r"^[^#:\s][^:]*:(\s|$)", line) is not None

    def key(self) -> Any:
        line = self.line_rest()
        if line[:1] in ("'", '"'):
            value = self.quoted()
            rest = self.line_rest()
            if not rest.lstrip(" \t").startswith(":"):
                raise self.problem("a key must be followed by ':'")
            self.pos += len(rest) - len(rest.lstrip(" \t")) + 1
            return value
        match = re.match(r"^(.*?):(?:\s|$)", line)
        if match is None:
            raise self.problem("expected 'key: value'")
        self.pos += match.end(1) + 1
        return scalar(match[1])

    def mapping(self, indent: int, *, first_inline: bool = False) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first = first_inline
        while True:
            if not first:
                self.skip_blank()
                if self.at_end() or self.indent() != indent:
                    return result
                self.pos += indent
                if self._at_dash():
                    self.pos -= indent
                    return result
            first = False
            key = self.key()
            if isinstance(key, list | dict):
                raise self.problem("complex keys aren't read")
            while self.text[self.pos:self.pos + 1] == " ":
                self.pos += 1
            if self.text[self.pos:self.pos + 1] in ("\n", "") or \
                    self.text[self.pos:self.pos + 1] == "#":
                self.next_line()
                self.skip_blank()
                if not self.at_end() and self.indent() == indent and \
                        self.text[self.pos + indent:self.pos + indent + 2] in ("- ", "-\n"):
                    result[key] = self.sequence(indent)
                else:
                    result[key] = self.block(indent + 1)
            else:
                result[key] = self.inline_value(indent)

    # -- values on a line -----------------------------------------------------------
    def inline_value(self, indent: int) -> Any:
        char = self.text[self.pos:self.pos + 1]
        if char in ("'", '"'):
            value = self.quoted()
            self._end_of_line()
            return value
        if char in ("{", "["):
            value = self.flow()
            self._end_of_line()
            return value
        if char in ("|", ">"):
            return self.block_scalar(indent, folded=char == ">")
        if char in ("&", "*", "!"):
            raise self.problem("anchors, aliases and tags aren't read")
        return self.plain(indent)

    def _end_of_line(self) -> None:
        rest = self.line_rest().strip(" \t")
        if rest and not rest.startswith("#"):
            raise self.problem("unexpected text after a value")
        self.next_line()

    def plain(self, indent: int) -> Any:
        first = self.line_rest()
        comment = first.find(" #")
        lines = [(first[:comment] if comment >= 0 else first).strip(" \t")]
        self.next_line()
        while not self.at_end():
            line = self.line_rest()
            if line.strip(" \t") == "":
                lines.append("")
                self.next_line()
                continue
            if self.indent() <= indent or line.strip(" \t").startswith("#"):
                break
            lines.append(line.strip(" \t"))
            self.next_line()
        while len(lines) > 1 and lines[-1] == "":
            lines.pop()
        if len(lines) == 1:
            return scalar(lines[0])
        return _fold(lines)

    def quoted(self) -> str:
        quote = self.text[self.pos]
        self.pos += 1
        raw_lines: list[str] = []
        current: list[str] = []
        while True:
            if self.at_end():
                raise self.problem("a quoted text never ends")
            char = self.text[self.pos]
            if char == quote:
                if quote == "'" and self.text[self.pos + 1:self.pos + 2] == "'":
                    current.append("'")
                    self.pos += 2
                    continue
                self.pos += 1
                break
            if char == "\\" and quote == '"':
                following = self.text[self.pos + 1:self.pos + 2]
                if following == "\n":           # an escaped line break joins lines
                    self.pos += 2
                    while self.text[self.pos:self.pos + 1] == " ":
                        self.pos += 1
                    current.append("\x00JOIN")
                    continue
                if following in ("x", "u", "U"):
                    size = {"x": 2, "u": 4, "U": 8}[following]
                    digits = self.text[self.pos + 2:self.pos + 2 + size]
                    try:
                        current.append(chr(int(digits, 16)))
                    except ValueError:
                        raise self.problem("a bad escape in quoted text") from None
                    self.pos += 2 + size
                    continue
                if following not in _ESCAPES:
                    raise self.problem("a bad escape in quoted text")
                current.append(_ESCAPES[following])
                self.pos += 2
                continue
            if char == "\n":
                raw_lines.append("".join(current))
                current = []
                self.pos += 1
                while self.text[self.pos:self.pos + 1] in (" ", "\t"):
                    self.pos += 1
                continue
            current.append(char)
            self.pos += 1
        raw_lines.append("".join(current))
        if len(raw_lines) == 1:
            return raw_lines[0].replace("\x00JOIN", "")
        stripped = [line.rstrip(" \t") if n < len(raw_lines) - 1 else line
                    for n, line in enumerate(raw_lines)]
        folded = _fold(stripped)
        return folded.replace(" \x00JOIN", "").replace("\x00JOIN", "")

    def flow(self) -> Any:
        opening = self.text[self.pos]
        self.pos += 1
        closing = "}" if opening == "{" else "]"
        result: Any = {} if opening == "{" else []
        while True:
            self._skip_flow_space()
            if self.at_end():
                raise self.problem(f"a {opening}…{closing} never ends")
            if self.text[self.pos] == closing:
                self.pos += 1
                return result
            if opening == "{":
                key = self._flow_item(key=True)
                self._skip_flow_space()
                if self.text[self.pos:self.pos + 1] == ":":
                    self.pos += 1
                    self._skip_flow_space()
                    value = self._flow_item()
                else:
                    value = None
                result[key] = value
            else:
                result.append(self._flow_item())
            self._skip_flow_space()
            if self.text[self.pos:self.pos + 1] == ",":
                self.pos += 1
            elif self.text[self.pos:self.pos + 1] != closing:
                raise self.problem(f"expected ',' or '{closing}'")

    def _skip_flow_space(self) -> None:
        while not self.at_end() and self.text[self.pos] in " \t\n":
            self.pos += 1

    def _flow_item(self, *, key: bool = False) -> Any:
        char = self.text[self.pos:self.pos + 1]
        if char in ("'", '"'):
            return self.quoted()
        if char in ("{", "["):
            return self.flow()
        stops = ",]}" if not key else ",}"
        start = self.pos
        lines: list[str] = []
        while not self.at_end():
            char = self.text[self.pos]
            if char in stops or (char == ":" and self.text[self.pos + 1:self.pos + 2]
                                 in (" ", "\n", ",", "}", "]", "")):
                break
            self.pos += 1
        lines = [line.strip(" \t") for line in self.text[start:self.pos].split("\n")]
        return scalar(_fold(lines))

    def block_scalar(self, indent: int, *, folded: bool) -> str:
        header = self.line_rest()[1:].strip(" \t")
        chomp = "-" if "-" in header else "+" if "+" in header else ""
        self.next_line()
        lines: list[str] = []
        block_indent: int | None = None
        while not self.at_end():
            line = self.line_rest()
            if line.strip(" \t") == "":
                lines.append("")
                self.next_line()
                continue
            current = self.indent()
            if block_indent is None:
                block_indent = current
            if current < block_indent or current <= indent:
                break
            lines.append(line[block_indent:])
            self.next_line()
        trailing = 0
        while lines and lines[-1] == "":
            lines.pop()
            trailing += 1
        body = _fold(lines) if folded else "\n".join(lines)
        if chomp == "-" or not lines:
            return body
        return body + ("\n" * (trailing + 1) if chomp == "+" else "\n")

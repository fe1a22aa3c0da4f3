"""Safe reading of routine text into a YAML node tree, with every position kept."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode

from tui.services.loader.errors import Reporter

#: The C loader is much faster; both are the safe ones that build only plain values.
LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 1024 * 1024
#: A routine needs four levels (routine, exercise list, exercise, breath); anything far
#: deeper is hostile or broken, and PyYAML's composer recurses once per level.
MAX_DEPTH = 32

EMPTY_FILE = "expected a routine mapping with 'name' and 'exercises'; the file is empty"
TOO_LARGE = "the file is larger than 1 MiB (1,048,576 bytes), the limit for a routine"

# Same set PyYAML's reader refuses; checking first gives a precise position for it and
# keeps lone surrogates away from libyaml's UTF-8 encoding.
_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
#: Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): they
#: make text show in another order than it is stored, so a routine could read one way on
#: screen and another in review. Refused like the control characters they are.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
#: In a value after YAML's escapes ("\u001b", "\a", "\u202e" in double quotes): control
#: characters other than tab and line breaks, C1 controls and the bidirectional ones. An
#: escape sequence reaching the terminal could ring, recolour or retitle it.
_UNSAFE_IN_VALUE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def unsafe_character(value: str) -> str | None:
    """The first character of a parsed text value that must not reach a screen, as
    "the control character U+001B"; None when there is none."""
    bad = _UNSAFE_IN_VALUE.search(value)
    if bad is None:
        return None
    kind = "bidirectional control character" if _BIDI.match(bad.group()) else "control character"
    return f"the {kind} U+{ord(bad.group()):04X}"
_TAG_PREFIX = "tag:yaml.org,2002:"
_NO_ANCHORS = "routines don't use anchors or aliases, write the value out"
_NO_TAGS = "routines don't use YAML tags, quote the value instead"
_SAFE = SafeConstructor()
_NUMBER_TAGS = {_TAG_PREFIX + "int", _TAG_PREFIX + "float"}
# Longer number texts are never sensible here, and sexagesimal ints cost quadratic time.
_MAX_NUMBER_TEXT = 64


def position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``text[index]``, counting line breaks as YAML does."""
    line, start = 1, 0
    for match in _BREAKS.finditer(text, 0, index):
        line, start = line + 1, match.end()
    return line, index - start + 1


def read_file(path: Path, rep: Reporter) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        rep.whole_file(f"cannot read: {exc.strerror or exc}")
        return None
    return data


def decode(data: str | bytes, rep: Reporter) -> str | None:
    """The text to parse, or None after reporting why there is none."""
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            rep.at_line(1, 1, "", TOO_LARGE)
            return None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            before = data[: exc.start].decode("utf-8", "replace")
            line, column = position(before, len(before))
            rep.at_line(line, column, "", f"expected UTF-8 text; found the byte 0x{data[exc.start]:02x}")
            return None
    else:
        text = data
        if len(text) > MAX_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
            rep.at_line(1, 1, "", TOO_LARGE)
            return None
    text = text.removeprefix("\ufeff")
    found = [m for m in (_NON_PRINTABLE.search(text), _BIDI.search(text)) if m]
    if found:
        bad = min(found, key=lambda m: m.start())
        line, column = position(text, bad.start())
        code = f"U+{ord(bad.group()):04X}"
        kind = "bidirectional control character" if _BIDI.match(bad.group()) else "control character"
        rep.at_line(line, column, "", f"expected plain text; found the {kind} {code}")
        return None
    return text


def _yaml_problem(exc: yaml.YAMLError, rep: Reporter, text: str = "") -> None:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    tab = _indenting_tab(text, mark.line) if mark is not None else None
    if mark is not None and tab is not None:
        # PyYAML's own words ("cannot start any token") do not say what is wrong.
        rep.at_line(mark.line + 1, tab + 1, "", "YAML indents with spaces; this line is indented with a tab")
        return
    if isinstance(exc, yaml.MarkedYAMLError):
        message = f"invalid YAML: {exc.problem}"
        if exc.context and exc.context_mark is not None:
            message += f" ({exc.context} on line {exc.context_mark.line + 1})"
        rep.at(exc.problem_mark or exc.context_mark, "", message)
    else:
        rep.at(None, "", f"invalid YAML: {exc}")


def _indenting_tab(text: str, line: int) -> int | None:
    """0-based column of a tab in the indentation of ``line`` (0-based), or None."""
    lines = text.splitlines()
    if not 0 <= line < len(lines):
        return None
    row = lines[line]
    indent = row[: len(row) - len(row.lstrip(" \t"))]
    return indent.index("\t") if "\t" in indent else None


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG_PREFIX) :] if tag.startswith(_TAG_PREFIX) else tag


def _screen_events(text: str, rep: Reporter) -> bool:
    """Refuse what the node walk can't safely handle, before composing anything.

    Aliases are the billion-laughs vector, and routines never need them; depth is
    limited because the composer recurses; a second document would be silently lost.
    """
    depth, documents = 0, 0
    try:
        for event in yaml.parse(text, Loader=LOADER):
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    rep.at(event.start_mark, "", "found a second YAML document; a routine file holds exactly one")
                    return False
            elif isinstance(event, yaml.AliasEvent):
                rep.at(event.start_mark, "", f"found the alias '*{event.anchor}'; {_NO_ANCHORS}")
                return False
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            elif isinstance(event, yaml.NodeEvent):
                if event.anchor is not None:
                    rep.at(event.start_mark, "", f"found the anchor '&{event.anchor}'; {_NO_ANCHORS}")
                    return False
                tag = getattr(event, "tag", None)
                if tag is not None:
                    rep.at(event.start_mark, "", f"found the tag '{_short_tag(tag)}'; {_NO_TAGS}")
                    return False
                if isinstance(event, yaml.CollectionStartEvent):
                    depth += 1
                    if depth > MAX_DEPTH:
                        rep.at(event.start_mark, "", f"expected at most {MAX_DEPTH} levels of nesting; found more")
                        return False
    except yaml.YAMLError as exc:
        _yaml_problem(exc, rep, text)
        return False
    except RecursionError:
        rep.at(None, "", "the document is nested too deeply to read")
        return False
    if documents == 0:
        rep.at_line(1, 1, "", EMPTY_FILE)
        return False
    return True


def compose(text: str, rep: Reporter) -> Node | None:
    """The document's root node, or None after reporting why there is none."""
    if not _screen_events(text, rep):
        return None
    try:
        node = yaml.compose(text, Loader=LOADER)
    except yaml.YAMLError as exc:
        _yaml_problem(exc, rep, text)
        return None
    except RecursionError:
        rep.at(None, "", "the document is nested too deeply to read")
        return None
    if node is None:
        rep.at_line(1, 1, "", EMPTY_FILE)
    return node


def plain(node: ScalarNode) -> object:
    """The scalar's value as the safe loader would build it: None, bool, int, float or str."""
    tag = node.tag
    try:
        if tag in _NUMBER_TAGS and len(node.value) > _MAX_NUMBER_TEXT:
            return node.value
        if tag == _TAG_PREFIX + "null":
            return None
        if tag == _TAG_PREFIX + "bool":
            return _SAFE.construct_yaml_bool(node)
        if tag == _TAG_PREFIX + "int":
            return _SAFE.construct_yaml_int(node)
        if tag == _TAG_PREFIX + "float":
            return _SAFE.construct_yaml_float(node)
    except (ValueError, ArithmeticError):
        pass
    # Timestamps, merge keys and anything else stay as the text the user wrote.
    return str(node.value)


def clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def quote(text: str) -> str:
    return "'" + clip(text).replace("\n", "\\n") + "'"


def describe(node: Node | None) -> str:
    """What a 'found ...' clause says about a node."""
    if node is None:
        return "nothing"
    if isinstance(node, MappingNode):
        return "a mapping"
    if not isinstance(node, ScalarNode):
        return "a list"
    value = plain(node)
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the true/false value {clip(node.value)}"
    if isinstance(value, (int, float)):
        return clip(node.value)
    return quote(str(value))


def join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def suggest(word: str, choices: list[str] | tuple[str, ...]) -> str:
    """A "; did you mean 'x'?" clause, or nothing when no choice is close."""
    if len(word) > 40:
        return ""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


# Words people reach for instead of the real keys; difflib alone would miss or misfire.
_KEY_HINTS = {
    "desc": "description", "title": "name", "version": "lumbar", "countdown": "prepare",
    "duration": "hold", "time": "hold", "seconds": "hold", "repeat": "reps", "repeats": "reps",
    "repetitions": "reps", "count": "reps", "side": "sides", "set": "sets", "notes": "cue",
    "instructions": "cue", "instruction": "cue", "posture": "position",
    "breathing": "breath", "tag": "tags", "stop": "stop_if", "warnings": "stop_if",
    "circuits": "rounds", "repeat_all": "rounds", "exhale_hold": "hold_out",
}


def _key_hint(key: str, allowed: tuple[str, ...]) -> tuple[str, str | None]:
    """The clause to add, and the key it suggests (None when it only lists them)."""
    hint = _KEY_HINTS.get(key.strip().lower().replace(" ", "_").replace("-", "_"))
    if hint not in allowed and len(key) <= 40:
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = close[0] if close else None
    if hint in allowed:
        return f"; did you mean '{hint}'?", hint
    return f"; expected one of {', '.join(allowed)}", None


def entries(
    node: MappingNode, path: str, allowed: tuple[str, ...], rep: Reporter
) -> dict[str, tuple[Node, Node]]:
    """Key name -> (key node, value node), reporting bad, unknown and duplicate keys.

    The first of duplicated keys wins; PyYAML would silently keep the last.
    """
    found: dict[str, tuple[Node, Node]] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            rep.at(key_node, path, f"expected a key name; found {describe(key_node)}")
            continue
        key = str(key_node.value)
        if key in found:
            first = found[key][0].start_mark.line + 1
            rep.at(key_node, path, f"duplicate key {quote(key)}, first given on line {first}")
            continue
        if key not in allowed:
            hint, meant = ("", None) if rep.flooded else _key_hint(key, allowed)
            if meant is not None:
                rep.meant.add((path, meant))
            rep.at(key_node, path, f"unknown key {quote(key)}{hint}")
            continue
        found[key] = (key_node, value_node)
    return found

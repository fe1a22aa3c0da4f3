"""The editor schema is valid JSON and agrees with what the loader accepts."""

from __future__ import annotations

import json
import re
from typing import Any, cast

import pytest

from tui.engine.routine.model import BREATH_PRESETS, Position
from tui.services.loader import (
    BREATH_KEYS, EASIER_KEYS, EXERCISE_KEYS, RANGE_KEYS, REST_KEYS, ROUTINE_KEYS, TEMPO_KEYS, parse_duration,
)
from tui.services.loader.schema import schema_text


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return cast(dict[str, Any], json.loads(schema_text()))


def test_is_draft_2020_12(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["type"] == "object" and schema["additionalProperties"] is False
    assert set(schema["required"]) == {"name", "exercises"}


def test_every_ref_resolves(schema: dict[str, Any]) -> None:
    refs = re.findall(r'"\$ref": "#/\$defs/([^"]+)"', schema_text())
    assert refs and all(ref in schema["$defs"] for ref in refs)


@pytest.mark.parametrize(
    ("where", "keys"),
    [((), ROUTINE_KEYS), (("$defs", "exercise"), EXERCISE_KEYS), (("$defs", "easier"), EASIER_KEYS),
     (("$defs", "breathMapping"), BREATH_KEYS), (("$defs", "tempoMapping"), TEMPO_KEYS),
     (("$defs", "repsRange"), RANGE_KEYS), (("$defs", "setsRange"), RANGE_KEYS),
     (("$defs", "holdRange"), RANGE_KEYS)],
)
def test_keys_match_the_loader(schema: dict[str, Any], where: tuple[str, ...], keys: tuple[str, ...]) -> None:
    node = schema
    for part in where:
        node = node[part]
    assert set(node["properties"]) == set(keys)
    assert node["additionalProperties"] is False


def test_rest_keys_match(schema: dict[str, Any]) -> None:
    rest = [rule["then"] for rule in schema["$defs"]["exercise"]["allOf"] if rule["if"]["required"] == ["rest"]]
    assert set(rest[0]["propertyNames"]["enum"]) == set(REST_KEYS)


def test_every_property_is_described(schema: dict[str, Any]) -> None:
    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.get("properties", {}).items():
                ref = value.get("$ref", "")
                target = schema["$defs"][ref.split("/")[-1]] if ref else value
                assert value.get("description") or target.get("description"), key
            for value in node.values():
                walk(value)
    walk(schema)


def test_enums_match_the_model(schema: dict[str, Any]) -> None:
    assert schema["$defs"]["position"]["enum"] == [p.value for p in Position]
    assert schema["$defs"]["preset"]["enum"] == list(BREATH_PRESETS)


@pytest.mark.parametrize("text", ["10s", "1m30s", "2m", "1.5s", "45", "7.5", "1h", "1m 30s", "", "ten", "1m30", "s", "-5s"])
def test_duration_pattern_agrees_with_parse_duration(schema: dict[str, Any], text: str) -> None:
    pattern = schema["$defs"]["durationText"]["pattern"]
    try:
        parse_duration(text)
        accepted = True
    except ValueError:
        accepted = False
    assert bool(re.search(pattern, text)) == accepted


@pytest.mark.parametrize("text", ["5s-15s", "5-15", "1m-2m", "10s - 30s", "5s", "-5s", "5s-", "5-15 breaths"])
def test_hold_range_pattern_agrees_with_the_loader(schema: dict[str, Any], text: str) -> None:
    from tui.engine.routine.model import Span
    from tui.services.loader import RoutineError, load_text

    pattern = next(option["pattern"] for option in schema["$defs"]["exercise"]["properties"]["hold"]["anyOf"]
                   if "range" in option.get("description", ""))
    doc = f"name: T\nexercises:\n  - name: A\n    position: standing\n    hold: {text!r}\n"
    try:
        accepted = isinstance(load_text(doc, "t.yaml").exercises[0].ranges.hold, Span)  # type: ignore[union-attr]
    except (RoutineError, AttributeError):
        accepted = False
    assert bool(re.search(pattern, text)) == accepted

"""What each user setting is: its kind, its bounds and one line of help.

One table serves the YAML reader (tui/services/settings/file.py), the commented file that
`lumbar config --init` writes, `lumbar config`, and the JSON Schema (a test holds
tui/services/settings/schema.json equal to ``json_schema()``). Standard library only, so a start
without a settings.yaml never imports PyYAML.
"""

from __future__ import annotations

from typing import Any, Literal

Kind = Literal["flag", "minutes", "seconds", "count", "hours", "days", "routine", "command"]

#: Day names as `work_days` writes them, Monday first (``date.weekday()`` order).
from tui.engine.breaks.workhours import DAYS
from tui.engine.frozen import frozen
FULL_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: A routine key is a file name without .yaml; longer ones are not ours.
MAX_ROUTINE_KEY = 80
#: A command is a short list of words (a terminal, its options, `lumbar run NAME`).
MAX_COMMAND_WORDS = 32
MAX_COMMAND_WORD = 1000


@frozen
class Spec:
    name: str
    """The Settings attribute and the YAML key."""
    kind: Kind
    help: str
    """One line, for the commented file, the schema and the docs."""
    low: int = 0
    high: int = 0
    """Bounds of a whole number of minutes or seconds, both included."""


SPECS: tuple[Spec, ...] = (
    Spec("voice", "flag", "Speak cues when a speech tool (espeak-ng, spd-say) is installed."),
    Spec("checkins", "flag", "Ask \"how is your back right now?\" (0-10) before and after a routine."),
    Spec("two_week_rule", "flag", "Advise seeing a doctor when two weeks of check-ins show no improvement."),
    Spec("red_flag_check", "flag", "Ask the red-flag questions again at a new episode of pain and after "
         "a flare; the first check is always asked."),
    Spec("progression_question", "flag", "After a routine, ask whether it felt too easy, right or too hard."),
    # The measures and when each is asked: docs/sources.md#outcome-measures.
    Spec("goals", "flag", "Your goals in your own words, rated 0-10: offered after a routine until "
         "set, re-rated once a week after a routine."),
    Spec("peg", "flag", "Three questions on pain's weight on your week (the PEG), once a week "
         "after a routine."),
    Spec("impression", "flag", "Ask how your back is overall compared with the start, every two "
         "weeks after a routine."),
    Spec("leg_score", "flag", "At each check-in, also ask for a leg-pain score (0-10), for pain "
         "that runs down a leg."),
    # Ice or heat at most 20 minutes at a time, then rest the skin (docs/sources.md, "Ice and heat").
    Spec("ice_heat_minutes", "minutes", "How long one ice or heat application lasts.", 1, 20),
    Spec("skin_rest_minutes", "minutes", "Rest for the skin between two applications.", 1, 120),
    # Cold every 2-3 hours, heat up to three times a day (docs/sources.md, "Ice and heat").
    Spec("ice_every_minutes", "minutes", "Ice at most this often, from the start of one to the next.", 60, 180),
    Spec("heat_per_day", "count", "Heat at most this many times a day.", 1, 6),
    # Get up about every 20 minutes (docs/sources.md, "Desk breaks").
    Spec("break_every_minutes", "minutes", "Work between two desk breaks.", 5, 120),
    Spec("break_heads_up_seconds", "seconds", "A heads-up this long before a break; 0 for none.", 0, 300),
    Spec("snooze_minutes", "minutes", "How long a snoozed break waits.", 1, 60),
    Spec("max_snoozes", "count", "Snoozes allowed in a row; 0 for none.", 0, 10),
    Spec("work_hours", "hours", "When breaks may come, HH:MM-HH:MM on the local clock; an end at "
         "or before the start runs past midnight."),
    Spec("work_days", "days", "The days working hours start on: mon, tue, wed, thu, fri, sat, sun."),
    Spec("break_routine", "routine", "The routine a desk break offers, by name as `lumbar list` shows it."),
    Spec("breaks_on_start", "flag", "Start the desk-break schedule with every `lumbar`."),
    Spec("break_command", "command", "A program and its arguments that `lumbar breaks --headless` "
         "runs (without a shell) when the notification's Start button is pressed, such as a "
         "terminal running `lumbar run desk-break`; [] for none."),
    Spec("serve_pages", "count", "Browser pages `lumbar serve` runs at once; one more is told "
         "to close one first.", 1, 16),
)
#: Kinds that are whole numbers with bounds; minutes and seconds also take duration text.
NUMBERS = ("minutes", "seconds", "count")

BY_NAME = {spec.name: spec for spec in SPECS}
KEYS = tuple(BY_NAME)


def yaml_value(value: Any) -> str:
    """``value`` as settings.yaml writes it (booleans, numbers, quoted text, a flow list)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, tuple):
        return "[" + ", ".join(value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _property(spec: Spec, default: Any) -> dict[str, Any]:
    bounds = f" ({spec.low}-{spec.high}, default {yaml_value(default)})"
    prop: dict[str, Any] = {"description": spec.help + bounds if spec.kind in NUMBERS
                            else f"{spec.help} Default {yaml_value(default)}."}
    if spec.kind == "flag":
        prop["type"] = "boolean"
    elif spec.kind == "count":
        prop.update(type="integer", minimum=spec.low, maximum=spec.high)
    elif spec.kind in NUMBERS:
        prop["anyOf"] = [{"type": "integer", "minimum": spec.low, "maximum": spec.high},
                         {"$ref": "#/$defs/durationText"}]
    elif spec.kind == "hours":
        prop.update(type="string", pattern=r"^\s*([01]?\d|2[0-3]):[0-5]\d\s*-\s*([01]?\d|2[0-3]):[0-5]\d\s*$")
    elif spec.kind == "command":
        word = {"type": "string", "minLength": 1, "maxLength": MAX_COMMAND_WORD}
        prop["anyOf"] = [{"type": "array", "items": word, "maxItems": MAX_COMMAND_WORDS}, word]
    elif spec.kind == "days":
        day = {"type": "string", "enum": [*DAYS, *FULL_DAYS]}
        prop["anyOf"] = [{"type": "array", "items": day, "minItems": 1, "maxItems": 7, "uniqueItems": True},
                         day]
    else:
        prop.update(type="string", minLength=1, maxLength=MAX_ROUTINE_KEY)
    prop["default"] = list(default) if isinstance(default, tuple) else default
    return prop


def json_schema(defaults: dict[str, Any]) -> dict[str, Any]:
    """The settings file's JSON Schema (draft 2020-12); ``defaults`` by setting name."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "lumbar settings",
        "description": "lumbar's settings.yaml. Every key is optional. See docs/settings.md.",
        "type": ["object", "null"],
        "additionalProperties": False,
        "properties": {spec.name: _property(spec, defaults[spec.name]) for spec in SPECS},
        "$defs": {"durationText": {
            "type": "string", "pattern": r"^\s*(\d+\s*h)?\s*(\d+\s*m)?\s*(\d+\s*s)?\s*$",
            "description": "A duration like 20m, 90s or 1h30m; it must come to whole units of the key.",
        }},
    }

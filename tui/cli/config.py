"""`lumbar config`: the settings in force and where each came from; `--init` and `--schema`."""

from __future__ import annotations

import os
import sys
from dataclasses import fields
from pathlib import Path

from tui.services.settings.current import InForce, RunMemory, Settings, check_break_routine, settings_in_force
from tui.services.settings.spec import BY_NAME, NUMBERS, SPECS, yaml_value

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "services" / "settings" / "schema.json"
#: Exit status when settings.yaml has problems, or --init finds a file in the way.
BAD_INPUT = 2


def schema_text() -> str:
    """The settings file's JSON Schema as text, ready to print or save."""
    return SCHEMA_PATH.read_text(encoding="utf-8")


def show(folders: list[Path]) -> int:
    """Print every setting, its value and its origin; problems on stderr. 0, or 2 with problems."""
    memory = RunMemory()
    loaded = settings_in_force(memory)
    print(f"settings file: {loaded.path} ({_state(loaded)})")
    width = max(len(f.name) for f in fields(Settings))
    values = [(f.name, yaml_value(getattr(loaded.settings, f.name))) for f in fields(Settings)]
    value_width = max(len(v) for _, v in values)
    for name, value in values:
        print(f"{name:<{width}}  {value:<{value_width}}  {loaded.origins[name]}")
    for line in loaded.notices:
        print(f"lumbar: {line}", file=sys.stderr)
    for line in loaded.problems:
        print(line, file=sys.stderr)
    if loaded.problems:
        count = len(loaded.problems)
        which = "every setting uses its default" if loaded.unusable else "those settings use their defaults"
        print(f"lumbar: {count} problem{'s' if count != 1 else ''} in {loaded.path.name}; {which}",
              file=sys.stderr)
    warning = _break_routine_warning(loaded, folders, memory)
    if warning:
        print(warning, file=sys.stderr)
    return BAD_INPUT if loaded.problems else 0


def _state(loaded: InForce) -> str:
    json_file = loaded.path.with_name("settings.json")
    if loaded.unusable:
        return "cannot be used; every setting is its default"
    if loaded.path.exists():
        return "read; settings.json beside it is not" if json_file.exists() else "read"
    if loaded.legacy:
        return "not found; settings.json is read instead, `lumbar config --init` writes one"
    return "not found; every setting is its default, `lumbar config --init` writes one"


def _break_routine_warning(loaded: InForce, folders: list[Path], memory: RunMemory) -> str | None:
    from tui.services.catalog import load_catalog

    catalog = load_catalog(folders)
    return check_break_routine(loaded.settings, catalog.routines, memory)


def init() -> int:
    """Write a commented settings.yaml holding the settings in force; never over an existing file."""
    loaded = settings_in_force()
    path = loaded.path
    try:
        _write_new(path, init_text(loaded.settings))
    except FileExistsError:
        print(f"lumbar: {path} already exists; it is left as it is", file=sys.stderr)
        return BAD_INPUT
    except OSError as exc:
        print(f"lumbar: could not write {path}: {exc.strerror or exc}", file=sys.stderr)
        return BAD_INPUT
    print(f"wrote {path}")
    return 0


def init_text(settings: Settings) -> str:
    """settings.yaml text: a setting that differs from its default is set, the others are
    comments showing the default, so later defaults still reach them."""
    default = Settings()
    lines = [
        "# lumbar settings. Every key is optional: one left out, or commented out, keeps its default.",
        "# `lumbar config` shows the settings in force and where each came from; docs/settings.md",
        "# explains them. For an editor with a YAML language server, save `lumbar config --schema`",
        "# as settings.schema.json here and add the line `# yaml-language-server: $schema=settings.schema.json`.",
    ]
    for spec in SPECS:
        value = getattr(settings, spec.name)
        lines.append("")
        lines.append(f"# {spec.help}{_range(spec.name)}")
        prefix = "" if value != getattr(default, spec.name) else "# "
        lines.append(f"{prefix}{spec.name}: {yaml_value(value)}")
    return "\n".join(lines) + "\n"


def _range(name: str) -> str:
    spec = BY_NAME[name]
    if spec.kind not in NUMBERS:
        return ""
    if spec.kind == "count":
        return f" {spec.low}-{spec.high}."
    unit = spec.kind
    example = "20m" if unit == "minutes" else "30s"
    return f" {spec.low}-{spec.high} {unit}; text like {example} works too."


def _write_new(path: Path, text: str) -> None:
    """Write ``text`` to a new file at ``path``, whole or not at all; FileExistsError if taken.

    A temporary file is linked to the name: unlike a rename, a link never replaces a file
    made meanwhile.
    """
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    if os.path.lexists(path):
        raise FileExistsError(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise
        except OSError:  # a filesystem without hard links
            with open(path, "x", encoding="utf-8") as out:
                out.write(text)
    finally:
        Path(tmp).unlink(missing_ok=True)

"""The JSON Schema for routine files, for editors with a YAML language server."""

from __future__ import annotations

from pathlib import Path

SCHEMA_PATH = Path(__file__).parent / "schema.json"


def schema_text() -> str:
    """The schema as JSON text, ready to print or save."""
    return SCHEMA_PATH.read_text(encoding="utf-8")

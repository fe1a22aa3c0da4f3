"""Only a shim for tests/ui/test_waiting_rows.py; goes when tests/ui moves."""

from tests.services.store.walls import Wall  # noqa: F401

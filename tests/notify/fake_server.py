"""Only a shim for tests/ui/test_breaks_owner.py; goes when tests/ui moves."""

from tests.services.notify.fake_server import start_daemon  # noqa: F401

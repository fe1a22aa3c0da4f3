"""Only a shim: tests/ui imports `tests.notify.fake_server`; the notifier tests are in
tests/services/notify. Goes when tests/ui moves."""

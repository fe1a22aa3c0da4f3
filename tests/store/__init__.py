"""Only a shim: tests/ui imports `tests.store.conftest`; the store tests are in
tests/services/store. Goes when tests/ui moves."""

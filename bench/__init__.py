"""Benchmarks for lumbar: run with `make bench` or `python -m bench` (see __main__)."""

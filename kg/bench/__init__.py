"""Benchmarks that score kg against hand-annotated data."""

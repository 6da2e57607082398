"""Benchmarks and measurements of plancheck (run from the repository root)."""

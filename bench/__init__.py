"""Benchmarks (``make bench``): not part of the test suite; they print tables for BENCHMARKS.md."""

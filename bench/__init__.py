"""Benchmarks for Closer: build speed and in-browser speed, side by side.

`python -m bench` (`make bench`) builds this site and generated large sites
with and without the assessments plugin, drives headless Chromium against the
built site on 127.0.0.1, and writes bench/results/latest.md and latest.json.
Benchmarks print numbers; they assert nothing. See bench/__main__.py.
"""

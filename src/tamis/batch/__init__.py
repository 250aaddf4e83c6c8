"""Scanning many items: reading sources and running them on a local process pool."""

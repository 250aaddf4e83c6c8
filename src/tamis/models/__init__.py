"""Shipped models: each lives in its own folder here with a MODEL.json manifest."""

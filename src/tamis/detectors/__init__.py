"""Detectors observe parts and emit findings. See base.py for the contract."""

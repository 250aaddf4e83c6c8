"""Decoders turn submitted media into parts that remember where they came from."""
